// Sessions page through HTTP on both engines: session types (case-insensitive names, Poster, deletion), the quick
// type picker, colours from the palette, the list with Blocks and Material counts, and deleting a session
// (conferences.md, Session types and Sessions; indico.md §1.4, §2.1).
import { expect, it } from "vitest";
import {
  at,
  buildBlock,
  buildContribution,
  buildEvent,
  buildSession,
  buildType,
  eventAudit,
  ok,
  utc,
} from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import { PALETTE } from "../../shared/palette";
import type { ErrorBody } from "../../shared/schemas/common";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type { SessionType, SessionTypeList } from "../../shared/schemas/conference-events";
import type { ConferenceSessionList } from "../../shared/schemas/conference-sessions";
import type { ConferenceSession, EventTimetable } from "../../shared/schemas/timetable";

describeEngines("conference sessions API", (engine) => {
  const server = useTestServer(engine);
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;

  // ---------------------------------------------------------------- session types

  it("session type names are unique per event ignoring case: 409 naming `name`", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    await buildType(a, event.id, { name: "Poster session", isPoster: true });
    const clash = await a.post<ErrorBody>(`/api/v1/events/${event.id}/session-types`, { name: "POSTER Session" });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe("session_type_exists");
    expect(clash.body.error.fields?.name).toMatch(/already used/);

    // Another event may use the same name; renaming onto a taken name is refused too.
    const other = await buildEvent(a);
    await buildType(a, other.id, { name: "poster session" });
    const talk = await buildType(a, event.id, { name: "Talks" });
    const rename = await a.patch<ErrorBody>(`/api/v1/events/${event.id}/session-types/${talk.id}`, {
      name: "poster SESSION",
    });
    expect(rename.status).toBe(409);
    expect(rename.body.error.fields?.name).toBeDefined();
    // Renaming to the same name in another case is no clash with itself.
    ok(await a.patch(`/api/v1/events/${event.id}/session-types/${talk.id}`, { name: "TALKS" }));
  });

  it("the database itself refuses a second type whose name differs only in case", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const t = await buildType(a, event.id, { name: "Keynote" });
    const now = new Date().toISOString();
    await expect(
      server()
        .deps.db.insertInto("session_types")
        .values({
          id: crypto.randomUUID(),
          event_id: event.id,
          name: "KEYNOTE",
          code: "",
          is_poster: 0,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow();
    expect(t.name).toBe("Keynote");
  });

  it("lists types with how many sessions use them; deleting a type leaves its sessions untyped", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const type = await buildType(a, event.id, { name: "Workshop", code: "W" });
    const s1 = await buildSession(a, event.id, { typeId: type.id });
    const s2 = await buildSession(a, event.id, { typeId: type.id });
    expect(s1.type).toEqual({ id: type.id, name: "Workshop", code: "W", isPoster: false });
    const list = ok(await a.get<SessionTypeList>(`/api/v1/events/${event.id}/session-types`));
    expect(list.types).toEqual([{ ...type, sessionsCount: 2 }]);

    const del = ok(await a.delete<{ sessionsUntyped: number }>(`/api/v1/events/${event.id}/session-types/${type.id}`));
    expect(del.sessionsUntyped).toBe(2);
    for (const s of [s1, s2]) {
      const after = ok(await a.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${s.id}`));
      expect(after.type).toBeNull();
      expect(after.title).toBe(s.title);
    }
    expect((await eventAudit(a, event.id)).map((e) => e.action)).toContain("session_type.deleted");
  });

  it("quick type picker: one call sets the type, clicking it again (typeId null) clears it", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const type = await buildType(a, event.id, { name: "Talks" });
    const session = await buildSession(a, event.id);
    expect(session.type).toBeNull();
    const set = ok(
      await a.patch<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`, { typeId: type.id }),
    );
    expect(set.type?.id).toBe(type.id);
    const cleared = ok(
      await a.patch<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`, { typeId: null }),
    );
    expect(cleared.type).toBeNull();
    // A type of another event is refused, naming the field.
    const other = await buildEvent(a);
    const foreign = await buildType(a, other.id);
    const bad = await a.patch<ErrorBody>(`/api/v1/events/${event.id}/sessions/${session.id}`, { typeId: foreign.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.typeId).toBeDefined();
  });

  it("switching Poster on for a type turns its sessions' blocks into poster blocks; refused while they hold breaks", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const type = await buildType(a, event.id, { name: "Boards" });
    const session = await buildSession(a, event.id, { typeId: type.id });
    const block = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 14:00"), durationMinutes: 90 });
    const c1 = await buildContribution(a, event.id, { sessionId: session.id, blockId: block.id });
    const c2 = await buildContribution(a, event.id, { sessionId: session.id, blockId: block.id });
    expect(c2.startAt).toBe(utc("2026-03-27 14:20"));
    const brk = ok(await a.post<{ id: string }>(`/api/v1/events/${event.id}/breaks`, { blockId: block.id }), 201);

    const refused = await a.patch<ErrorBody>(`/api/v1/events/${event.id}/session-types/${type.id}`, { isPoster: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("break_in_poster_block");
    expect(refused.body.error.message).toMatch(/holds a break/);

    ok(await a.delete(`/api/v1/events/${event.id}/breaks/${brk.id}`));
    ok(await a.patch<SessionType>(`/api/v1/events/${event.id}/session-types/${type.id}`, { isPoster: true }));
    for (const c of [c1, c2]) {
      const after = ok(await a.get<Contribution>(`/api/v1/events/${event.id}/contributions/${c.id}`));
      expect([after.startAt, after.durationMinutes]).toEqual([utc("2026-03-27 14:00"), 90]);
    }
  });

  // ---------------------------------------------------------------- sessions and colours

  it("Add new session: defaults from the event, an unused palette pair each time, stored as given", async () => {
    const a = await admin();
    const event = await buildEvent(a, { defaultContributionMinutes: 25 });
    const first = await buildSession(a, event.id, { title: "Opening", code: "S1", description: "**Welcome**" });
    expect(first).toMatchObject({
      title: "Opening",
      code: "S1",
      description: "**Welcome**",
      defaultContributionMinutes: 25,
      type: null,
      isPoster: false,
      roomId: null,
      locationText: null,
      location: null,
      blocks: [],
      materials: [],
      contributions: [],
      abilities: { manage: true, manageBlocks: true, schedule: true },
    });
    expect(first.descriptionHtml).toContain("<strong>Welcome</strong>");
    const second = await buildSession(a, event.id);
    const [p0, p1] = PALETTE;
    expect(first.colours).toEqual({ text: p0?.text, background: p0?.background });
    expect(second.colours).toEqual({ text: p1?.text, background: p1?.background });
    // Explicit colours must be a palette pair.
    const navy = PALETTE.find((p) => p.id === "navy");
    const chosen = await buildSession(a, event.id, {
      colours: { text: "#FFFFFF", background: navy?.background.toUpperCase() },
    });
    expect(chosen.colours).toEqual({ text: "#ffffff", background: navy?.background });
    const bad = await a.post<ErrorBody>(`/api/v1/events/${event.id}/sessions`, {
      title: "Unreadable",
      colours: { text: "#ffffff", background: "#ffff00" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.colours).toMatch(/palette/);
  });

  it("validates session fields and names them in 400s", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "" }, "title"],
      [{ title: "x", defaultContributionMinutes: 0 }, "defaultContributionMinutes"],
      [{ title: "x", defaultContributionMinutes: 12.5 }, "defaultContributionMinutes"],
      [{ title: "x", roomId: crypto.randomUUID() }, "roomId"],
      [{ title: "x", roomId: crypto.randomUUID(), locationText: "Hall B" }, "locationText"],
    ];
    for (const [body, field] of cases) {
      const res = await a.post<ErrorBody>(`/api/v1/events/${event.id}/sessions`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    const minutes = await a.post<ErrorBody>(`/api/v1/events/${event.id}/sessions`, {
      title: "x",
      defaultContributionMinutes: 2000,
    });
    expect(minutes.body.error.fields?.defaultContributionMinutes).toBe("must be between 1 and 1440");
  });

  it("sessions list: type, code, colours, Blocks and Material counts, by title", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const type = await buildType(a, event.id, { name: "Talks", code: "T" });
    const b = await buildSession(a, event.id, { title: "B session", code: "B1", typeId: type.id });
    const s = await buildSession(a, event.id, { title: "A session" });
    await buildBlock(a, event.id, b.id, { startAt: at("2026-03-27 09:00") });
    await buildBlock(a, event.id, b.id, { startAt: at("2026-03-28 09:00") });
    ok(
      await a.post(`/api/v1/events/${event.id}/sessions/${b.id}/materials/links`, {
        url: "https://example.org/slides",
      }),
      201,
    );
    await buildContribution(a, event.id, { sessionId: b.id });
    const list = ok(await a.get<ConferenceSessionList>(`/api/v1/events/${event.id}/sessions`));
    expect(list.sessions.map((x) => x.title)).toEqual(["A session", "B session"]);
    expect(list.sessions[1]).toMatchObject({
      id: b.id,
      code: "B1",
      type: { id: type.id, name: "Talks", code: "T", isPoster: false },
      blocksCount: 2,
      materialsCount: 1,
      contributionsCount: 1,
    });
    expect(list.sessions[0]).toMatchObject({ id: s.id, blocksCount: 0, materialsCount: 0, type: null });
    expect(list.types.map((t) => t.id)).toEqual([type.id]);
  });

  // ---------------------------------------------------------------- deleting a session

  it("deleting a session deletes its blocks and unschedules its contributions, which remain without a session", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const keep = await buildSession(a, event.id);
    const b1 = await buildBlock(a, event.id, session.id, {
      startAt: at("2026-03-27 09:00"),
      conveners: [{ name: "Ada" }],
    });
    const b2 = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-28 11:00") });
    const kept = await buildBlock(a, event.id, keep.id, { startAt: at("2026-03-27 11:00") });
    const scheduled = await buildContribution(a, event.id, { sessionId: session.id, blockId: b1.id });
    const scheduled2 = await buildContribution(a, event.id, { sessionId: session.id, blockId: b2.id });
    const unscheduled = await buildContribution(a, event.id, { sessionId: session.id });
    const other = await buildContribution(a, event.id, { sessionId: keep.id, blockId: kept.id });
    ok(await a.post(`/api/v1/events/${event.id}/breaks`, { blockId: b1.id, startAt: at("2026-03-27 09:30") }), 201);
    ok(
      await a.post(`/api/v1/events/${event.id}/sessions/${session.id}/materials/links`, {
        url: "https://example.org/x",
      }),
      201,
    );

    const res = ok(await a.delete(`/api/v1/events/${event.id}/sessions/${session.id}`));
    expect(res).toEqual({ ok: true, blocksDeleted: 2, contributionsUnscheduled: 2, contributionsDetached: 3 });

    expect((await a.get(`/api/v1/events/${event.id}/sessions/${session.id}`)).status).toBe(404);
    const db = server().deps.db;
    const blocks = await db.selectFrom("session_blocks").select("id").where("id", "in", [b1.id, b2.id]).execute();
    expect(blocks).toEqual([]);
    const breaks = await db.selectFrom("breaks").select("id").where("event_id", "=", event.id).execute();
    expect(breaks).toEqual([]);
    const conveners = await db.selectFrom("block_conveners").select("id").where("block_id", "=", b1.id).execute();
    expect(conveners).toEqual([]);
    for (const c of [scheduled, scheduled2, unscheduled]) {
      const after = ok(await a.get<Contribution>(`/api/v1/events/${event.id}/contributions/${c.id}`));
      expect(after).toMatchObject({
        title: c.title,
        sessionId: null,
        blockId: null,
        isScheduled: false,
        startAt: null,
      });
    }
    // The other session is untouched.
    const untouched = ok(await a.get<Contribution>(`/api/v1/events/${event.id}/contributions/${other.id}`));
    expect(untouched).toMatchObject({ sessionId: keep.id, blockId: kept.id, isScheduled: true });
    const timetable = ok(await a.get<EventTimetable>(`/api/v1/events/${event.id}/timetable`));
    const ids = timetable.days.flatMap((d) => d.entries.map((e) => e.id));
    expect(ids).toEqual([kept.id]);
    const audit = (await eventAudit(a, event.id)).find((e) => e.action === "conference_session.deleted");
    expect(audit?.changes).toMatchObject({ sessionId: session.id, blocksDeleted: 2, contributionsDetached: 3 });
  });

  it("a session of another event is not found through this event", async () => {
    const a = await admin();
    const e1 = await buildEvent(a);
    const e2 = await buildEvent(a);
    const s2 = await buildSession(a, e2.id);
    expect((await a.get(`/api/v1/events/${e1.id}/sessions/${s2.id}`)).status).toBe(404);
    expect((await a.patch(`/api/v1/events/${e1.id}/sessions/${s2.id}`, { title: "x" })).status).toBe(404);
    expect((await a.delete(`/api/v1/events/${e1.id}/sessions/${s2.id}`)).status).toBe(404);
    expect(
      (await a.post(`/api/v1/events/${e1.id}/sessions/${s2.id}/blocks`, { startAt: at("2026-03-27 10:00") })).status,
    ).toBe(404);
  });
});
