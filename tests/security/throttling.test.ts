// Throttling beyond sign-in (issue #11, item 5): password-reset requests per address and per client, sign-ups
// per address and per client, and current-password checks, each answered 429 with Retry-After over the limit,
// counted in the database so that every instance sees the same counts.
import { expect, it } from "vitest";
import { CURRENT_PASSWORD_LIMIT, PASSWORD_RESET_LIMITS, SIGN_UP_LIMITS } from "../../src/server/accounts/operations";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { describeEngines } from "../engines";
import { PASSWORD, type Response, signedInAgent, type TestServer, uniqueEmail, useTestServer } from "../harness";

function expectLimited(res: Response<ErrorBody>, label: string): void {
  expect(res.status, label).toBe(429);
  expect(res.body.error.code).toBe("rate_limited");
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
}

async function limitKeys(server: TestServer): Promise<string[]> {
  const rows = await server.deps.db.selectFrom("rate_limits").select("key").execute();
  return rows.map((r) => r.key);
}

const reset = (server: TestServer, email: string) =>
  server.agent().post<ErrorBody>("/api/v1/auth/password-reset", { email });
const signUp = (server: TestServer, email: string) =>
  server.agent().post<ErrorBody>("/api/v1/auth/sign-up", { name: "Someone", email, password: PASSWORD });

describeEngines("security: password-reset requests per address", (engine) => {
  const server = useTestServer(engine);

  it("stops mailing one address after the limit, whether or not it has an account", async () => {
    const { email } = await signedInAgent(server());
    const nobody = uniqueEmail("nobody");
    for (const address of [email, nobody]) {
      for (let i = 0; i < PASSWORD_RESET_LIMITS.email.max; i++) {
        expect((await reset(server(), address)).status).toBe(202);
      }
      expectLimited(await reset(server(), address), address);
    }
    await server().deliver();
    expect(server().smtp.to(email)).toHaveLength(PASSWORD_RESET_LIMITS.email.max);
    // Another address from the same client still gets its link.
    expect((await reset(server(), uniqueEmail("other"))).status).toBe(202);
    expect((await limitKeys(server())).some((k) => k.startsWith("password-reset:"))).toBe(true);
  });
});

describeEngines("security: password-reset requests per client", (engine) => {
  const server = useTestServer(engine);

  it("stops a client that asks for links to many addresses", async () => {
    for (let i = 0; i < PASSWORD_RESET_LIMITS.client.max; i++) {
      expect((await reset(server(), uniqueEmail("spray"))).status).toBe(202);
    }
    expectLimited(await reset(server(), uniqueEmail("spray")), "one more address");
  });
});

describeEngines("security: sign-ups per address and per client", (engine) => {
  const server = useTestServer(engine);

  it("stops mailing one address after the limit", async () => {
    const email = uniqueEmail("again");
    for (let i = 0; i < SIGN_UP_LIMITS.email.max; i++) expect((await signUp(server(), email)).status).toBe(202);
    expectLimited(await signUp(server(), email), "same address");
    await server().deliver();
    expect(server().smtp.to(email)).toHaveLength(SIGN_UP_LIMITS.email.max);
  });
});

describeEngines("security: sign-ups per client", (engine) => {
  const server = useTestServer(engine);

  it("stops a client that signs up many addresses", async () => {
    for (let i = 0; i < SIGN_UP_LIMITS.client.max; i++) {
      expect((await signUp(server(), uniqueEmail("bulk"))).status).toBe(202);
    }
    expectLimited(await signUp(server(), uniqueEmail("bulk")), "one more sign-up");
    expect((await limitKeys(server())).some((k) => k.startsWith("sign-up:"))).toBe(true);
  });
});

describeEngines("security: current-password checks", (engine) => {
  const server = useTestServer(engine);

  it("stops guessing the current password (change password and change email share the count)", async () => {
    // A borrowed or stolen session must not be a way to guess the password without limit.
    const { agent, email } = await signedInAgent(server());
    for (let i = 0; i < CURRENT_PASSWORD_LIMIT.max; i++) {
      const guess = i % 2 === 0 ? "/api/v1/account/password" : "/api/v1/account/email";
      const res = await agent.post<ErrorBody>(guess, {
        currentPassword: `guess number ${i}`,
        newPassword: "a brand new passphrase",
        email: uniqueEmail("moved"),
      });
      expect(res.status, `guess ${i}`).toBe(400);
    }
    expectLimited(
      await agent.post<ErrorBody>("/api/v1/account/password", {
        currentPassword: PASSWORD,
        newPassword: "a brand new passphrase",
      }),
      "change password",
    );
    expectLimited(
      await agent.post<ErrorBody>("/api/v1/account/email", { currentPassword: PASSWORD, email: uniqueEmail("moved") }),
      "change email",
    );
    // Nothing changed.
    expect((await server().agent().post("/api/v1/auth/sign-in", { email, password: PASSWORD })).status).toBe(200);
  });

  it("a right password clears the count", async () => {
    const { agent } = await signedInAgent(server());
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < CURRENT_PASSWORD_LIMIT.max - 1; i++) {
        const res = await agent.post("/api/v1/account/password", {
          currentPassword: "wrong wrong wrong",
          newPassword: "a brand new passphrase",
        });
        expect(res.status).toBe(400);
      }
      const ok = await agent.post("/api/v1/account/password", { currentPassword: PASSWORD, newPassword: PASSWORD });
      expect(ok.status, `round ${round}`).toBe(200);
    }
  });
});
