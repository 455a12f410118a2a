import { expect, it } from "vitest";
import { buildOpenSession } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import { startSignInSession } from "../accounts/sign-in-sessions";
import { newId } from "../platform/ids";

describeEngines("registration race", (engine) => {
  const server = useTestServer(engine);

  it("100 members racing over HTTP fill 1 host, 3 presenter and 5 guest slots exactly; Full once; every loser told why", async () => {
    const s = server();
    const admin = await signedInAgent(s, { admin: true });
    const session = await buildOpenSession(admin.agent, { maxPresenters: 3, maxGuests: 5, hasInterviewer: false });

    // 100 members with their own sign-in sessions (made directly: the race is about registering, not signing in).
    const now = new Date().toISOString();
    const tokens: string[] = [];
    for (let i = 0; i < 100; i++) {
      const id = newId();
      await s.deps.db
        .insertInto("users")
        .values({
          id,
          email: `racer${i}.${id.slice(0, 8)}@example.test`,
          name: `Racer ${i}`,
          password_hash: null,
          is_admin: 0,
          is_staff: 0,
          is_premium: 0,
          time_zone: null,
          deactivated_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      tokens.push(await startSignInSession(s.deps.db, id, now));
    }

    const address = await s.app.listen({ port: 0, host: "127.0.0.1" });
    const first = await fetch(`${address}/api/v1/auth/me`);
    const csrf = /convene_csrf=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect(csrf).not.toBe("");

    const roles = ["host", "presenter", "presenter", "guest", "guest"] as const;
    const results = await Promise.all(
      tokens.map(async (token, i) => {
        const role = roles[i % roles.length] as string;
        const res = await fetch(`${address}/api/v1/community/sessions/${session.id}/registrations`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            cookie: `convene_session=${token}; convene_csrf=${csrf}`,
            "x-csrf-token": csrf,
          },
          body: JSON.stringify({ role, talkTitle: role === "presenter" ? `Talk ${i}` : undefined }),
        });
        return { role, status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
      }),
    );

    const winners = results.filter((r) => r.status === 201);
    const losers = results.filter((r) => r.status !== 201);
    expect(winners).toHaveLength(9);
    expect(winners.filter((r) => r.role === "host")).toHaveLength(1);
    expect(winners.filter((r) => r.role === "presenter")).toHaveLength(3);
    expect(winners.filter((r) => r.role === "guest")).toHaveLength(5);
    for (const l of losers) {
      expect(l.status).toBe(409);
      expect(["role_full", "session_full"]).toContain(l.body.error?.code);
      expect(l.body.error?.message.length).toBeGreaterThan(10);
    }

    const active = await s.deps.db
      .selectFrom("community_participants")
      .select(["role", "presenter_order"])
      .where("session_id", "=", session.id)
      .where("status", "!=", "cancelled")
      .execute();
    expect(active.filter((p) => p.role === "host")).toHaveLength(1);
    expect(
      active
        .filter((p) => p.role === "presenter")
        .map((p) => p.presenter_order)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(active.filter((p) => p.role === "guest")).toHaveLength(5);

    const detail = await admin.agent.get<{ status: string }>(`/api/v1/community/sessions/${session.id}`);
    expect(detail.body.status).toBe("full");
    const audit = await admin.agent.get<{ items: { action: string; changes: { status?: { to: string } } }[] }>(
      `/api/v1/admin/audit?objectType=community_session&objectId=${session.id}&limit=200`,
    );
    const becameFull = audit.body.items.filter(
      (i) => i.action === "community_session.status_changed" && i.changes.status?.to === "full",
    );
    expect(becameFull).toHaveLength(1);
    expect(audit.body.items.filter((i) => i.action === "community_participant.registered")).toHaveLength(9);
  });
});
