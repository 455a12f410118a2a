import { expect, it } from "vitest";
import { confirmationTokens, signUpByEmail } from "../../../tests/accounts";
import { describeEngines } from "../../../tests/engines";
import { Agent, PASSWORD, signedInAgent, uniqueEmail, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";

describeEngines("accounts API", (engine) => {
  const server = useTestServer(engine);

  it("signs up through the emailed link, stays signed in with an httpOnly SameSite cookie, and signs out", async () => {
    const agent = server().agent();
    const email = uniqueEmail();
    const res = await agent.post("/api/v1/auth/sign-up", {
      name: "Ada Lovelace",
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });
    expect((await agent.get<{ user: null }>("/api/v1/auth/me")).body.user).toBeNull();
    await server().deliver();
    const [mail] = server().smtp.to(email);
    expect(mail?.subject).toMatch(/Confirm your email address/);
    const token = confirmationTokens(server(), email)[0];
    const confirmed = await agent.post<{ user: { email: string; name: string } }>("/api/v1/auth/sign-up/confirm", {
      token,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({ email, name: "Ada Lovelace" });
    const cookie = confirmed.raw.cookies.find((c) => c.name === "convene_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    const me = await agent.get<{ user: { email: string } | null }>("/api/v1/auth/me");
    expect(me.body.user?.email).toBe(email);

    expect((await agent.post("/api/v1/auth/sign-out")).status).toBe(200);
    expect((await agent.get<{ user: null }>("/api/v1/auth/me")).body.user).toBeNull();
  });

  it("stores the password as an argon2id hash, never as text", async () => {
    const email = uniqueEmail();
    await signUpByEmail(server(), { name: "Hash Check", email });
    const row = await server()
      .deps.db.selectFrom("users")
      .select("password_hash")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const waiting = await server().deps.db.selectFrom("sign_up_requests").select("password_hash").execute();
    for (const r of waiting) expect(r.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("refuses bad sign-up input with a 400 naming each field, and creates nothing", async () => {
    const agent = server().agent();
    const res = await agent.post<ErrorBody>("/api/v1/auth/sign-up", {
      name: "",
      email: "not-an-email",
      password: "short",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(["email", "name", "password"]);
    expect(res.body.error.fields?.password).toMatch(/at least 10/);
    const missing = await agent.post<ErrorBody>("/api/v1/auth/sign-up", { email: uniqueEmail() });
    expect(missing.body.error.fields).toMatchObject({ name: "is required", password: "is required" });
  });

  it("refuses a common password, and says nothing about a registered email", async () => {
    const agent = server().agent();
    const common = await agent.post<ErrorBody>("/api/v1/auth/sign-up", {
      name: "A",
      email: uniqueEmail(),
      password: "password123",
    });
    expect(common.status).toBe(400);
    expect(common.body.error.fields?.password).toMatch(/too common/);

    // A registered email gets the same answer as a new one (tests/security/sign-up.test.ts).
    const { email } = await signedInAgent(server());
    const dup = await server().agent().post("/api/v1/auth/sign-up", { name: "B", email, password: PASSWORD });
    expect(dup.status).toBe(202);
    expect(dup.body).toEqual({ ok: true });
  });

  it("answers malformed JSON and wrong types with 400, never 500", async () => {
    const agent = server().agent();
    await agent.get("/api/v1/auth/me");
    const broken = await agent.request<ErrorBody>("POST", "/api/v1/auth/sign-in", "{not json", {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBeTruthy();
    const wrongType = await agent.post<ErrorBody>("/api/v1/auth/sign-in", { email: 42, password: ["x"] });
    expect(wrongType.status).toBe(400);
    expect(Object.keys(wrongType.body.error.fields ?? {}).sort()).toEqual(["email", "password"]);
  });

  it("rejects a state-changing request without the CSRF header", async () => {
    const agent = server().agent();
    await agent.get("/api/v1/auth/me");
    const res = await agent.request<ErrorBody>(
      "POST",
      "/api/v1/auth/sign-in",
      { email: uniqueEmail(), password: PASSWORD },
      { "x-csrf-token": "" },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_failed");
    const forged = await agent.request<ErrorBody>(
      "POST",
      "/api/v1/auth/sign-in",
      { email: uniqueEmail(), password: PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(forged.status).toBe(403);
  });

  it("says the same wrong-credentials message for an unknown email and a wrong password", async () => {
    const { email } = await signedInAgent(server());
    const unknown = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/sign-in", { email: uniqueEmail(), password: PASSWORD });
    const wrong = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/sign-in", { email, password: "wrong password!" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it("rate-limits failed sign-ins per account, even with the right password, then tells when to retry", async () => {
    const { email } = await signedInAgent(server());
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await server()
            .agent()
            .post("/api/v1/auth/sign-in", { email, password: `wrong-password-${i}` })
        ).status,
      ).toBe(401);
    }
    const blocked = await server().agent().post<ErrorBody>("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.body.error.code).toBe("rate_limited");
  });

  it("resets a forgotten password through the emailed link, once, and signs out other sessions", async () => {
    const { agent: oldSession, email } = await signedInAgent(server());
    const anon = server().agent();
    expect((await anon.post("/api/v1/auth/password-reset", { email })).status).toBe(202);
    // An unknown address gets the same answer and no email.
    expect((await anon.post("/api/v1/auth/password-reset", { email: uniqueEmail() })).status).toBe(202);
    await server().deliver();
    const [mail] = server().smtp.to(email);
    expect(mail?.subject).toMatch(/Reset your .* password/);
    const link = /http:\/\/convene\.test\/reset-password\?token=([\w-]+)/.exec(mail?.text ?? "");
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link?.[1] ?? "");

    const newPassword = "a brand new passphrase";
    expect((await anon.post("/api/v1/auth/password-reset/confirm", { token, password: newPassword })).status).toBe(200);
    const again = await anon.post<ErrorBody>("/api/v1/auth/password-reset/confirm", { token, password: newPassword });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("invalid_token");

    expect((await oldSession.get<{ user: null }>("/api/v1/auth/me")).body.user).toBeNull();
    expect((await server().agent().post("/api/v1/auth/sign-in", { email, password: newPassword })).status).toBe(200);
    expect((await server().agent().post("/api/v1/auth/sign-in", { email, password: PASSWORD })).status).toBe(401);
  });

  it("lets a member change name, time zone, email and password", async () => {
    const { agent, email } = await signedInAgent(server());
    const bad = await agent.patch<ErrorBody>("/api/v1/account", { timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.timeZone).toMatch(/IANA/);
    const ok = await agent.patch<{ user: { name: string; timeZone: string } }>("/api/v1/account", {
      name: "Grace",
      timeZone: "Europe/Paris",
    });
    expect(ok.body.user).toMatchObject({ name: "Grace", timeZone: "Europe/Paris" });

    const newEmail = uniqueEmail("renamed");
    const wrongPw = await agent.post<ErrorBody>("/api/v1/account/email", {
      email: newEmail,
      currentPassword: "nope nope nope",
    });
    expect(wrongPw.status).toBe(400);
    expect(wrongPw.body.error.fields?.currentPassword).toBe("is wrong");
    expect((await agent.post("/api/v1/account/email", { email: newEmail, currentPassword: PASSWORD })).status).toBe(
      200,
    );
    await server().deliver();
    expect(
      server()
        .smtp.to(email)
        .some((m) => /email address was changed/.test(m.subject ?? "")),
    ).toBe(true);

    expect(
      (
        await agent.post("/api/v1/account/password", {
          currentPassword: PASSWORD,
          newPassword: "another long passphrase",
        })
      ).status,
    ).toBe(200);
    expect((await agent.get<{ user: { email: string } }>("/api/v1/auth/me")).body.user.email).toBe(newEmail);
    expect(
      (await server().agent().post("/api/v1/auth/sign-in", { email: newEmail, password: "another long passphrase" }))
        .status,
    ).toBe(200);
  });

  it("Admin > Users: only admins list, search and set flags; deactivation blocks sign-in", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const member = await signedInAgent(server(), { name: "Zelda Unique-Name" });
    const anon = new Agent(server());

    expect((await anon.get("/api/v1/admin/users")).status).toBe(401);
    expect((await member.agent.get("/api/v1/admin/users")).status).toBe(403);
    expect((await member.agent.patch(`/api/v1/admin/users/${member.id}`, { isAdmin: true })).status).toBe(403);

    const found = await admin.agent.get<{ users: { id: string }[]; total: number }>(
      "/api/v1/admin/users?q=zelda%20unique",
    );
    expect(found.body.users.map((u) => u.id)).toEqual([member.id]);

    type MeBody = { user: { isStaff: boolean; abilities: { takePremiumRoles: boolean } } };
    // Premium-only roles: the premium flag, staff or admin (community.md, Roles); the web reads it from here.
    expect((await member.agent.get<MeBody>("/api/v1/auth/me")).body.user.abilities.takePremiumRoles).toBe(false);
    const staffOnly = await admin.agent.patch(`/api/v1/admin/users/${member.id}`, { isStaff: true });
    expect(staffOnly.status).toBe(200);
    expect((await member.agent.get<MeBody>("/api/v1/auth/me")).body.user.abilities.takePremiumRoles).toBe(true);

    const promoted = await admin.agent.patch<{ isStaff: boolean; isPremium: boolean }>(
      `/api/v1/admin/users/${member.id}`,
      { isStaff: true, isPremium: true },
    );
    expect(promoted.body).toMatchObject({ isStaff: true, isPremium: true });
    expect((await member.agent.get<{ user: { isStaff: boolean } }>("/api/v1/auth/me")).body.user.isStaff).toBe(true);

    expect((await admin.agent.patch(`/api/v1/admin/users/${member.id}`, { active: false })).status).toBe(200);
    expect((await member.agent.get<{ user: null }>("/api/v1/auth/me")).body.user).toBeNull();
    const signIn = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/sign-in", { email: member.email, password: PASSWORD });
    expect(signIn.status).toBe(403);
    expect(signIn.body.error.code).toBe("account_deactivated");

    const audit = await admin.agent.get<{ items: { action: string; changes: Record<string, unknown> }[] }>(
      `/api/v1/admin/audit?objectType=user&objectId=${member.id}`,
    );
    expect(audit.body.items.map((i) => i.action)).toContain("user.updated_by_admin");
    expect(audit.body.items.find((i) => "active" in i.changes)?.changes.active).toEqual({ from: true, to: false });
  });

  it("keeps at least one active admin", async () => {
    const { agent, id } = await signedInAgent(server(), { admin: true });
    // Demote every other admin first so this one is the last.
    const db = server().deps.db;
    await db.updateTable("users").set({ is_admin: 0 }).where("id", "!=", id).execute();
    const res = await agent.patch<ErrorBody>(`/api/v1/admin/users/${id}`, { isAdmin: false });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("last_admin");
  });
});
