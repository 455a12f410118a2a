// Waitlist races (issue #15, 4), over real HTTP with concurrent requests on both engines (PostgreSQL runs them on
// separate pooled connections, so the session lock is what orders them): never more active participants and held
// offers than the cap, never two offers for one place, every offer resolved exactly once.
import { expect, it } from "vitest";
import { buildOpenSession } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, startTestServer, type TestServer, useTestServer } from "../../../tests/harness";
import { startSignInSession } from "../accounts/sign-in-sessions";
import { newId } from "../platform/ids";

interface Racer {
  id: string;
  token: string;
}

/** Members with their own sign-in sessions, made directly: the races are about the line, not signing in. */
async function racers(s: TestServer, n: number, prefix: string): Promise<Racer[]> {
  const now = new Date().toISOString();
  const out: Racer[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    await s.deps.db
      .insertInto("users")
      .values({
        id,
        email: `${prefix}${i}.${id.slice(0, 8)}@example.test`,
        name: `${prefix} ${i}`,
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
    out.push({ id, token: await startSignInSession(s.deps.db, id, now) });
  }
  return out;
}

describeEngines("waitlist races", (engine) => {
  const server = useTestServer(engine);
  let address = "";
  let csrf = "";

  async function call(method: string, path: string, who: Racer | null, body?: unknown) {
    if (!address) {
      address = await server().app.listen({ port: 0, host: "127.0.0.1" });
      const first = await fetch(`${address}/api/v1/auth/me`);
      csrf = /convene_csrf=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")?.[1] ?? "";
    }
    const res = await fetch(`${address}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        cookie: `${who ? `convene_session=${who.token}; ` : ""}convene_csrf=${csrf}`,
        "x-csrf-token": csrf,
      },
      body: body === undefined ? (method === "GET" ? undefined : "{}") : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
  }

  /** The session's rows as the database has them: active registrations and live entries per role. */
  async function state(sessionId: string) {
    const db = server().deps.db;
    const active = await db
      .selectFrom("community_participants")
      .select(["user_id", "role"])
      .where("session_id", "=", sessionId)
      .where("status", "!=", "cancelled")
      .execute();
    const entries = await db
      .selectFrom("community_waitlist")
      .select(["id", "user_id", "role", "status"])
      .where("session_id", "=", sessionId)
      .execute();
    return { active, entries };
  }

  async function auditCount(sessionId: string, action: string, entryId?: string) {
    const rows = await server()
      .deps.db.selectFrom("audit_log")
      .select(["changes"])
      .where("object_id", "=", sessionId)
      .where("action", "=", action)
      .execute();
    return rows.filter((r) => !entryId || String(r.changes).includes(entryId)).length;
  }

  async function offerToken(entryId: string): Promise<string> {
    // The email holds the token; the race needs it for many concurrent clicks, so the test reads the email.
    const row = await server()
      .deps.db.selectFrom("community_waitlist as w")
      .innerJoin("users as u", "u.id", "w.user_id")
      .select("u.email")
      .where("w.id", "=", entryId)
      .executeTakeFirstOrThrow();
    const mail = server()
      .smtp.to(row.email)
      .filter((m) => (m.subject ?? "").startsWith("A place is yours"))
      .at(-1);
    const token = /\/offers\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    if (!token) throw new Error(`no offer email for ${row.email}`);
    return token;
  }

  it("ten presenters cancel at once with fifteen in line: ten offers, to the first ten in order, none twice, the cap held", async () => {
    const s = server();
    const admin = await signedInAgent(s, { admin: true });
    const session = await buildOpenSession(admin.agent, { maxPresenters: 10, maxGuests: 0, hasInterviewer: false });
    const presenters = await racers(s, 10, "Presenter");
    for (const p of presenters)
      expect(
        (await call("POST", `/api/v1/community/sessions/${session.id}/registrations`, p, { role: "presenter" })).status,
      ).toBe(201);
    const line = await racers(s, 15, "Waiting");
    for (const w of line)
      expect(
        (await call("POST", `/api/v1/community/sessions/${session.id}/waitlist`, w, { role: "presenter" })).status,
      ).toBe(201);

    const cancels = await Promise.all(
      presenters.map((p) => call("DELETE", `/api/v1/community/sessions/${session.id}/registrations/me`, p)),
    );
    expect(cancels.map((c) => c.status)).toEqual(presenters.map(() => 200));

    const { active, entries } = await state(session.id);
    const offered = entries.filter((e) => e.status === "offered").map((e) => e.user_id);
    expect(active.filter((p) => p.role === "presenter")).toHaveLength(0);
    expect(offered.sort()).toEqual(
      line
        .slice(0, 10)
        .map((w) => w.id)
        .sort(),
    );
    expect(
      entries
        .filter((e) => e.status === "waiting")
        .map((e) => e.user_id)
        .sort(),
    ).toEqual(
      line
        .slice(10)
        .map((w) => w.id)
        .sort(),
    );
    expect(await auditCount(session.id, "community_waitlist.offered")).toBe(10);
    const expiries = await s.deps.db
      .selectFrom("outbox")
      .select("coalesce_key")
      .where("kind", "=", "community.offer.expire")
      .where("payload", "like", `%${session.id}%`)
      .execute();
    expect(new Set(expiries.map((e) => e.coalesce_key)).size).toBe(10);
    expect(expiries).toHaveLength(10);
  });

  it("an accept, a cancellation, twenty clicks on one link and a join at the same time: one registration per offer, the next place offered once", async () => {
    const s = server();
    const admin = await signedInAgent(s, { admin: true });
    const session = await buildOpenSession(admin.agent, { maxPresenters: 2, maxGuests: 0, hasInterviewer: false });
    const [p1, p2] = await racers(s, 2, "Holder");
    for (const p of [p1, p2])
      await call("POST", `/api/v1/community/sessions/${session.id}/registrations`, p!, { role: "presenter" });
    const [a, b, c] = await racers(s, 3, "Next");
    for (const w of [a, b, c])
      await call("POST", `/api/v1/community/sessions/${session.id}/waitlist`, w!, { role: "presenter" });
    await call("DELETE", `/api/v1/community/sessions/${session.id}/registrations/me`, p1!);
    await s.deliver();
    const aEntry = (await state(session.id)).entries.find((e) => e.user_id === a!.id)!;
    expect(aEntry.status).toBe("offered");
    const token = await offerToken(aEntry.id);
    const [late] = await racers(s, 1, "Late");

    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => call("POST", `/api/v1/community/offers/${token}/accept`, null)),
      call("DELETE", `/api/v1/community/sessions/${session.id}/registrations/me`, p2!),
      call("POST", `/api/v1/community/sessions/${session.id}/waitlist`, late!, { role: "presenter" }),
    ]);
    const clicks = results.slice(0, 20);
    expect(clicks.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of clicks.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.error?.code).toBe("offer_accepted");
    }
    expect(results[20]?.status).toBe(200);
    expect(results[21]?.status).toBe(201);

    const { active, entries } = await state(session.id);
    const presenters = active.filter((p) => p.role === "presenter").map((p) => p.user_id);
    const offers = entries.filter((e) => e.status === "offered");
    // A holds one place; P2's place went to B, the next in line, once; C and the latecomer wait.
    expect(presenters).toEqual([a!.id]);
    expect(offers.map((e) => e.user_id)).toEqual([b!.id]);
    expect(presenters.length + offers.length).toBeLessThanOrEqual(2);
    expect(await auditCount(session.id, "community_waitlist.accepted", aEntry.id)).toBe(1);
    expect(await auditCount(session.id, "community_waitlist.offered")).toBe(2);
  });

  it("an offer expiring while it is accepted is resolved once: accepted or expired, never both, and the place offered on at most once", async () => {
    let offset = 0;
    const clock = { now: () => new Date(Date.now() + offset) };
    const s = await startTestServer(engine, { clock });
    try {
      const admin = await signedInAgent(s, { admin: true });
      expect(
        (await admin.agent.put("/api/v1/admin/settings/waitlists", { holdMinutes: 60, mode: "offer" })).status,
      ).toBe(200);
      const outcomes: string[] = [];
      for (let round = 0; round < 4; round++) {
        offset = 0;
        const session = await buildOpenSession(admin.agent, { maxPresenters: 1, maxGuests: 0, hasInterviewer: false });
        const holder = await signedInAgent(s);
        await holder.agent.post(`/api/v1/community/sessions/${session.id}/registrations`, { role: "presenter" });
        const first = await signedInAgent(s);
        const second = await signedInAgent(s);
        await first.agent.post(`/api/v1/community/sessions/${session.id}/waitlist`, { role: "presenter" });
        await second.agent.post(`/api/v1/community/sessions/${session.id}/waitlist`, { role: "presenter" });
        await holder.agent.delete(`/api/v1/community/sessions/${session.id}/registrations/me`);
        const mine = (
          await first.agent.get<{ myWaitlist: { offerExpiresAt: string } }>(`/api/v1/community/sessions/${session.id}`)
        ).body.myWaitlist;
        // Rounds alternate just before and just after the deadline: the worker's expiry and the click race.
        offset = Date.parse(mine.offerExpiresAt) - Date.now() + (round % 2 === 0 ? -150 : 50);
        const [accept] = await Promise.all([
          first.agent.post<{ error?: { code: string } }>(
            `/api/v1/community/sessions/${session.id}/waitlist/me/accept`,
            {},
          ),
          s.deliver(),
          s.deliver(),
        ]);
        await new Promise((r) => setTimeout(r, 200));
        await s.deliver();
        const rows = await s.deps.db
          .selectFrom("community_waitlist")
          .select(["user_id", "status"])
          .where("session_id", "=", session.id)
          .execute();
        const active = await s.deps.db
          .selectFrom("community_participants")
          .select("user_id")
          .where("session_id", "=", session.id)
          .where("status", "!=", "cancelled")
          .execute();
        const firstRow = rows.find((r) => r.user_id === first.id)!;
        const secondRow = rows.find((r) => r.user_id === second.id)!;
        if (accept.status === 200) {
          expect(firstRow.status).toBe("accepted");
          expect(secondRow.status).toBe("waiting");
          expect(active.map((p) => p.user_id)).toEqual([first.id]);
        } else {
          expect(accept.status).toBe(409);
          expect(accept.body.error?.code).toBe("offer_expired");
          expect(firstRow.status).toBe("expired");
          expect(secondRow.status).toBe("offered");
          expect(active).toEqual([]);
        }
        outcomes.push(firstRow.status);
        const resolved = await s.deps.db
          .selectFrom("audit_log")
          .select("action")
          .where("object_id", "=", session.id)
          .where("action", "in", ["community_waitlist.accepted", "community_waitlist.offer_expired"])
          .execute();
        expect(resolved).toHaveLength(1);
      }
      // Before the deadline the click wins; after it, the expiry does.
      expect(outcomes).toEqual(["accepted", "expired", "accepted", "expired"]);
    } finally {
      await s.close();
    }
  });
});
