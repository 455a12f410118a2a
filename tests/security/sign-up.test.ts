// Sign-up proves the address (issue #11, item 6): the answer is the same for a new and a registered address, the
// account exists only once the emailed link is followed, and nobody can take the account of the address's owner.
import { expect, it } from "vitest";
import { sha256 } from "../../src/server/platform/ids";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { confirmationTokens, linksIn, signUpByEmail } from "../accounts";
import { describeEngines } from "../engines";
import { PASSWORD, type Response, signedInAgent, type TestServer, uniqueEmail, useTestServer } from "../harness";

type MeBody = { user: { id: string; email: string; name: string } | null };

const cookieNames = (res: Response) => res.raw.cookies.map((c) => c.name).sort();

async function accountsWith(server: TestServer, email: string) {
  return server.deps.db
    .selectFrom("users")
    .select(["id", "password_hash", "email_verified_at"])
    .where("email", "=", email)
    .execute();
}

describeEngines("security: sign-up proves the address", (engine) => {
  const server = useTestServer(engine);

  it("answers a new and a registered address the same way, and creates nothing before the link is followed", async () => {
    const existing = await signedInAgent(server(), { name: "Already Here" });
    const fresh = uniqueEmail("fresh");
    const asNew = await server()
      .agent()
      .post("/api/v1/auth/sign-up", { name: "New Person", email: fresh, password: PASSWORD });
    const asTaken = await server().agent().post("/api/v1/auth/sign-up", {
      name: "Someone Else",
      email: existing.email,
      password: "the intruder's passphrase",
    });
    expect(asNew.status).toBe(202);
    expect(asTaken.status).toBe(asNew.status);
    expect(asTaken.body).toEqual(asNew.body);
    expect(cookieNames(asTaken)).toEqual(cookieNames(asNew));
    expect(cookieNames(asNew)).not.toContain("convene_session");
    expect(await accountsWith(server(), fresh)).toEqual([]);

    await server().deliver();
    expect(confirmationTokens(server(), fresh)).toHaveLength(1);
    // The owner of the registered address is told, with no link that does anything by itself.
    const told = server().smtp.to(existing.email);
    expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/tried to create an account/i)]);
    expect(told[0]?.text).toMatch(/sign in or reset your password/i);
    expect(told[0]?.text).not.toMatch(/token=/);
    // Their account is untouched.
    const intruder = await server()
      .agent()
      .post("/api/v1/auth/sign-in", { email: existing.email, password: "the intruder's passphrase" });
    expect(intruder.status).toBe(401);
    expect(
      (await server().agent().post("/api/v1/auth/sign-in", { email: existing.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it("the link creates the account, signs the browser in, marks the address verified and works once", async () => {
    const email = uniqueEmail("confirm");
    const browser = server().agent();
    expect(
      (
        await browser.post("/api/v1/auth/sign-up", {
          name: "Ada Lovelace",
          email: email.toUpperCase(),
          password: PASSWORD,
          next: "/sessions/42?tab=roles",
        })
      ).status,
    ).toBe(202);
    expect((await browser.get<MeBody>("/api/v1/auth/me")).body.user).toBeNull();
    await server().deliver();
    const [link] = linksIn(server(), email, "/confirm-email");
    expect(link?.origin).toBe("http://convene.test");
    expect(link?.searchParams.get("next")).toBe("/sessions/42?tab=roles");
    const token = link?.searchParams.get("token") as string;

    // Only the token's hash is stored.
    const pending = await server()
      .deps.db.selectFrom("sign_up_requests")
      .selectAll()
      .where("email", "=", email)
      .execute();
    expect(pending.map((r) => r.id)).toEqual([sha256(token)]);
    expect(JSON.stringify(pending)).not.toContain(token);

    const confirmed = await browser.post<MeBody>("/api/v1/auth/sign-up/confirm", { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({ email, name: "Ada Lovelace" });
    expect((await browser.get<MeBody>("/api/v1/auth/me")).body.user?.email).toBe(email);
    const [account] = await accountsWith(server(), email);
    expect(account?.email_verified_at).toBeTruthy();
    expect(account?.password_hash).toMatch(/^\$argon2id\$/);

    const again = await server().agent().post<ErrorBody>("/api/v1/auth/sign-up/confirm", { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("invalid_token");
    expect(await accountsWith(server(), email)).toHaveLength(1);
    expect((await server().agent().post("/api/v1/auth/sign-in", { email, password: PASSWORD })).status).toBe(200);
  });

  it("refuses an expired link", async () => {
    const email = uniqueEmail("late");
    const browser = server().agent();
    await browser.post("/api/v1/auth/sign-up", { name: "Late", email, password: PASSWORD });
    await server().deliver();
    const token = confirmationTokens(server(), email)[0] as string;
    await server()
      .deps.db.updateTable("sign_up_requests")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", sha256(token))
      .execute();
    const res = await browser.post<ErrorBody>("/api/v1/auth/sign-up/confirm", { token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_token");
    expect(await accountsWith(server(), email)).toEqual([]);
  });

  it("in another browser, the link needs the password chosen at sign-up", async () => {
    const email = uniqueEmail("phone");
    await server().agent().post("/api/v1/auth/sign-up", { name: "Two Devices", email, password: PASSWORD });
    await server().deliver();
    const token = confirmationTokens(server(), email)[0] as string;
    const phone = server().agent();
    const bare = await phone.post<ErrorBody>("/api/v1/auth/sign-up/confirm", { token });
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({ code: "password_required", fields: { password: "is required" } });
    const wrong = await phone.post<ErrorBody>("/api/v1/auth/sign-up/confirm", { token, password: "not my passphrase" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.password).toBeTruthy();
    expect(await accountsWith(server(), email)).toEqual([]);
    const right = await phone.post<MeBody>("/api/v1/auth/sign-up/confirm", { token, password: PASSWORD });
    expect(right.status).toBe(200);
    expect((await phone.get<MeBody>("/api/v1/auth/me")).body.user?.email).toBe(email);
  });

  it("someone who signs up first with the victim's address cannot get into the victim's account", async () => {
    const victimEmail = uniqueEmail("victim");
    const attacker = server().agent();
    expect(
      (
        await attacker.post("/api/v1/auth/sign-up", {
          name: "Victim (not really)",
          email: victimEmail,
          password: "the attacker's passphrase",
        })
      ).status,
    ).toBe(202);
    await server().deliver();
    const attackersLink = confirmationTokens(server(), victimEmail)[0] as string;
    const victim = server().agent();
    expect(
      (await victim.post("/api/v1/auth/sign-up", { name: "Victim", email: victimEmail, password: PASSWORD })).status,
    ).toBe(202);
    await server().deliver();
    const victimsLink = confirmationTokens(server(), victimEmail).find((t) => t !== attackersLink) as string;

    // The victim clicks the email they did not ask for, in their own browser: it does not create an account
    // with the attacker's password, and their own password does not open it either.
    const clicked = await victim.post<ErrorBody>("/api/v1/auth/sign-up/confirm", { token: attackersLink });
    expect(clicked.status).toBe(400);
    expect(clicked.body.error.code).toBe("password_required");
    const typed = await victim.post<ErrorBody>("/api/v1/auth/sign-up/confirm", {
      token: attackersLink,
      password: PASSWORD,
    });
    expect(typed.status).toBe(400);
    expect(await accountsWith(server(), victimEmail)).toEqual([]);

    // Their own link makes the account theirs; the attacker's link is then dead.
    expect((await victim.post("/api/v1/auth/sign-up/confirm", { token: victimsLink })).status).toBe(200);
    const late = await attacker.post<ErrorBody>("/api/v1/auth/sign-up/confirm", {
      token: attackersLink,
      password: "the attacker's passphrase",
    });
    expect(late.status).toBe(400);
    expect(
      (
        await server()
          .agent()
          .post("/api/v1/auth/sign-in", { email: victimEmail, password: "the attacker's passphrase" })
      ).status,
    ).toBe(401);
    expect((await victim.get<MeBody>("/api/v1/auth/me")).body.user?.name).toBe("Victim");
  });

  it("keeps ?next= inside the site", async () => {
    const email = uniqueEmail("next");
    await server()
      .agent()
      .post("/api/v1/auth/sign-up", { name: "Next", email, password: PASSWORD, next: "https://evil.example/x" });
    await server().deliver();
    const [link] = linksIn(server(), email, "/confirm-email");
    expect(link?.origin).toBe("http://convene.test");
    expect(link?.searchParams.get("next") ?? "/").toBe("/");
    expect(server().smtp.to(email)[0]?.text).not.toContain("evil.example");
  });
});

describeEngines("security: verified addresses", (engine) => {
  const server = useTestServer(engine);

  it("a reset link or an invitation link proves the address; a changed address is unverified again", async () => {
    const { email } = await signedInAgent(server());
    expect((await accountsWith(server(), email))[0]?.email_verified_at).toBeNull();
    await server().agent().post("/api/v1/auth/password-reset", { email });
    await server().deliver();
    const reset = linksIn(server(), email, "/reset-password").at(-1)?.searchParams.get("token");
    expect(
      (await server().agent().post("/api/v1/auth/password-reset/confirm", { token: reset, password: PASSWORD })).status,
    ).toBe(200);
    expect((await accountsWith(server(), email))[0]?.email_verified_at).toBeTruthy();

    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const session = await admin.post<{ id: string }>("/api/v1/community/sessions", { title: "Verified guests" });
    const invited = uniqueEmail("invited");
    expect(
      (
        await admin.post(`/api/v1/community/sessions/${session.body.id}/participants`, {
          email: invited,
          role: "guest",
        })
      ).status,
    ).toBe(201);
    expect((await accountsWith(server(), invited))[0]?.email_verified_at).toBeNull();
    await server().deliver();
    const invitation = linksIn(server(), invited, "/accept-invitation").at(-1)?.searchParams.get("token");
    expect(
      (
        await server()
          .agent()
          .post("/api/v1/auth/invitation/accept", { token: invitation, name: "Invited", password: PASSWORD })
      ).status,
    ).toBe(200);
    expect((await accountsWith(server(), invited))[0]?.email_verified_at).toBeTruthy();

    const moved = uniqueEmail("moved");
    // The reset ended every sign-in, so sign in again.
    const fresh = server().agent();
    expect((await fresh.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).status).toBe(200);
    expect((await fresh.post("/api/v1/account/email", { email: moved, currentPassword: PASSWORD })).status).toBe(200);
    expect((await accountsWith(server(), moved))[0]?.email_verified_at).toBeNull();
  });

  it("a confirmed sign-up works like any account afterwards", async () => {
    const email = uniqueEmail("after");
    const agent = await signUpByEmail(server(), { name: "After", email });
    expect((await agent.get<MeBody>("/api/v1/auth/me")).body.user?.email).toBe(email);
  });
});
