// Password reset (decisions.md: links live one hour, work once, end every other sign-in; the request answers 202
// whether or not the account exists).
import { expect, it } from "vitest";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { describeEngines } from "../engines";
import { signedInAgent, type TestServer, uniqueEmail, useTestServer } from "../harness";

/** The tokens of the reset links `email` received, oldest first. */
function resetTokens(server: TestServer, email: string): string[] {
  return server.smtp
    .to(email)
    .map((m) => /reset-password\?token=([^\s&"<]+)/.exec(m.text ?? "")?.[1])
    .filter((t): t is string => t !== undefined)
    .map((t) => decodeURIComponent(t));
}

describeEngines("security: password reset", (engine) => {
  const server = useTestServer(engine);

  it("answers the same for an unknown and a known email, and mails only the account", async () => {
    const { email } = await signedInAgent(server());
    const stranger = uniqueEmail("nobody");
    const known = await server().agent().post("/api/v1/auth/password-reset", { email });
    const unknown = await server().agent().post("/api/v1/auth/password-reset", { email: stranger });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await server().deliver();
    expect(resetTokens(server(), email)).toHaveLength(1);
    expect(server().smtp.to(stranger)).toEqual([]);
  });

  it("builds the emailed link from BASE_URL, whatever Host or X-Forwarded-Host the request names", async () => {
    const { email } = await signedInAgent(server());
    const res = await server()
      .agent()
      .request(
        "POST",
        "/api/v1/auth/password-reset",
        { email },
        { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      );
    expect(res.status).toBe(202);
    await server().deliver();
    const mail = server().smtp.to(email).at(-1);
    expect(mail?.text).toContain("http://convene.test/reset-password?token=");
    expect(`${mail?.text}${mail?.html}`).not.toContain("evil.example");
  });

  it("stops an older reset link from working once the password was reset with another", async () => {
    const { email } = await signedInAgent(server());
    expect((await server().agent().post("/api/v1/auth/password-reset", { email })).status).toBe(202);
    expect((await server().agent().post("/api/v1/auth/password-reset", { email })).status).toBe(202);
    await server().deliver();
    const [older, newer] = resetTokens(server(), email);
    expect(older && newer).toBeTruthy();
    const first = await server()
      .agent()
      .post("/api/v1/auth/password-reset/confirm", { token: newer, password: "a brand new passphrase" });
    expect(first.status).toBe(200);
    // Whoever else got hold of the first email (a shared or compromised mailbox) must not reset it again.
    const second = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/password-reset/confirm", { token: older, password: "the attacker's passphrase" });
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe("invalid_token");
    const signIn = await server().agent().post("/api/v1/auth/sign-in", { email, password: "a brand new passphrase" });
    expect(signIn.status).toBe(200);
  });
});
