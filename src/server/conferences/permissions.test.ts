// Who may call each conference route, on both engines (conferences.md, Protection; style.md §3.2 rule 6):
// anonymous visitors, members, the manager of another event, the event's own manager, and admins; before and
// after the timetable is published. Cannot see it: 404; may see but not act: 403; signed out: 401.
import { expect, it } from "vitest";
import {
  at,
  buildBlock,
  buildContribution,
  buildEvent,
  buildSession,
  buildType,
  ok,
  uniqueName,
} from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import type { ConferenceEvent } from "../../shared/schemas/conference-events";
import type { Material } from "../../shared/schemas/conference-sessions";
import type { Break } from "../../shared/schemas/timetable";

interface Fixture {
  event: ConferenceEvent;
  sessionId: string;
  typeId: string;
  blockId: string;
  contributionId: string;
  breakId: string;
  materialId: string;
  managerUserId: string;
}

type Kind =
  /** Everyone once published, the event's managers before. */
  | "public"
  /** Signed-in people once published (My sessions), the event's managers before. */
  | "signedIn"
  /** About the caller, not one event (`/api/v1/me/…`): anyone signed in, published or not. */
  | "mine"
  /** The event's managers (and admins) only. */
  | "manage"
  /** Admins only. */
  | "admin";

interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  kind: Kind;
  success: number;
}

const E = (f: Fixture) => `/api/v1/events/${f.event.id}`;

const ROUTES: Route[] = [
  { method: "GET", path: E, kind: "public", success: 200 },
  { method: "PATCH", path: E, body: () => ({ title: "Renamed" }), kind: "manage", success: 200 },
  { method: "DELETE", path: E, kind: "admin", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/managers`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/managers`,
    body: () => ({ email: "nobody@example.test" }),
    kind: "manage",
    success: 409,
  },
  { method: "DELETE", path: (f) => `${E(f)}/managers/${f.managerUserId}`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/session-types`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/session-types`,
    body: () => ({ name: uniqueName("T") }),
    kind: "manage",
    success: 201,
  },
  {
    method: "PATCH",
    path: (f) => `${E(f)}/session-types/${f.typeId}`,
    body: () => ({ code: "X" }),
    kind: "manage",
    success: 200,
  },
  { method: "DELETE", path: (f) => `${E(f)}/session-types/${f.typeId}`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions`, kind: "manage", success: 200 },
  { method: "POST", path: (f) => `${E(f)}/sessions`, body: () => ({ title: "New" }), kind: "manage", success: 201 },
  { method: "GET", path: (f) => `${E(f)}/sessions/${f.sessionId}`, kind: "public", success: 200 },
  {
    method: "PATCH",
    path: (f) => `${E(f)}/sessions/${f.sessionId}`,
    body: () => ({ typeId: null }),
    kind: "manage",
    success: 200,
  },
  { method: "DELETE", path: (f) => `${E(f)}/sessions/${f.sessionId}`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions/${f.sessionId}/timetable`, kind: "public", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions/${f.sessionId}/materials`, kind: "public", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/sessions/${f.sessionId}/materials/links`,
    body: () => ({ url: "https://example.org/x" }),
    kind: "manage",
    success: 201,
  },
  { method: "DELETE", path: (f) => `${E(f)}/materials/${f.materialId}`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/sessions/${f.sessionId}/blocks`,
    body: () => ({ startAt: at("2026-03-30 09:00") }),
    kind: "manage",
    success: 201,
  },
  {
    method: "PATCH",
    path: (f) => `${E(f)}/blocks/${f.blockId}`,
    body: () => ({ title: "Renamed" }),
    kind: "manage",
    success: 200,
  },
  {
    method: "POST",
    path: (f) => `${E(f)}/blocks/${f.blockId}/move`,
    body: () => ({ day: "2026-03-30" }),
    kind: "manage",
    success: 200,
  },
  { method: "POST", path: (f) => `${E(f)}/blocks/${f.blockId}/fit`, body: () => ({}), kind: "manage", success: 200 },
  { method: "DELETE", path: (f) => `${E(f)}/blocks/${f.blockId}`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/breaks`,
    body: () => ({ startAt: at("2026-03-31 10:00") }),
    kind: "manage",
    success: 201,
  },
  {
    method: "PATCH",
    path: (f) => `${E(f)}/breaks/${f.breakId}`,
    body: () => ({ title: "Tea" }),
    kind: "manage",
    success: 200,
  },
  { method: "DELETE", path: (f) => `${E(f)}/breaks/${f.breakId}`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/timetable/reschedule`,
    body: (f) => ({ scope: { kind: "block", blockId: f.blockId }, mode: "time" }),
    kind: "manage",
    success: 200,
  },
  {
    method: "PUT",
    path: (f) => `${E(f)}/timetable/parallel-order`,
    body: (f) => ({ blockIds: [f.blockId] }),
    kind: "manage",
    success: 200,
  },
  { method: "GET", path: (f) => `${E(f)}/timetable`, kind: "public", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/contributions`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/protection`, kind: "manage", success: 200 },
  {
    method: "PATCH",
    path: (f) => `${E(f)}/protection`,
    body: () => ({ coordinatorRights: { blocks: true } }),
    kind: "manage",
    success: 200,
  },
  { method: "GET", path: (f) => `${E(f)}/my-sessions`, kind: "signedIn", success: 200 },
  { method: "GET", path: () => "/api/v1/me/conference-sessions", kind: "mine", success: 200 },
  { method: "GET", path: () => "/api/v1/me/conference", kind: "mine", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions/${f.sessionId}/protection`, kind: "manage", success: 200 },
  {
    method: "PUT",
    path: (f) => `${E(f)}/sessions/${f.sessionId}/protection`,
    body: () => ({ visibility: "protected" }),
    kind: "manage",
    success: 200,
  },
  { method: "GET", path: (f) => `${E(f)}/calendar.ics`, kind: "public", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions/${f.sessionId}/calendar.ics`, kind: "public", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions.csv`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions.xlsx`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/schedule.json`, kind: "public", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/schedule.xml`, kind: "public", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/people?q=ad`, kind: "manage", success: 200 },
  { method: "GET", path: (f) => `${E(f)}/sessions/${f.sessionId}/people?q=ad`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/contributions`,
    body: () => ({ title: "Talk" }),
    kind: "manage",
    success: 201,
  },
  { method: "GET", path: (f) => `${E(f)}/contributions/${f.contributionId}`, kind: "public", success: 200 },
  {
    method: "PATCH",
    path: (f) => `${E(f)}/contributions/${f.contributionId}`,
    body: () => ({ title: "Renamed" }),
    kind: "manage",
    success: 200,
  },
  { method: "DELETE", path: (f) => `${E(f)}/contributions/${f.contributionId}`, kind: "manage", success: 200 },
  {
    method: "POST",
    path: (f) => `${E(f)}/contributions/${f.contributionId}/schedule`,
    body: (f) => ({ blockId: f.blockId }),
    kind: "manage",
    success: 200,
  },
  {
    method: "POST",
    path: (f) => `${E(f)}/contributions/${f.contributionId}/unschedule`,
    body: () => ({}),
    kind: "manage",
    success: 200,
  },
];

describeEngines("conference permissions per route", (engine) => {
  const server = useTestServer(engine);

  async function fixture(admin: Agent, managerEmail: string, managerId: string): Promise<Fixture> {
    const event = await buildEvent(admin);
    ok(await admin.post(`/api/v1/events/${event.id}/managers`, { email: managerEmail }), 201);
    const type = await buildType(admin, event.id);
    const session = await buildSession(admin, event.id, { typeId: type.id });
    const block = await buildBlock(admin, event.id, session.id, {
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 120,
    });
    const contribution = await buildContribution(admin, event.id, { blockId: block.id });
    const brk = ok(await admin.post<Break>(`/api/v1/events/${event.id}/breaks`, { blockId: block.id }), 201);
    const material = ok(
      await admin.post<Material>(`/api/v1/events/${event.id}/sessions/${session.id}/materials/links`, {
        url: "https://example.org/slides",
      }),
      201,
    );
    return {
      event,
      sessionId: session.id,
      typeId: type.id,
      blockId: block.id,
      contributionId: contribution.id,
      breakId: brk.id,
      materialId: material.id,
      managerUserId: managerId,
    };
  }

  it("every conference route answers anonymous, members, other events' managers, its managers and admins as it should", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const manager = await signedInAgent(s);
    const otherManager = await signedInAgent(s);
    const member = (await signedInAgent(s)).agent;
    const anonymous = s.agent();
    const otherEvent = await buildEvent(admin);
    ok(await admin.post(`/api/v1/events/${otherEvent.id}/managers`, { email: otherManager.email }), 201);

    const call = (agent: Agent, r: Route, f: Fixture) =>
      agent.request(r.method, r.path(f), r.method === "GET" || r.method === "DELETE" ? undefined : (r.body?.(f) ?? {}));
    const problems: string[] = [];
    const expectStatus = (label: string, got: number, want: number) => {
      if (got !== want) problems.push(`${label}: got ${got}, want ${want}`);
    };

    for (const r of ROUTES) {
      const name = `${r.method} ${r.path({ event: { id: ":eventId" } } as unknown as Fixture)}`;
      // Unpublished: only the event's managers and admins see anything.
      const f = await fixture(admin, manager.email, manager.id);
      const write = r.method !== "GET";
      const mine = r.kind === "mine";
      expectStatus(`${name} anonymous (unpublished)`, (await call(anonymous, r, f)).status, write || mine ? 401 : 404);
      expectStatus(`${name} member (unpublished)`, (await call(member, r, f)).status, mine ? r.success : 404);
      expectStatus(
        `${name} other event's manager (unpublished)`,
        (await call(otherManager.agent, r, f)).status,
        mine ? r.success : 404,
      );
      // Published: everyone sees; only managers act.
      ok(await admin.patch(`/api/v1/events/${f.event.id}`, { timetablePublished: true }));
      const seen = r.kind === "public" || r.kind === "signedIn" || mine ? r.success : 403;
      expectStatus(`${name} member (published)`, (await call(member, r, f)).status, seen);
      expectStatus(
        `${name} anonymous (published)`,
        (await call(anonymous, r, f)).status,
        r.kind === "public" ? r.success : 401,
      );
      expectStatus(`${name} other event's manager (published)`, (await call(otherManager.agent, r, f)).status, seen);
      expectStatus(`${name} manager`, (await call(manager.agent, r, f)).status, r.kind === "admin" ? 403 : r.success);
      const fresh = await fixture(admin, manager.email, manager.id);
      expectStatus(`${name} admin`, (await call(admin, r, fresh)).status, r.success);
    }
    expect(problems).toEqual([]);
  });

  it("covers every conference route the server registers", async () => {
    const registered = server()
      .routes.filter((r) => / \/api\/v1\/(events\/:eventId|me\/conference)/.test(r) && !r.endsWith("/file"))
      .sort();
    const covered = ROUTES.map((r) => {
      const f = {
        event: { id: ":eventId" },
        sessionId: ":sessionId",
        typeId: ":typeId",
        blockId: ":blockId",
        contributionId: ":contributionId",
        breakId: ":breakId",
        materialId: ":materialId",
        managerUserId: ":userId",
      } as unknown as Fixture;
      return `${r.method} ${r.path(f).split("?")[0]}`;
    });
    // The upload route is covered by materials.test.ts (multipart), the download by its visibility test.
    const expected = registered.filter((r) => !r.endsWith("/materials/files"));
    expect([...new Set(covered)].sort()).toEqual(expected);
  });

  it("an event manager manages only their own event, and cannot delete it", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const manager = await signedInAgent(s);
    const mine = await buildEvent(admin);
    const theirs = await buildEvent(admin, { timetablePublished: true });
    ok(await admin.post(`/api/v1/events/${mine.id}/managers`, { email: manager.email }), 201);
    expect((await manager.agent.patch(`/api/v1/events/${mine.id}`, { title: "Mine" })).status).toBe(200);
    expect((await manager.agent.patch(`/api/v1/events/${theirs.id}`, { title: "Theirs" })).status).toBe(403);
    expect((await manager.agent.post(`/api/v1/events/${theirs.id}/sessions`, { title: "x" })).status).toBe(403);
    expect((await manager.agent.delete(`/api/v1/events/${mine.id}`)).status).toBe(403);
    expect(
      (
        await manager.agent.post("/api/v1/events", {
          title: "x",
          startAt: at("2026-03-27 09:00"),
          endAt: at("2026-03-27 18:00"),
          timeZone: "UTC",
        })
      ).status,
    ).toBe(403);
    const list = ok(await manager.agent.get<{ events: { id: string; manage: boolean }[] }>("/api/v1/events"));
    const byId = new Map(list.events.map((e) => [e.id, e.manage]));
    expect(byId.get(mine.id)).toBe(true);
    expect(byId.get(theirs.id)).toBe(false);
  });
});
