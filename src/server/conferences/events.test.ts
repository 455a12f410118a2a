// Events, their managers and the room directory through HTTP on both engines (conferences.md, Event and Rooms).
import { expect, it } from "vitest";
import {
  at,
  buildBlock,
  buildContribution,
  buildEvent,
  buildSession,
  eventAudit,
  ok,
  uniqueName,
  utc,
} from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { Contribution, ContributionList } from "../../shared/schemas/conference-contributions";
import type { ConferenceEvent, EventManager, Room } from "../../shared/schemas/conference-events";

describeEngines("conference events API", (engine) => {
  const server = useTestServer(engine);
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;

  it("admins create events: instants with the zone, Markdown description, days in the zone, defaults", async () => {
    const a = await admin();
    const res = await a.post<ConferenceEvent>("/api/v1/events", {
      title: "Spring Conference",
      description: "Talks *and* posters",
      startAt: "2026-03-27T09:00:00+01:00",
      endAt: "2026-03-29T18:00:00+02:00",
      timeZone: "Europe/Berlin",
      locationText: "Berlin",
    });
    const event = ok(res, 201);
    expect(event).toMatchObject({
      title: "Spring Conference",
      startAt: "2026-03-27T08:00:00.000Z",
      endAt: "2026-03-29T16:00:00.000Z",
      startLocal: "2026-03-27T09:00",
      endLocal: "2026-03-29T18:00",
      timeZone: "Europe/Berlin",
      days: ["2026-03-27", "2026-03-28", "2026-03-29"],
      defaultContributionMinutes: 20,
      timetablePublished: false,
      roomId: null,
      locationText: "Berlin",
      location: { roomId: null, label: "Berlin", source: "event" },
      abilities: { manage: true, delete: true },
    });
    expect(event.descriptionHtml).toContain("<em>and</em>");
    expect((await eventAudit(a, event.id)).map((e) => e.action)).toEqual(["event.created"]);

    const invalid: [Record<string, unknown>, string][] = [
      [{ endAt: at("2026-03-27 08:00") }, "endAt"],
      [{ startAt: "2026-03-27T09:00:30+01:00" }, "startAt"],
      [{ startAt: "2026-03-27T09:00:00" }, "startAt"],
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ title: " " }, "title"],
      [{ defaultContributionMinutes: 0 }, "defaultContributionMinutes"],
    ];
    for (const [fields, field] of invalid) {
      const bad = await a.post<ErrorBody>("/api/v1/events", {
        title: "x",
        startAt: at("2026-03-27 09:00"),
        endAt: at("2026-03-27 18:00"),
        timeZone: "Europe/Berlin",
        ...fields,
      });
      expect(bad.status, JSON.stringify(fields)).toBe(400);
      expect(Object.keys(bad.body.error.fields ?? {})).toContain(field);
    }
    const member = (await signedInAgent(server())).agent;
    expect((await member.post("/api/v1/events", { title: "x" })).status).toBe(400);
    const valid = { title: "x", startAt: at("2026-03-27 09:00"), endAt: at("2026-03-27 18:00"), timeZone: "UTC" };
    expect((await member.post("/api/v1/events", valid)).status).toBe(403);
    expect((await server().agent().post("/api/v1/events", valid)).status).toBe(401);
  });

  it("an unpublished event is for its managers; published, everyone sees it; the list follows", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const member = await signedInAgent(server());
    const anonymous = server().agent();
    expect((await anonymous.get(`/api/v1/events/${event.id}`)).status).toBe(404);
    expect((await member.agent.get(`/api/v1/events/${event.id}`)).status).toBe(404);
    const listed = async () =>
      ok(await member.agent.get<{ events: { id: string }[] }>("/api/v1/events")).events.map((e) => e.id);
    expect(await listed()).not.toContain(event.id);

    ok(await a.post(`/api/v1/events/${event.id}/managers`, { email: member.email.toUpperCase() }), 201);
    const asManager = ok(await member.agent.get<ConferenceEvent>(`/api/v1/events/${event.id}`));
    expect(asManager.abilities).toEqual({ manage: true, delete: false });
    expect(await listed()).toContain(event.id);

    ok(await a.patch(`/api/v1/events/${event.id}`, { timetablePublished: true }));
    const seen = ok(await anonymous.get<ConferenceEvent>(`/api/v1/events/${event.id}`));
    expect(seen.abilities).toEqual({ manage: false, delete: false });
    expect(ok(await anonymous.get<{ events: { id: string }[] }>("/api/v1/events")).events.map((e) => e.id)).toContain(
      event.id,
    );
  });

  it("managers are added by the email of an existing account and removed; the audit log records both", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const person = await signedInAgent(server(), { name: "Mia Manager" });
    const added = ok(
      await a.post<{ managers: EventManager[] }>(`/api/v1/events/${event.id}/managers`, { email: person.email }),
      201,
    );
    expect(added.managers).toEqual([{ userId: person.id, name: "Mia Manager", email: person.email }]);
    const again = await a.post<ErrorBody>(`/api/v1/events/${event.id}/managers`, { email: person.email });
    expect([again.status, again.body.error.code, again.body.error.fields?.email]).toEqual([
      409,
      "already_manager",
      "already manages this event",
    ]);
    const unknown = await a.post<ErrorBody>(`/api/v1/events/${event.id}/managers`, { email: "ghost@example.test" });
    expect([unknown.status, unknown.body.error.code]).toEqual([409, "unknown_user"]);
    expect(unknown.body.error.fields?.email).toBeDefined();
    // The manager may now add sessions, then loses that right when removed.
    ok(await person.agent.post(`/api/v1/events/${event.id}/sessions`, { title: "Theirs" }), 201);
    const removed = ok(
      await a.delete<{ managers: EventManager[] }>(`/api/v1/events/${event.id}/managers/${person.id}`),
    );
    expect(removed.managers).toEqual([]);
    expect((await person.agent.post(`/api/v1/events/${event.id}/sessions`, { title: "x" })).status).toBe(404);
    expect((await a.delete(`/api/v1/events/${event.id}/managers/${person.id}`)).status).toBe(404);
    const actions = (await eventAudit(a, event.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["event.manager_added", "event.manager_removed"]));
  });

  it("new dates or a new zone must still hold the timetable (409 naming startAt and endAt)", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    await buildBlock(a, event.id, session.id, { startAt: at("2026-03-30 10:00") });
    const shorter = await a.patch<ErrorBody>(`/api/v1/events/${event.id}`, { endAt: at("2026-03-29 18:00") });
    expect(shorter.status).toBe(409);
    expect(shorter.body.error.code).toBe("timetable_outside_event");
    expect(shorter.body.error.message).toMatch(/after the event ends/);
    expect(shorter.body.error.fields).toMatchObject({ endAt: expect.any(String) });
    // A late block that fits the old zone crosses midnight in another one.
    await buildBlock(a, event.id, session.id, { startAt: at("2026-03-30 22:00"), durationMinutes: 90 });
    const zone = await a.patch<ErrorBody>(`/api/v1/events/${event.id}`, { timeZone: "Europe/Moscow" });
    expect(zone.status).toBe(409);
    expect(zone.body.error.message).toMatch(/midnight/);
    const longer = ok(
      await a.patch<ConferenceEvent>(`/api/v1/events/${event.id}`, { startAt: at("2026-03-26 09:00") }),
    );
    expect(longer.days[0]).toBe("2026-03-26");
    const audit = (await eventAudit(a, event.id)).filter((e) => e.action === "event.updated");
    expect(audit.at(-1)?.changes).toMatchObject({ start_at: { to: utc("2026-03-26 09:00") } });
  });

  it("admins delete an event with everything in it", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id);
    await buildContribution(a, event.id, { blockId: b.id, speakers: [{ name: "S" }] });
    await buildContribution(a, event.id);
    ok(await a.delete(`/api/v1/events/${event.id}`));
    expect((await a.get(`/api/v1/events/${event.id}`)).status).toBe(404);
    const db = server().deps.db;
    for (const table of ["conference_sessions", "contributions", "breaks"] as const) {
      const rows = await db.selectFrom(table).select("id").where("event_id", "=", event.id).execute();
      expect(rows, table).toEqual([]);
    }
  });

  // ---------------------------------------------------------------- rooms

  it("admins keep the room directory; names are unique per venue ignoring case; events use rooms as locations", async () => {
    const a = await admin();
    const venue = uniqueName("Venue");
    const aula = ok(await a.post<Room>("/api/v1/admin/rooms", { venueName: venue, name: "Aula", capacity: 300 }), 201);
    expect(aula).toMatchObject({ venueName: venue, name: "Aula", capacity: 300, label: `Aula (${venue})` });
    const clash = await a.post<ErrorBody>("/api/v1/admin/rooms", { venueName: venue.toUpperCase(), name: "AULA" });
    expect([clash.status, clash.body.error.code]).toEqual([409, "room_exists"]);
    expect(clash.body.error.fields?.name).toBeDefined();
    const badCapacity = await a.post<ErrorBody>("/api/v1/admin/rooms", { name: "x", capacity: -1 });
    expect(badCapacity.body.error.fields?.capacity).toBeDefined();
    const edited = ok(await a.patch<Room>(`/api/v1/admin/rooms/${aula.id}`, { capacity: 250 }));
    expect(edited.capacity).toBe(250);

    const member = (await signedInAgent(server())).agent;
    expect(ok(await member.get<{ rooms: Room[] }>("/api/v1/rooms")).rooms.map((r) => r.id)).toContain(aula.id);
    expect((await server().agent().get("/api/v1/rooms")).status).toBe(401);
    expect((await member.post("/api/v1/admin/rooms", { name: "Mine" })).status).toBe(403);
    expect((await member.patch(`/api/v1/admin/rooms/${aula.id}`, { name: "Mine" })).status).toBe(403);

    const event = await buildEvent(a, { roomId: aula.id });
    expect(event.location).toEqual({ roomId: aula.id, label: `Aula (${venue})`, source: "event" });
    const both = await a.patch<ErrorBody>(`/api/v1/events/${event.id}`, { roomId: aula.id, locationText: "x" });
    expect(both.body.error.fields?.locationText).toMatch(/not both/);
    // Removing a room leaves what used it without that room.
    ok(await a.delete(`/api/v1/admin/rooms/${aula.id}`));
    const after = ok(await a.get<ConferenceEvent>(`/api/v1/events/${event.id}`));
    expect([after.roomId, after.location]).toEqual([null, null]);
    expect((await a.delete(`/api/v1/admin/rooms/${aula.id}`)).status).toBe(404);
  });

  // ---------------------------------------------------------------- contributions page

  it("the Contributions page filters by scheduled or not and by session, and searches titles", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const s1 = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, s1.id);
    const scheduled = await buildContribution(a, event.id, { title: "Quantum talk", blockId: b.id });
    const waiting = await buildContribution(a, event.id, { title: "Classical talk", sessionId: s1.id });
    const loose = await buildContribution(a, event.id, {
      title: "Loose 100%_talk",
      speakers: [{ name: "Lee", affiliation: "Lab", email: "lee@example.test" }],
    });
    const list = async (query: string) =>
      ok(await a.get<ContributionList>(`/api/v1/events/${event.id}/contributions${query}`));
    const all = await list("");
    expect(all.total).toBe(3);
    expect(all.contributions.map((c) => c.id)).toEqual([scheduled.id, waiting.id, loose.id]);
    expect((await list("?scheduled=yes")).contributions.map((c) => c.id)).toEqual([scheduled.id]);
    expect((await list("?scheduled=no")).contributions.map((c) => c.id)).toEqual([waiting.id, loose.id]);
    expect((await list(`?sessionId=${s1.id}&scheduled=no`)).contributions.map((c) => c.id)).toEqual([waiting.id]);
    expect((await list("?sessionId=none")).contributions.map((c) => c.id)).toEqual([loose.id]);
    expect((await list("?q=100%25_")).contributions.map((c) => c.id)).toEqual([loose.id]);
    expect((await list("?limit=1&offset=1")).contributions.map((c) => c.id)).toEqual([waiting.id]);
    const withSpeaker = (await list("?sessionId=none")).contributions[0] as Contribution;
    expect(withSpeaker.speakers).toEqual([{ name: "Lee", affiliation: "Lab", email: "lee@example.test" }]);
    expect((await a.get(`/api/v1/events/${event.id}/contributions?scheduled=maybe`)).status).toBe(400);

    // Editing replaces the speakers and keeps the contribution where it is.
    const edited = ok(
      await a.patch<Contribution>(`/api/v1/events/${event.id}/contributions/${scheduled.id}`, {
        speakers: [{ name: "Kim" }, { name: "Ada", email: "" }],
        boardNumber: "B7",
      }),
    );
    expect(edited.speakers.map((s) => [s.name, s.email])).toEqual([
      ["Kim", null],
      ["Ada", null],
    ]);
    expect([edited.boardNumber, edited.isScheduled]).toEqual(["B7", true]);
    ok(await a.delete(`/api/v1/events/${event.id}/contributions/${loose.id}`));
    expect((await list("")).total).toBe(2);
  });
});

describeEngines("finding events (issue #14)", (engine) => {
  const server = useTestServer(engine);

  it("gives each event a readable address from its title, numbered when the title repeats, kept on rename", async () => {
    const admin = (await signedInAgent(server(), { admin: true })).agent;
    const title = `Über-Café Days ${uniqueName("x").replace(/\W/g, "")}`;
    const first = await buildEvent(admin, { title, timetablePublished: true });
    const second = await buildEvent(admin, { title, timetablePublished: true });
    expect(first.slug).toMatch(/^uber-cafe-days-[a-z0-9]+$/);
    expect(second.slug).toBe(`${first.slug}-2`);

    const anonymous = server().agent();
    const found = ok(await anonymous.get<ConferenceEvent>(`/api/v1/events/by-slug/${first.slug}`));
    expect(found.id).toBe(first.id);
    ok(await admin.patch(`/api/v1/events/${first.id}`, { title: "Renamed" }));
    expect(ok(await anonymous.get<ConferenceEvent>(`/api/v1/events/by-slug/${first.slug}`)).title).toBe("Renamed");

    // An unpublished event's address answers like an unknown one; a malformed slug names the rule.
    const hidden = await buildEvent(admin, { title: `${title} hidden` });
    expect((await anonymous.get<ErrorBody>(`/api/v1/events/by-slug/${hidden.slug}`)).status).toBe(404);
    expect((await anonymous.get<ErrorBody>("/api/v1/events/by-slug/no-such-event-here")).status).toBe(404);
    const bad = await anonymous.get<ErrorBody>("/api/v1/events/by-slug/Not%20A%20Slug");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.slug).toBe("must be lower-case words joined by -");
  });

  it("lists upcoming events soonest first and past ones most recent first, searched by title", async () => {
    const admin = (await signedInAgent(server(), { admin: true })).agent;
    const word = uniqueName("find").replace(/\W/g, "");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const make = (name: string, from: number, to: number) =>
      buildEvent(admin, {
        title: `${word} ${name}`,
        startAt: `${day(from)}T09:00:00Z`,
        endAt: `${day(to)}T18:00:00Z`,
        timeZone: "UTC",
        timetablePublished: true,
      });
    const later = await make("later", 20, 21);
    const soon = await make("soon", 5, 6);
    const lastYear = await make("last year", -400, -399);
    const lastMonth = await make("last month", -30, -29);
    const titles = async (query: string) =>
      ok(await server().agent().get<{ events: { id: string }[] }>(`/api/v1/events?${query}`)).events.map((e) => e.id);
    expect(await titles(`q=${word}&when=upcoming`)).toEqual([soon.id, later.id]);
    expect(await titles(`q=${word}&when=past`)).toEqual([lastMonth.id, lastYear.id]);
    expect(await titles(`q=${word.toUpperCase()}%20SOON`)).toEqual([soon.id]);
    expect((await server().agent().get("/api/v1/events?when=tomorrow")).status).toBe(400);
  });
});
