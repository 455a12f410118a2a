// My sessions' Conferences part (issue #14): the sessions a person manages or coordinates and the contributions
// they speak in, on both engines, with the rules behind it (which events count, a session's time, the order).
import { describe, expect, it } from "vitest";
import { at, buildBlock, buildContribution, buildEvent, buildSession, ok, utc } from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, type TestServer, useTestServer } from "../../../tests/harness";
import type { MyConference, MyConferenceItem } from "../../shared/schemas/conference-sessions";
import { updateUser } from "../accounts/queries";
import { byTime, eventsEndingAfter, nextBlockOf } from "./my-conference";

/** The server's "now": the day before the test events (Fri 27 – Tue 31 March 2026 in Berlin) begin. */
const NOW = new Date("2026-03-26T12:00:00Z");

describe("My sessions' conference rules", () => {
  it("keeps events that ended in the last 30 days", () => {
    expect(eventsEndingAfter(NOW)).toBe("2026-02-24T12:00:00.000Z");
  });

  it("shows a session's first block not yet ended, else its last, else nothing", () => {
    const blocks = [
      { start_at: "2026-03-30T08:00:00.000Z", duration_minutes: 60 },
      { start_at: "2026-03-27T08:00:00.000Z", duration_minutes: 90 },
    ];
    expect(nextBlockOf(blocks, NOW)).toEqual({
      startAt: "2026-03-27T08:00:00.000Z",
      endAt: "2026-03-27T09:30:00.000Z",
    });
    // During the first block it is still the one shown; once it ended, the next.
    expect(nextBlockOf(blocks, new Date("2026-03-27T09:00:00Z"))?.startAt).toBe("2026-03-27T08:00:00.000Z");
    expect(nextBlockOf(blocks, new Date("2026-03-27T09:30:00Z"))?.startAt).toBe("2026-03-30T08:00:00.000Z");
    expect(nextBlockOf(blocks, new Date("2026-04-02T00:00:00Z"))?.startAt).toBe("2026-03-30T08:00:00.000Z");
    expect(nextBlockOf([], NOW)).toBeNull();
  });

  it("orders by start, items without a time last, then by title", () => {
    const event = { id: "e", title: "E", slug: null, timeZone: "UTC" };
    const item = (title: string, startAt: string | null): MyConferenceItem => ({
      kind: "contribution",
      id: title,
      title,
      event,
      roles: ["speaker"],
      sessionTitle: null,
      time: startAt ? { startAt, endAt: startAt } : null,
      path: "/",
    });
    const items = [
      item("unscheduled", null),
      item("b later", "2026-03-28T08:00:00Z"),
      item("B same", "2026-03-27T08:00:00Z"),
      item("a same", "2026-03-27T08:00:00Z"),
    ];
    expect(items.sort(byTime).map((i) => i.title)).toEqual(["a same", "B same", "b later", "unscheduled"]);
  });
});

describeEngines("My sessions: conferences", (engine) => {
  const server = useTestServer(engine, { clock: { now: () => new Date(NOW) } });
  const mine = async (agent: Agent) => ok(await agent.get<MyConference>("/api/v1/me/conference")).items;

  /** A signed-in person whose email is proved (a sign-up link, reset or invitation did it). */
  async function verifiedPerson(s: TestServer, name: string) {
    const person = await signedInAgent(s, { name });
    await updateUser(s.deps.db, person.id, { email_verified_at: NOW.toISOString() });
    return person;
  }

  async function shield(admin: Agent, eventId: string, sessionId: string, body: Record<string, unknown>) {
    ok(await admin.put(`/api/v1/events/${eventId}/sessions/${sessionId}/protection`, body));
  }

  it("lists the sessions one manages or coordinates and the contributions one speaks in, by time, with roles and the event's zone", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const ada = await verifiedPerson(s, "Ada");
    const nobody = await verifiedPerson(s, "Nobody");
    const event = await buildEvent(admin, { title: "Ada's conference", timetablePublished: true });
    const managed = await buildSession(admin, event.id, { title: "Managed" });
    const coordinated = await buildSession(admin, event.id, { title: "Coordinated" });
    const both = await buildSession(admin, event.id, { title: "Both" });
    const other = await buildSession(admin, event.id, { title: "Someone else's" });
    await shield(admin, event.id, managed.id, { visibility: "inheriting", managers: [ada.email] });
    await shield(admin, event.id, coordinated.id, { visibility: "inheriting", coordinators: [ada.email] });
    await shield(admin, event.id, both.id, {
      visibility: "protected",
      managers: [ada.email],
      coordinators: [ada.email],
    });
    await buildBlock(admin, event.id, managed.id, { startAt: at("2026-03-30 09:00"), durationMinutes: 60 });
    await buildBlock(admin, event.id, managed.id, { startAt: at("2026-03-28 14:00"), durationMinutes: 90 });
    const otherBlock = await buildBlock(admin, event.id, other.id, {
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 120,
    });
    const speaker = { name: "Ada", email: ada.email.toUpperCase() };
    const talk = await buildContribution(admin, event.id, {
      title: "Ada's talk",
      sessionId: other.id,
      blockId: otherBlock.id,
      startAt: at("2026-03-27 10:30"),
      durationMinutes: 20,
      speakers: [{ name: "Someone" }, speaker],
    });
    const waiting = await buildContribution(admin, event.id, { title: "Not yet placed", speakers: [speaker] });
    await buildContribution(admin, event.id, { title: "Not hers", speakers: [{ name: "B", email: nobody.email }] });

    const items = await mine(ada.agent);
    expect(items.map((i) => [i.kind, i.title, i.roles])).toEqual([
      ["contribution", "Ada's talk", ["speaker"]],
      ["session", "Managed", ["manager"]],
      ["session", "Both", ["manager", "coordinator"]],
      ["session", "Coordinated", ["coordinator"]],
      ["contribution", "Not yet placed", ["speaker"]],
    ]);
    const eventRef = { id: event.id, title: "Ada's conference", slug: event.slug, timeZone: "Europe/Berlin" };
    expect(items[0]).toEqual({
      kind: "contribution",
      id: talk.id,
      title: "Ada's talk",
      event: eventRef,
      roles: ["speaker"],
      sessionTitle: "Someone else's",
      time: { startAt: utc("2026-03-27 10:30"), endAt: utc("2026-03-27 10:50") },
      path: `/events/${event.id}/contributions/${talk.id}`,
    });
    // A session shows its next block; one without blocks has no time.
    expect(items[1]).toMatchObject({
      id: managed.id,
      event: eventRef,
      time: { startAt: utc("2026-03-28 14:00"), endAt: utc("2026-03-28 15:30") },
      path: `/events/${event.id}/sessions/${managed.id}`,
    });
    expect(items[2]?.time).toBeNull();
    expect(items[4]).toMatchObject({ id: waiting.id, sessionTitle: null, time: null });

    // Each page it links to opens for her.
    for (const item of items) expect((await ada.agent.get(`/api/v1${item.path}`)).status, item.path).toBe(200);

    // Someone with none, an admin who holds nothing by their own entry, and nobody signed in.
    expect(await mine(nobody.agent)).toEqual([
      expect.objectContaining({ kind: "contribution", title: "Not hers", roles: ["speaker"] }),
    ]);
    expect(await mine((await verifiedPerson(s, "Carl")).agent)).toEqual([]);
    expect(await mine(admin)).toEqual([]);
    const anonymous = await s.agent().get<{ error: { code: string } }>("/api/v1/me/conference");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");
  });

  it("a speaker's email counts only once the account has proved it", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const unproved = await signedInAgent(s, { name: "Unproved" });
    const event = await buildEvent(admin, { timetablePublished: true });
    await buildContribution(admin, event.id, { title: "Claimed", speakers: [{ name: "U", email: unproved.email }] });
    expect(await mine(unproved.agent)).toEqual([]);
    await updateUser(s.deps.db, unproved.id, { email_verified_at: NOW.toISOString() });
    expect((await mine(unproved.agent)).map((i) => i.title)).toEqual(["Claimed"]);
  });

  it("what the person can no longer see, or no longer holds, drops out: a protected session, an unpublished or deleted event, a removed role", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const bea = await verifiedPerson(s, "Bea");
    const event = await buildEvent(admin, { timetablePublished: true });
    const e = `/api/v1/events/${event.id}`;
    const session = await buildSession(admin, event.id, { title: "Hers" });
    const guarded = await buildSession(admin, event.id, { title: "Guarded" });
    await shield(admin, event.id, session.id, { visibility: "inheriting", coordinators: [bea.email] });
    await buildContribution(admin, event.id, {
      title: "In guarded",
      sessionId: guarded.id,
      speakers: [{ name: "Bea", email: bea.email }],
    });
    await buildContribution(admin, event.id, { title: "Top level", speakers: [{ name: "Bea", email: bea.email }] });
    const titles = async () => (await mine(bea.agent)).map((i) => i.title).sort();
    expect(await titles()).toEqual(["Hers", "In guarded", "Top level"]);

    // Her talk's session becomes protected without her on its access list: the talk goes (404 on its page too).
    await shield(admin, event.id, guarded.id, { visibility: "protected" });
    expect(await titles()).toEqual(["Hers", "Top level"]);
    await shield(admin, event.id, guarded.id, { visibility: "protected", accessList: [bea.email] });
    expect(await titles()).toEqual(["Hers", "In guarded", "Top level"]);

    // Unpublished: the talks are hidden from her again; the session she coordinates stays hers.
    ok(await admin.patch(e, { timetablePublished: false }));
    expect(await titles()).toEqual(["Hers"]);

    // No longer a coordinator: the event is out of her reach altogether.
    await shield(admin, event.id, session.id, { visibility: "inheriting" });
    expect(await titles()).toEqual([]);

    // A deleted event leaves nothing behind.
    const gone = await buildEvent(admin, { timetablePublished: true });
    const goneSession = await buildSession(admin, gone.id);
    await shield(admin, gone.id, goneSession.id, { visibility: "inheriting", managers: [bea.email] });
    await buildContribution(admin, gone.id, { speakers: [{ name: "Bea", email: bea.email }] });
    expect(await mine(bea.agent)).toHaveLength(2);
    ok(await admin.delete(`/api/v1/events/${gone.id}`));
    expect(await mine(bea.agent)).toEqual([]);
  });

  it("keeps events that ended in the last 30 days and drops older ones", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const cy = await verifiedPerson(s, "Cy");
    const event = (title: string, start: string, end: string) =>
      buildEvent(admin, { title, startAt: at(start), endAt: at(end), timetablePublished: true });
    const recent = await event("Recent", "2026-02-28 09:00", "2026-03-01 18:00");
    const old = await event("Old", "2026-01-20 09:00", "2026-01-21 18:00");
    for (const e of [recent, old]) {
      const session = await buildSession(admin, e.id, { title: `${e.title} session` });
      await shield(admin, e.id, session.id, { visibility: "inheriting", coordinators: [cy.email] });
      await buildContribution(admin, e.id, { title: `${e.title} talk`, speakers: [{ name: "Cy", email: cy.email }] });
    }
    expect((await mine(cy.agent)).map((i) => i.title).sort()).toEqual(["Recent session", "Recent talk"]);
  });
});
