// Sign-in: rate limits per account and per address (decisions.md: 5 failures per account, 30 per address per
// 15 minutes), the session cookie's flags, and sign-in sessions that cannot be planted or replayed.
import { expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../src/server/accounts/operations";
import { sha256 } from "../../src/server/platform/ids";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { confirmationTokens } from "../accounts";
import { describeEngines } from "../engines";
import { PASSWORD, signedInAgent, type TestServer, uniqueEmail, useTestServer } from "../harness";

const wrongSignIn = (server: TestServer, email: string, headers: Record<string, string> = {}) =>
  server.agent().request<ErrorBody>("POST", "/api/v1/auth/sign-in", { email, password: "not the password" }, headers);

describeEngines("security: per-address sign-in limit", (engine) => {
  const server = useTestServer(engine);

  it("stops a client after 30 failed sign-ins across many accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.address.max; i++) {
      expect((await wrongSignIn(server(), uniqueEmail("spray"))).status).toBe(401);
    }
    const next = await wrongSignIn(server(), uniqueEmail("spray"));
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe("rate_limited");
  });
});

describeEngines("security: per-address sign-in limit and X-Forwarded-For", (engine) => {
  const server = useTestServer(engine);

  it("counts failures per connecting client even when the client sends its own X-Forwarded-For", async () => {
    // Nothing in front of this server adds X-Forwarded-For: whatever the header says, the client wrote it.
    for (let i = 0; i < SIGN_IN_LIMITS.address.max; i++) {
      const res = await wrongSignIn(server(), uniqueEmail("spray"), { "x-forwarded-for": `203.0.113.${i}` });
      expect(res.status).toBe(401);
    }
    const next = await wrongSignIn(server(), uniqueEmail("spray"), { "x-forwarded-for": "198.51.100.7" });
    expect(next.status).toBe(429);
  });
});

describeEngines("security: per-account sign-in limit under concurrency", (engine) => {
  const server = useTestServer(engine);

  it("checks no more than 5 wrong passwords for one account, even when they arrive at once", async () => {
    const { email } = await signedInAgent(server());
    const answers = await Promise.all(Array.from({ length: 20 }, () => wrongSignIn(server(), email)));
    const checked = answers.filter((r) => r.status === 401).length;
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.max);
  });
});

describeEngines("security: session cookie on an https BASE_URL", (engine) => {
  const server = useTestServer(engine, { env: { BASE_URL: "https://convene.test" } });

  it("marks the session cookie httpOnly, Secure, SameSite=Lax for the whole site, and the CSRF cookie Secure", async () => {
    const email = uniqueEmail();
    const agent = server().agent();
    const signUp = await agent.post("/api/v1/auth/sign-up", { name: "Secure Cookie", email, password: PASSWORD });
    expect(signUp.status).toBe(202);
    // The cookie that lets this browser confirm the sign-up with one click goes only to that route.
    const signUpCookie = signUp.raw.cookies.find((c) => c.name === "convene_sign_up");
    expect(signUpCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/api/v1/auth/sign-up" });
    await server().deliver();
    const token = confirmationTokens(server(), email)[0];
    expect((await agent.post("/api/v1/auth/sign-up/confirm", { token })).status).toBe(200);
    const res = await agent.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(res.status).toBe(200);
    const session = res.raw.cookies.find((c) => c.name === "convene_session");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(session?.domain).toBeUndefined();
    expect(session?.maxAge).toBe(30 * 24 * 3600);

    const fresh = await server().app.inject({ method: "GET", url: "/api/v1/auth/me" });
    const csrf = fresh.cookies.find((c) => c.name === "convene_csrf");
    // The web app must read the CSRF cookie to copy it into the header, so it is not httpOnly.
    expect(csrf).toMatchObject({ secure: true, sameSite: "Lax", path: "/" });
    expect(csrf?.httpOnly).toBeFalsy();

    const out = await agent.post("/api/v1/auth/sign-out");
    const cleared = out.raw.cookies.find((c) => c.name === "convene_session");
    expect(cleared).toMatchObject({ value: "", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  });
});

describeEngines("security: sign-in sessions", (engine) => {
  const server = useTestServer(engine);
  const me = async (cookie: string) =>
    (await server().app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } })).json<{
      user: { id: string } | null;
    }>().user;

  it("ignores a planted session cookie and gives a new token at sign-in (no session fixation)", async () => {
    const { email } = await signedInAgent(server());
    const planted = "planted-session-token-planted-session-token";
    const agent = server().agent();
    agent.cookies.set("convene_session", planted);
    expect((await agent.get<{ user: unknown }>("/api/v1/auth/me")).body.user).toBeNull();
    const res = await agent.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(res.status).toBe(200);
    const issued = agent.cookies.get("convene_session");
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(await me(`convene_session=${planted}`)).toBeNull();
  });

  it("ends the browser's previous sign-in session when it signs in again (no session fixation)", async () => {
    // A token someone planted in this browser's cookie, or the previous user's, must not live on.
    const first = await signedInAgent(server());
    const second = await signedInAgent(server());
    const before = first.agent.cookies.get("convene_session") as string;
    expect(await me(`convene_session=${before}`)).toMatchObject({ id: first.id });
    const res = await first.agent.post("/api/v1/auth/sign-in", { email: second.email, password: PASSWORD });
    expect(res.status).toBe(200);
    const after = first.agent.cookies.get("convene_session") as string;
    expect(after).not.toBe(before);
    expect(await me(`convene_session=${after}`)).toMatchObject({ id: second.id });
    expect(await me(`convene_session=${before}`)).toBeNull();
    const stored = await server()
      .deps.db.selectFrom("sign_in_sessions")
      .select("id")
      .where("id", "=", sha256(before))
      .execute();
    expect(stored).toEqual([]);
  });

  it("keeps only a hash of each session token, and a token stops working after sign-out", async () => {
    const { agent, id } = await signedInAgent(server());
    const token = agent.cookies.get("convene_session") as string;
    const rows = await server().deps.db.selectFrom("sign_in_sessions").select("id").where("user_id", "=", id).execute();
    expect(rows.map((r) => r.id)).toEqual([sha256(token)]);
    expect(await me(`convene_session=${token}`)).toMatchObject({ id });
    expect((await agent.post("/api/v1/auth/sign-out")).status).toBe(200);
    // A copy of the cookie taken before signing out (another tab, a stolen value) is dead too.
    expect(await me(`convene_session=${token}`)).toBeNull();
  });

  it("ends the sessions of a deactivated account at once", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const member = await signedInAgent(server());
    const token = member.agent.cookies.get("convene_session") as string;
    expect((await admin.patch(`/api/v1/admin/users/${member.id}`, { active: false })).status).toBe(200);
    expect(await me(`convene_session=${token}`)).toBeNull();
    const again = await member.agent.post<ErrorBody>("/api/v1/auth/sign-in", {
      email: member.email,
      password: PASSWORD,
    });
    expect(again.status).toBe(403);
  });

  it("answers a wrong password for a deactivated account exactly like an unknown account", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const member = await signedInAgent(server());
    expect((await admin.patch(`/api/v1/admin/users/${member.id}`, { active: false })).status).toBe(200);
    const unknown = await wrongSignIn(server(), uniqueEmail());
    const wrong = await wrongSignIn(server(), member.email);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual(unknown.body);
  });
});
