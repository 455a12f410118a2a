// The timetable through HTTP on both engines: blocks (create, move to another day with their contents, resize,
// fit, delete), scheduling contributions (own session's blocks only, block growth, posters), breaks, default
// durations, reschedule, and the timetable JSON (days, parallel order, colours, conveners, materials, posters,
// double-booked rooms) with a constant number of queries (conferences.md; indico.md §2–§3).
import type { KyselyPlugin } from "kysely";
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
  wall,
} from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type {
  Break,
  ConferenceSession,
  EventTimetable,
  SessionBlock,
  SessionTimetable,
  TimetableBlock,
} from "../../shared/schemas/timetable";
import { EventTimetable as EventTimetableSchema } from "../../shared/schemas/timetable";
import type { Actor } from "../permissions/actor";
import { readEventTimetable } from "./read";

describeEngines("timetable API", (engine) => {
  const server = useTestServer(engine);
  const adminUser = async () => signedInAgent(server(), { admin: true });
  const admin = async () => (await adminUser()).agent;

  const contribution = async (a: Awaited<ReturnType<typeof admin>>, eventId: string, id: string) =>
    ok(await a.get<Contribution>(`/api/v1/events/${eventId}/contributions/${id}`));
  const block = async (a: Awaited<ReturnType<typeof admin>>, eventId: string, sessionId: string, id: string) => {
    const s = ok(await a.get<ConferenceSession>(`/api/v1/events/${eventId}/sessions/${sessionId}`));
    return s.blocks.find((b) => b.id === id) as TimetableBlock;
  };

  // ---------------------------------------------------------------- blocks

  it("a new block lasts 60 minutes, keeps its conveners in order, and stays inside the event and its day", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id, {
      title: "Morning",
      startAt: at("2026-03-27 10:00"),
      conveners: [
        { name: "Ada Lovelace", affiliation: "Analytical Engines", email: "ada@example.test" },
        { name: "Grace Hopper" },
      ],
    });
    expect(b).toMatchObject({
      title: "Morning",
      startAt: utc("2026-03-27 10:00"),
      endAt: utc("2026-03-27 11:00"),
      startLocal: "2026-03-27T10:00",
      endLocal: "2026-03-27T11:00",
      durationMinutes: 60,
      conveners: [
        { name: "Ada Lovelace", affiliation: "Analytical Engines", email: "ada@example.test" },
        { name: "Grace Hopper", affiliation: "", email: null },
      ],
    });

    const refusals: [Record<string, unknown>, number, string][] = [
      [{ startAt: at("2026-03-27 08:00") }, 409, "starts_before_event"],
      [{ startAt: at("2026-03-31 17:30") }, 409, "ends_after_event"],
      [{ startAt: at("2026-03-28 23:30") }, 409, "crosses_day"],
      [{ startAt: "2026-03-27T10:00:30+01:00" }, 400, "validation_failed"],
      [{ startAt: at("2026-03-27 10:00"), durationMinutes: 0 }, 400, "validation_failed"],
    ];
    for (const [body, status, code] of refusals) {
      const res = await a.post<ErrorBody>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const late = await a.post<ErrorBody>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
      startAt: at("2026-03-28 23:30"),
    });
    expect(late.body.error.message).toContain("Europe/Berlin");
    expect(late.body.error.fields?.durationMinutes).toBeDefined();
  });

  it("moves a block to another day with its contents, keeping the wall-clock time across DST", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-28 10:00"), durationMinutes: 90 });
    const c1 = await buildContribution(a, event.id, { sessionId: session.id, blockId: b.id, durationMinutes: 30 });
    const c2 = await buildContribution(a, event.id, { sessionId: session.id, blockId: b.id, durationMinutes: 30 });
    const brk = ok(
      await a.post<Break>(`/api/v1/events/${event.id}/breaks`, { blockId: b.id, durationMinutes: 15 }),
      201,
    );
    expect(wall(brk.startAt)).toBe("2026-03-28 11:00");

    // Saturday (UTC+1) to Monday (UTC+2, after the spring change): same wall-clock times.
    const moved = ok(
      await a.post<SessionBlock>(`/api/v1/events/${event.id}/blocks/${b.id}/move`, { day: "2026-03-30" }),
    );
    expect([moved.startLocal, moved.endLocal]).toEqual(["2026-03-30T10:00", "2026-03-30T11:30"]);
    const after = [await contribution(a, event.id, c1.id), await contribution(a, event.id, c2.id)];
    expect(after.map((c) => [c.startLocal, c.blockId])).toEqual([
      ["2026-03-30T10:00", b.id],
      ["2026-03-30T10:30", b.id],
    ]);
    const inBlock = await block(a, event.id, session.id, b.id);
    expect(inBlock.children.find((c) => c.kind === "break")?.startLocal).toBe("2026-03-30T11:00");

    // A new start through PATCH moves everything by the same offset.
    const patched = ok(
      await a.patch<SessionBlock>(`/api/v1/events/${event.id}/blocks/${b.id}`, { startAt: at("2026-03-30 14:00") }),
    );
    expect(patched.startLocal).toBe("2026-03-30T14:00");
    expect((await contribution(a, event.id, c2.id)).startLocal).toBe("2026-03-30T14:30");

    // Outside the event: refused, nothing moved.
    const refused = await a.post<ErrorBody>(`/api/v1/events/${event.id}/blocks/${b.id}/move`, { day: "2026-04-01" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("ends_after_event");
    expect((await contribution(a, event.id, c1.id)).startLocal).toBe("2026-03-30T14:00");
    const bad = await a.post<ErrorBody>(`/api/v1/events/${event.id}/blocks/${b.id}/move`, { day: "30/03/2026" });
    expect(bad.status).toBe(400);
    expect((await eventAudit(a, event.id)).map((e) => e.action)).toContain("session_block.moved");
  });

  it("a new duration cannot cut off the block's entries; fit to content shrinks the block to them", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 09:00"), durationMinutes: 240 });
    await buildContribution(a, event.id, {
      sessionId: session.id,
      blockId: b.id,
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 30,
    });
    await buildContribution(a, event.id, {
      sessionId: session.id,
      blockId: b.id,
      startAt: at("2026-03-27 11:00"),
      durationMinutes: 45,
    });
    const cut = await a.patch<ErrorBody>(`/api/v1/events/${event.id}/blocks/${b.id}`, { durationMinutes: 120 });
    expect(cut.status).toBe(409);
    expect(cut.body.error.code).toBe("cuts_off_children");
    expect(cut.body.error.fields?.durationMinutes).toMatch(/too short/);

    const fitted = ok(await a.post<SessionBlock>(`/api/v1/events/${event.id}/blocks/${b.id}/fit`));
    expect([fitted.startLocal, fitted.endLocal]).toEqual(["2026-03-27T10:00", "2026-03-27T11:45"]);
    expect((await eventAudit(a, event.id)).map((e) => e.action)).toContain("session_block.fitted");
  });

  it("a block grows when a contribution overflows it, and says so; never past midnight or the event", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id, { defaultContributionMinutes: 30 });
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 16:00"), durationMinutes: 60 });
    await buildContribution(a, event.id, { sessionId: session.id, blockId: b.id });
    await buildContribution(a, event.id, { sessionId: session.id, blockId: b.id });
    const third = await buildContribution(a, event.id, { sessionId: session.id, blockId: b.id });
    expect(third.startLocal).toBe("2026-03-27T17:00");
    expect(third.notices).toEqual([
      "The session block now ends at 2026-03-27 17:30 (Europe/Berlin) to hold its content.",
    ]);
    const grown = await block(a, event.id, session.id, b.id);
    expect(grown.endLocal).toBe("2026-03-27T17:30");
    const audit = (await eventAudit(a, event.id)).find((e) => e.action === "session_block.grown");
    expect(audit?.changes).toMatchObject({ blockId: b.id, durationMinutes: { from: 60, to: 90 }, automatic: true });

    // Growing past midnight is refused with the reason, and nothing changes.
    const late = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-28 23:00"), durationMinutes: 30 });
    const c = await buildContribution(a, event.id, { sessionId: session.id });
    const res = await a.post<ErrorBody>(`/api/v1/events/${event.id}/contributions/${c.id}/schedule`, {
      blockId: late.id,
      startAt: at("2026-03-28 23:45"),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("crosses_day");
    expect((await contribution(a, event.id, c.id)).isScheduled).toBe(false);
  });

  it("default durations: contributions take their session's default, else the event's; blocks 60; breaks 20", async () => {
    const a = await admin();
    const event = await buildEvent(a, { defaultContributionMinutes: 25 });
    const session = await buildSession(a, event.id, { defaultContributionMinutes: 15 });
    const plain = await buildSession(a, event.id);
    expect(plain.defaultContributionMinutes).toBe(25);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 09:00") });
    expect(b.durationMinutes).toBe(60);
    const inBlock = await buildContribution(a, event.id, { blockId: b.id });
    expect(inBlock).toMatchObject({ sessionId: session.id, durationMinutes: 15, startLocal: "2026-03-27T09:00" });
    const ofSession = await buildContribution(a, event.id, { sessionId: session.id });
    expect(ofSession.durationMinutes).toBe(15);
    const alone = await buildContribution(a, event.id);
    expect(alone).toMatchObject({ sessionId: null, durationMinutes: 25, isScheduled: false });
    const explicit = await buildContribution(a, event.id, { sessionId: session.id, durationMinutes: 40 });
    expect(explicit.durationMinutes).toBe(40);
    const brk = ok(await a.post<Break>(`/api/v1/events/${event.id}/breaks`, { blockId: b.id }), 201);
    expect(brk).toMatchObject({ durationMinutes: 20, startLocal: "2026-03-27T09:15", title: "Break" });
    const top = ok(
      await a.post<Break>(`/api/v1/events/${event.id}/breaks`, { title: "Lunch", startAt: at("2026-03-27 12:00") }),
      201,
    );
    expect(top).toMatchObject({
      durationMinutes: 20,
      blockId: null,
      colours: { text: "#202020", background: "#90c0f0" },
    });
  });

  it("durations are whole minutes from 1 to 1440: anything else is refused with the rule, never coerced (issue 13)", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 09:00") });
    const brk = ok(await a.post<Break>(`/api/v1/events/${event.id}/breaks`, { blockId: b.id }), 201);
    const e = `/api/v1/events/${event.id}`;
    const cases: [unknown, string][] = [
      [0, "must be between 1 and 1440"],
      [-30, "must be between 1 and 1440"],
      [1441, "must be between 1 and 1440"],
      [12.5, "must be a whole number"],
      ["60", "must be a number"],
    ];
    for (const [durationMinutes, rule] of cases) {
      const sends = [
        a.post<ErrorBody>(`${e}/sessions/${session.id}/blocks`, { startAt: at("2026-03-27 14:00"), durationMinutes }),
        a.patch<ErrorBody>(`${e}/blocks/${b.id}`, { durationMinutes }),
        a.post<ErrorBody>(`${e}/breaks`, { blockId: b.id, durationMinutes }),
        a.patch<ErrorBody>(`${e}/breaks/${brk.id}`, { durationMinutes }),
      ];
      for (const res of await Promise.all(sends)) {
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.error.fields?.durationMinutes).toBe(rule);
      }
    }
    // Nothing changed.
    expect((await block(a, event.id, session.id, b.id)).durationMinutes).toBe(60);
    const s = ok(await a.get<ConferenceSession>(`${e}/sessions/${session.id}`));
    expect(s.blocks).toHaveLength(1);
  });

  it("contributions go only into their own session's blocks; without a session only at top level", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const s1 = await buildSession(a, event.id);
    const s2 = await buildSession(a, event.id);
    const b2 = await buildBlock(a, event.id, s2.id, { startAt: at("2026-03-27 10:00") });
    const ofS1 = await buildContribution(a, event.id, { sessionId: s1.id });
    const alone = await buildContribution(a, event.id);
    const schedule = (id: string, body: Record<string, unknown>) =>
      a.post<ErrorBody & Contribution>(`/api/v1/events/${event.id}/contributions/${id}/schedule`, body);

    const wrongBlock = await schedule(ofS1.id, { blockId: b2.id });
    expect(wrongBlock.status).toBe(409);
    expect(wrongBlock.body.error.code).toBe("contribution_of_other_session");
    const topLevel = await schedule(ofS1.id, { startAt: at("2026-03-27 10:00") });
    expect(topLevel.body.error.code).toBe("contribution_of_session_at_top_level");
    const aloneInBlock = await schedule(alone.id, { blockId: b2.id });
    expect(aloneInBlock.body.error.code).toBe("contribution_without_session_in_block");
    const noTime = await schedule(alone.id, {});
    expect(noTime.status).toBe(400);
    expect(noTime.body.error.fields?.startAt).toBeDefined();

    // Top level by day: the next free time, after what is already there (the 10:00–11:00 block).
    const first = ok(await schedule(alone.id, { day: "2026-03-27" }));
    expect(first.startLocal).toBe("2026-03-27T11:00");
    const other = await buildContribution(a, event.id);
    const second = ok(await schedule(other.id, { day: "2026-03-27" }));
    expect(second.startLocal).toBe("2026-03-27T11:20");
    const later = await buildContribution(a, event.id);
    expect(ok(await schedule(later.id, { day: "2026-03-28" })).startLocal).toBe("2026-03-28T08:00");

    // Unschedule keeps the session; the DB refuses a session's contribution at top level outright.
    const placed = await buildContribution(a, event.id, { title: "In block", blockId: b2.id });
    const un = ok(await a.post<Contribution>(`/api/v1/events/${event.id}/contributions/${placed.id}/unschedule`));
    expect(un).toMatchObject({ isScheduled: false, sessionId: s2.id, blockId: null });
    await expect(
      server()
        .deps.db.updateTable("contributions")
        .set({ start_at: new Date(at("2026-03-27 10:00")).toISOString() })
        .where("id", "=", placed.id)
        .execute(),
    ).rejects.toThrow();
  });

  it("moving a contribution to another session unschedules it and says so", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const s1 = await buildSession(a, event.id);
    const s2 = await buildSession(a, event.id);
    const b1 = await buildBlock(a, event.id, s1.id);
    const c = await buildContribution(a, event.id, { blockId: b1.id });
    const moved = ok(
      await a.patch<Contribution>(`/api/v1/events/${event.id}/contributions/${c.id}`, { sessionId: s2.id }),
    );
    expect(moved).toMatchObject({ sessionId: s2.id, isScheduled: false, blockId: null });
    expect(moved.notices[0]).toMatch(/unscheduled/);
  });

  it("breaks move into a block and back to top level; a block's breaks follow their default start", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 10:00"), durationMinutes: 60 });
    await buildContribution(a, event.id, { blockId: b.id, durationMinutes: 30 });
    const coffee = ok(
      await a.post<Break>(`/api/v1/events/${event.id}/breaks`, { title: "Coffee", startAt: at("2026-03-27 09:00") }),
      201,
    );
    const inside = ok(await a.patch<Break>(`/api/v1/events/${event.id}/breaks/${coffee.id}`, { blockId: b.id }));
    expect([inside.blockId, inside.startLocal]).toEqual([b.id, "2026-03-27T10:30"]);
    const out = ok(
      await a.patch<Break>(`/api/v1/events/${event.id}/breaks/${coffee.id}`, {
        blockId: null,
        startAt: at("2026-03-27 12:00"),
        colours: { text: "#ffffff", background: "#8a2b2b" },
      }),
    );
    expect([out.blockId, out.startLocal, out.colours.background]).toEqual([null, "2026-03-27T12:00", "#8a2b2b"]);
    const early = await a.patch<ErrorBody>(`/api/v1/events/${event.id}/breaks/${coffee.id}`, {
      startAt: at("2026-03-27 08:00"),
    });
    expect([early.status, early.body.error.code]).toEqual([409, "starts_before_event"]);
  });

  it("deleting a block unschedules its contributions (they keep their session) and deletes its breaks", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id);
    const c = await buildContribution(a, event.id, { blockId: b.id });
    ok(await a.post(`/api/v1/events/${event.id}/breaks`, { blockId: b.id }), 201);
    const res = ok(await a.delete(`/api/v1/events/${event.id}/blocks/${b.id}`));
    expect(res).toEqual({ ok: true, contributionsUnscheduled: 1, breaksDeleted: 1 });
    expect(await contribution(a, event.id, c.id)).toMatchObject({ sessionId: session.id, isScheduled: false });
    const s = ok(await a.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`));
    expect(s.blocks).toEqual([]);
  });

  // ---------------------------------------------------------------- posters

  it("poster blocks: every poster takes the block's start and duration, follows it, no breaks, no reschedule or fit", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const poster = await buildType(a, event.id, { name: "Poster", isPoster: true });
    const session = await buildSession(a, event.id, { typeId: poster.id });
    expect(session.isPoster).toBe(true);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 15:00"), durationMinutes: 120 });
    const p2 = await buildContribution(a, event.id, { blockId: b.id, boardNumber: "P10", title: "Second" });
    const p1 = await buildContribution(a, event.id, {
      blockId: b.id,
      boardNumber: "P2",
      title: "First",
      startAt: at("2026-03-27 16:00"),
    });
    for (const p of [p1, p2]) {
      expect([p.startLocal, p.endLocal, p.durationMinutes]).toEqual(["2026-03-27T15:00", "2026-03-27T17:00", 120]);
    }
    const brk = await a.post<ErrorBody>(`/api/v1/events/${event.id}/breaks`, { blockId: b.id });
    expect(brk.status).toBe(409);
    expect(brk.body.error.code).toBe("break_in_poster_block");
    const fit = await a.post<ErrorBody>(`/api/v1/events/${event.id}/blocks/${b.id}/fit`);
    expect([fit.status, fit.body.error.code]).toEqual([409, "poster_block"]);
    const resched = await a.post<ErrorBody>(`/api/v1/events/${event.id}/timetable/reschedule`, {
      scope: { kind: "block", blockId: b.id },
      mode: "time",
    });
    expect([resched.status, resched.body.error.code]).toEqual([409, "poster_block"]);

    // Resizing and moving the block carries the posters along.
    ok(
      await a.patch(`/api/v1/events/${event.id}/blocks/${b.id}`, {
        startAt: at("2026-03-28 10:00"),
        durationMinutes: 90,
      }),
    );
    const after = await contribution(a, event.id, p1.id);
    expect([after.startLocal, after.durationMinutes]).toEqual(["2026-03-28T10:00", 90]);

    // The timetable flags the poster block and lists posters by board number.
    const tt = ok(await a.get<EventTimetable>(`/api/v1/events/${event.id}/timetable`));
    const entry = tt.days.flatMap((d) => d.entries).find((e) => e.id === b.id) as TimetableBlock;
    expect(entry.isPoster).toBe(true);
    expect(entry.children.map((c) => (c.kind === "contribution" ? [c.title, c.boardNumber] : []))).toEqual([
      ["First", "P2"],
      ["Second", "P10"],
    ]);
  });

  // ---------------------------------------------------------------- reschedule

  it("reschedule compacts a block's entries with a gap, and a day's top level", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const b = await buildBlock(a, event.id, session.id, { startAt: at("2026-03-27 09:00"), durationMinutes: 180 });
    const starts = ["09:30", "10:30", "11:15"];
    const ids: string[] = [];
    for (const s of starts) {
      const c = await buildContribution(a, event.id, {
        blockId: b.id,
        startAt: at(`2026-03-27 ${s}`),
        durationMinutes: 20,
      });
      ids.push(c.id);
    }
    const res = ok(
      await a.post<{ changed: number }>(`/api/v1/events/${event.id}/timetable/reschedule`, {
        scope: { kind: "block", blockId: b.id },
        mode: "time",
        gapMinutes: 5,
      }),
    );
    expect(res.changed).toBe(3);
    const times = [];
    for (const id of ids) times.push((await contribution(a, event.id, id)).startLocal);
    expect(times).toEqual(["2026-03-27T09:00", "2026-03-27T09:25", "2026-03-27T09:50"]);

    // Durations mode: each entry lasts until the next one starts, minus the gap.
    ok(
      await a.post(`/api/v1/events/${event.id}/timetable/reschedule`, {
        scope: { kind: "block", blockId: b.id },
        mode: "duration",
        gapMinutes: 0,
      }),
    );
    expect((await contribution(a, event.id, ids[0] as string)).durationMinutes).toBe(25);

    // Day scope: top-level items of the day start one after another from the day's first one.
    const other = await buildSession(a, event.id);
    const b2 = await buildBlock(a, event.id, other.id, { startAt: at("2026-03-28 09:00"), durationMinutes: 60 });
    const b3 = await buildBlock(a, event.id, other.id, { startAt: at("2026-03-28 13:00"), durationMinutes: 60 });
    const inside = await buildContribution(a, event.id, { blockId: b3.id, startAt: at("2026-03-28 13:30") });
    ok(
      await a.post(`/api/v1/events/${event.id}/timetable/reschedule`, {
        scope: { kind: "day", day: "2026-03-28" },
        mode: "time",
        gapMinutes: 15,
      }),
    );
    expect((await block(a, event.id, other.id, b3.id)).startLocal).toBe("2026-03-28T10:15");
    expect((await block(a, event.id, other.id, b2.id)).startLocal).toBe("2026-03-28T09:00");
    // The block's contribution moved with it.
    expect((await contribution(a, event.id, inside.id)).startLocal).toBe("2026-03-28T10:45");

    const tooBig = await a.post<ErrorBody>(`/api/v1/events/${event.id}/timetable/reschedule`, {
      scope: { kind: "block", blockId: b.id },
      mode: "duration",
      gapMinutes: 60,
    });
    expect([tooBig.status, tooBig.body.error.code]).toEqual([409, "gap_too_large"]);
  });

  // ---------------------------------------------------------------- the timetable JSON

  it("timetable JSON: days in the event's zone, parallel blocks by order then code then title, colours, conveners, materials, rooms", async () => {
    const { agent: a } = await adminUser();
    const room = ok(
      await a.post<{ id: string }>("/api/v1/admin/rooms", { venueName: "Main", name: "Aula", capacity: 300 }),
      201,
    );
    const event = await buildEvent(a, { roomId: room.id });
    const sZ = await buildSession(a, event.id, { title: "Zeta", code: "S10" });
    const workshop = ok(
      await a.post<{ id: string }>(`/api/v1/events/${event.id}/session-types`, { name: "Workshop", code: "W" }),
      201,
    );
    const sA = await buildSession(a, event.id, {
      title: "Alpha",
      code: "S2",
      locationText: "Hall B",
      typeId: workshop.id,
    });
    const sN = await buildSession(a, event.id, { title: "Nocode" });
    const bZ = await buildBlock(a, event.id, sZ.id, {
      startAt: at("2026-03-27 10:00"),
      conveners: [{ name: "Zed", email: "z@example.test" }],
    });
    const bA = await buildBlock(a, event.id, sA.id, { startAt: at("2026-03-27 10:30") });
    const bN = await buildBlock(a, event.id, sN.id, { startAt: at("2026-03-27 10:00"), displayOrder: -1 });
    const bLater = await buildBlock(a, event.id, sZ.id, { startAt: at("2026-03-29 09:00"), title: "Sunday" });
    const talk = await buildContribution(a, event.id, {
      blockId: bZ.id,
      speakers: [{ name: "Sam", email: "sam@example.test" }],
    });
    const lunch = ok(
      await a.post<Break>(`/api/v1/events/${event.id}/breaks`, { title: "Lunch", startAt: at("2026-03-27 12:00") }),
      201,
    );
    ok(
      await a.post(`/api/v1/events/${event.id}/sessions/${sZ.id}/materials/links`, {
        name: "Slides",
        url: "https://example.org/s",
      }),
      201,
    );

    const tt = ok(await a.get<EventTimetable>(`/api/v1/events/${event.id}/timetable`));
    // The route skips response validation for speed: the answer must still match its documented schema.
    expect(EventTimetableSchema.safeParse(tt).error).toBeUndefined();
    expect(tt.event).toMatchObject({ id: event.id, timeZone: "Europe/Berlin", timetablePublished: false });
    expect(tt.abilities.manage).toBe(true);
    expect(tt.days.map((d) => d.day)).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    // Sunday 29 March is 23 hours long in Berlin.
    const sunday = tt.days[2];
    expect(sunday && (Date.parse(sunday.endAt) - Date.parse(sunday.startAt)) / 3_600_000).toBe(23);
    const friday = tt.days[0]?.entries ?? [];
    expect(friday.map((e) => [e.id, e.column, e.columns])).toEqual([
      [bN.id, 0, 3],
      [bA.id, 1, 3],
      [bZ.id, 2, 3],
      [lunch.id, 0, 1],
    ]);
    const z = friday.find((e) => e.id === bZ.id) as TimetableBlock;
    expect(z).toMatchObject({
      kind: "block",
      sessionTitle: "Zeta",
      sessionCode: "S10",
      sessionType: null,
      fullTitle: "Zeta",
      colours: sZ.colours,
      conveners: [{ name: "Zed", affiliation: "", email: "z@example.test" }],
      location: { roomId: room.id, label: "Aula (Main)", source: "event" },
      roomDoubleBooked: true,
    });
    expect(z.materials.map((m) => [m.name, m.url])).toEqual([["Slides", "https://example.org/s"]]);
    expect(z.children).toMatchObject([
      { kind: "contribution", id: talk.id, speakers: [{ name: "Sam", email: "sam@example.test" }] },
    ]);
    const alpha = friday.find((e) => e.id === bA.id) as TimetableBlock;
    expect(alpha.location).toEqual({ roomId: null, label: "Hall B", source: "session" });
    // The session's type is the timetable's track (its legend and filter).
    expect(alpha.sessionType).toEqual({ id: workshop.id, name: "Workshop", code: "W" });
    expect(alpha.roomDoubleBooked).toBe(false);
    // The materials of a session appear in every block of it.
    const later = tt.days[2]?.entries.find((e) => e.id === bLater.id) as TimetableBlock;
    expect(later.fullTitle).toBe("Zeta: Sunday");
    expect(later.materials.map((m) => m.name)).toEqual(["Slides"]);
    expect(tt.roomConflicts).toEqual([
      expect.objectContaining({ roomId: room.id, roomLabel: "Aula (Main)", fromAt: utc("2026-03-27 10:00") }),
    ]);

    // Published: anyone sees it, without emails.
    ok(await a.patch(`/api/v1/events/${event.id}`, { timetablePublished: true }));
    const anon = ok(await server().agent().get<EventTimetable>(`/api/v1/events/${event.id}/timetable`));
    const anonZ = anon.days[0]?.entries.find((e) => e.id === bZ.id) as TimetableBlock;
    expect(anonZ.conveners[0]?.email).toBeNull();
    expect(anon.abilities.manage).toBe(false);
    expect(JSON.stringify(anon)).not.toContain("@example.test");
  });

  it("parallel order: the organiser sets blocks left to right in one request; a bad list changes nothing", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const [s1, s2, s3] = [
      await buildSession(a, event.id, { title: "One", code: "A" }),
      await buildSession(a, event.id, { title: "Two", code: "B" }),
      await buildSession(a, event.id, { title: "Three", code: "C" }),
    ];
    const blocks = [
      await buildBlock(a, event.id, s1.id, { startAt: at("2026-03-27 10:00") }),
      await buildBlock(a, event.id, s2.id, { startAt: at("2026-03-27 10:00") }),
      await buildBlock(a, event.id, s3.id, { startAt: at("2026-03-27 10:00") }),
    ];
    const columns = async () =>
      ok(await a.get<EventTimetable>(`/api/v1/events/${event.id}/timetable`)).days[0]?.entries.map((e) => e.id);
    // All at order 0: by session code.
    expect(await columns()).toEqual(blocks.map((b) => b.id));
    const [b1, b2, b3] = blocks.map((b) => b.id) as [string, string, string];
    // "Move One right": exactly one place, not past Three (what a single display order could not say).
    ok(await a.put(`/api/v1/events/${event.id}/timetable/parallel-order`, { blockIds: [b2, b1, b3] }));
    expect(await columns()).toEqual([b2, b1, b3]);
    const audit = (await eventAudit(a, event.id)).find((e) => e.action === "session_block.reordered");
    expect(audit).toBeDefined();

    const twice = await a.put<ErrorBody>(`/api/v1/events/${event.id}/timetable/parallel-order`, {
      blockIds: [b1, b1],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields).toEqual({ blockIds: "must list each block once" });
    const unknown = await a.put<ErrorBody>(`/api/v1/events/${event.id}/timetable/parallel-order`, {
      blockIds: [b3, "00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.status).toBe(404);
    expect(await columns()).toEqual([b2, b1, b3]);

    // A member who manages nothing is refused, and nothing moves.
    const { agent: member } = await signedInAgent(server());
    const refused = await member.put(`/api/v1/events/${event.id}/timetable/parallel-order`, { blockIds: [b3, b2, b1] });
    expect([403, 404]).toContain(refused.status);
    expect(await columns()).toEqual([b2, b1, b3]);
  });

  it("the session timetable shows only that session's blocks, day by day", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const s = await buildSession(a, event.id, { title: "Mine" });
    const other = await buildSession(a, event.id);
    const b1 = await buildBlock(a, event.id, s.id, { startAt: at("2026-03-30 09:00") });
    const b2 = await buildBlock(a, event.id, s.id, { startAt: at("2026-03-27 09:00") });
    await buildBlock(a, event.id, other.id, { startAt: at("2026-03-27 09:00") });
    const tt = ok(await a.get<SessionTimetable>(`/api/v1/events/${event.id}/sessions/${s.id}/timetable`));
    expect(tt.session).toMatchObject({ id: s.id, title: "Mine", isPoster: false });
    expect(tt.days.map((d) => [d.day, d.blocks.map((b) => b.id)])).toEqual([
      ["2026-03-27", [b2.id]],
      ["2026-03-30", [b1.id]],
    ]);
  });

  it("reads the timetable with the same number of queries for 1 block as for 30", async () => {
    const { agent: a, id, email } = await adminUser();
    const actor: Actor = { id, email, name: "Admin", isAdmin: true, isStaff: false, isPremium: false };
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        queries += 1;
        return args.result;
      },
    };
    const db = server().deps.db.withPlugin(counter);
    async function build(blocks: number) {
      const event = await buildEvent(a);
      const type = await buildType(a, event.id, { isPoster: false });
      for (let i = 0; i < blocks; i++) {
        const s = await buildSession(a, event.id, { typeId: type.id, code: `S${i}` });
        const day = 27 + (i % 5);
        const b = await buildBlock(a, event.id, s.id, {
          startAt: at(`2026-03-${day} ${String(9 + (Math.floor(i / 5) % 8)).padStart(2, "0")}:00`),
          conveners: [{ name: `Convener ${i}` }],
        });
        await buildContribution(a, event.id, { blockId: b.id, speakers: [{ name: `Speaker ${i}` }] });
        ok(await a.post(`/api/v1/events/${event.id}/breaks`, { blockId: b.id }), 201);
        ok(
          await a.post(`/api/v1/events/${event.id}/sessions/${s.id}/materials/links`, { url: "https://example.org/m" }),
          201,
        );
      }
      return event;
    }
    const small = await build(1);
    const large = await build(30);
    queries = 0;
    const one = await readEventTimetable(db, actor, small.id);
    const forOne = queries;
    queries = 0;
    const thirty = await readEventTimetable(db, actor, large.id);
    const forThirty = queries;
    expect(one.days.flatMap((d) => d.entries)).toHaveLength(1);
    expect(thirty.days.flatMap((d) => d.entries)).toHaveLength(30);
    expect(forThirty).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(10);
  });
});
