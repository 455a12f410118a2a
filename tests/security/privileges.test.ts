// Site roles: nobody makes themselves admin, and the installation always keeps an active admin
// (decisions.md: "The last active admin cannot be demoted or deactivated"), also when two admins act at once.
import { expect, it } from "vitest";
import { ensureFirstAdmin } from "../../src/server/accounts/bootstrap";
import { signUp } from "../../src/server/accounts/operations";
import { countActiveAdmins, findUserByEmail } from "../../src/server/accounts/queries";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { confirmationTokens } from "../accounts";
import { describeEngines } from "../engines";
import { PASSWORD, signedInAgent, uniqueEmail, useTestServer } from "../harness";

type MeBody = { user: { id: string; isAdmin: boolean; isStaff: boolean; isPremium: boolean } | null };

describeEngines("security: privileges", (engine) => {
  const server = useTestServer(engine);

  const flags = async (id: string) =>
    server()
      .deps.db.selectFrom("users")
      .select(["is_admin", "is_staff", "is_premium", "deactivated_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("ignores role flags sent with sign-up or a profile change", async () => {
    const agent = server().agent();
    const email = uniqueEmail();
    const res = await agent.post("/api/v1/auth/sign-up", {
      name: "Eve",
      email,
      password: PASSWORD,
      isAdmin: true,
      is_admin: 1,
      isStaff: true,
      isPremium: true,
    });
    expect(res.status).toBe(202);
    await server().deliver();
    const confirmed = await agent.post<MeBody>("/api/v1/auth/sign-up/confirm", {
      token: confirmationTokens(server(), email)[0],
      isAdmin: true,
    });
    expect(confirmed.status).toBe(200);
    const id = confirmed.body.user?.id as string;
    expect(confirmed.body.user).toMatchObject({ isAdmin: false, isStaff: false, isPremium: false });
    const patch = await agent.patch<MeBody>("/api/v1/account", { name: "Eve", isAdmin: true, is_admin: 1 });
    expect(patch.status).toBe(200);
    expect(await flags(id)).toMatchObject({ is_admin: 0, is_staff: 0, is_premium: 0 });
  });

  it("refuses members and staff on Admin > Users, including on their own account", async () => {
    for (const who of [{}, { staff: true }, { premium: true }]) {
      const m = await signedInAgent(server(), who);
      const list = await m.agent.get<ErrorBody>("/api/v1/admin/users");
      expect(list.status).toBe(403);
      const promote = await m.agent.patch<ErrorBody>(`/api/v1/admin/users/${m.id}`, { isAdmin: true });
      expect(promote.status).toBe(403);
      expect((await flags(m.id)).is_admin).toBe(0);
    }
    const anon = server().agent();
    expect((await anon.get("/api/v1/admin/users")).status).toBe(401);
  });

  it("does not let the last active admin demote or deactivate themselves", async () => {
    // Leave exactly one active admin in this database.
    const last = await signedInAgent(server(), { admin: true });
    await server().deps.db.updateTable("users").set({ is_admin: 0 }).where("id", "!=", last.id).execute();
    const demote = await last.agent.patch<ErrorBody>(`/api/v1/admin/users/${last.id}`, { isAdmin: false });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe("last_admin");
    const deactivate = await last.agent.patch<ErrorBody>(`/api/v1/admin/users/${last.id}`, { active: false });
    expect(deactivate.status).toBe(409);
    expect(await flags(last.id)).toMatchObject({ is_admin: 1, deactivated_at: null });
    expect(await countActiveAdmins(server().deps.db)).toBe(1);
  });

  it("keeps an active admin when two admins remove each other at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await signedInAgent(server(), { admin: true });
      const b = await signedInAgent(server(), { admin: true });
      await server().deps.db.updateTable("users").set({ is_admin: 0 }).where("id", "not in", [a.id, b.id]).execute();
      const answers = await Promise.all([
        a.agent.patch<ErrorBody>(`/api/v1/admin/users/${b.id}`, { isAdmin: false }),
        b.agent.patch<ErrorBody>(`/api/v1/admin/users/${a.id}`, { active: false }),
      ]);
      // One may win; the other must be refused (409 last_admin, or 403 once it is no longer admin itself).
      expect(answers.filter((r) => r.status === 200).length, JSON.stringify(answers.map((r) => r.status))).toBe(1);
      expect(await countActiveAdmins(server().deps.db)).toBe(1);
    }
  });
});

describeEngines("security: first admin from ADMIN_EMAIL", (engine) => {
  const server = useTestServer(engine);

  it("does not hand admin to whoever registered the ADMIN_EMAIL address before the operator configured it", async () => {
    // An installation without an admin is reachable (e.g. started once without ADMIN_EMAIL): sign-up is open, and
    // before sign-up proved addresses anyone could register the address the operator is about to configure. Now
    // the squatter never gets the link; this still holds should an account exist (the ADMIN_PASSWORD check).
    const deps = server().deps;
    expect(await countActiveAdmins(deps.db)).toBe(0);
    const adminEmail = uniqueEmail("ops");
    const squatter = server().agent();
    const squat = await squatter.post("/api/v1/auth/sign-up", {
      name: "Not the operator",
      email: adminEmail,
      password: "the squatter's passphrase",
    });
    expect(squat.status).toBe(202);
    expect(await findUserByEmail(deps.db, adminEmail)).toBeUndefined();
    // An account registered before sign-up proved addresses (an older installation) is still not promoted.
    await signUp(deps, { name: "Not the operator", email: adminEmail, password: "the squatter's passphrase" });
    await squatter.post("/api/v1/auth/sign-in", { email: adminEmail, password: "the squatter's passphrase" });

    // The operator restarts with ADMIN_EMAIL and ADMIN_PASSWORD (main.ts calls ensureFirstAdmin at start).
    const config = { ...deps.config, adminEmail, adminPassword: "the operator's own passphrase" };
    await ensureFirstAdmin({ ...deps, config }).catch(() => undefined);

    const me = await squatter.get<MeBody>("/api/v1/auth/me");
    expect(me.body.user?.isAdmin ?? false).toBe(false);
    const again = await server()
      .agent()
      .post<MeBody>("/api/v1/auth/sign-in", { email: adminEmail, password: "the squatter's passphrase" });
    expect(again.body.user?.isAdmin ?? false).toBe(false);
  });
});
