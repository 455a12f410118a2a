// Exports parse (issue 7, done-when 4), on both engines: ICS with ical.js, CSV with a strict RFC 4180 reader,
// XLSX read back with exceljs, frab schedule.json against the published c3voc schema, plus the traps of
// peers.md §3.4 (stable guids, no emails) and the personal feed.
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { expect, it } from "vitest";
import {
  at,
  buildBlock,
  buildContribution,
  buildEvent,
  buildSession,
  buildType,
  ok,
  utc,
} from "../../../tests/conferences";
import { parseCsv } from "../../../tests/csv";
import { describeEngines } from "../../../tests/engines";
import { frabSchemaErrors, hasFrabSchema } from "../../../tests/frab-schema";
import { frabXsdErrors, hasFrabXsd } from "../../../tests/frab-xsd";
import { type Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import { expectStrictIcs } from "../../../tests/ics-strict";
import type { Room } from "../../shared/schemas/conference-events";
import { updateUser } from "../accounts/queries";
import type { FrabSchedule } from "./frab";

const TRICKY = 'Compilers, "fast" ones\nand a second line';

function vevents(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return {
    comp,
    events: comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)),
  };
}

describeEngines("conference exports", (engine) => {
  const server = useTestServer(engine);

  async function conference(admin: Agent, people: { coordinator: string; speaker: string }) {
    const room = ok(
      await admin.post<Room>("/api/v1/admin/rooms", { venueName: "Campus", name: `Aula ${Date.now()}` }),
      201,
    );
    const event = await buildEvent(admin, { timetablePublished: true, locationText: "Main hall" });
    const e = `/api/v1/events/${event.id}`;
    const type = await buildType(admin, event.id, { name: "Talks" });
    const talks = await buildSession(admin, event.id, {
      title: TRICKY,
      code: "A1",
      description: 'Line one, with a comma\nand "quotes"',
      typeId: type.id,
    });
    const quiet = await buildSession(admin, event.id, { title: "Quiet room" });
    ok(
      await admin.put(`${e}/sessions/${talks.id}/protection`, {
        visibility: "inheriting",
        coordinators: [people.coordinator],
      }),
    );
    ok(await admin.put(`${e}/sessions/${quiet.id}/protection`, { visibility: "protected" }));
    const morning = await buildBlock(admin, event.id, talks.id, {
      title: "Morning",
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 90,
      roomId: room.id,
      conveners: [{ name: "Chair Person", email: "chair@example.test" }],
    });
    // The spring DST day: +02:00 from 03:00.
    const sunday = await buildBlock(admin, event.id, talks.id, { startAt: at("2026-03-29 10:00") });
    const hidden = await buildBlock(admin, event.id, quiet.id, { startAt: at("2026-03-28 10:00") });
    await buildContribution(admin, event.id, {
      blockId: morning.id,
      title: "Parsing",
      speakers: [{ name: "Ada Lovelace", email: "ada@example.test" }],
    });
    await buildContribution(admin, event.id, {
      blockId: hidden.id,
      title: "Hidden talk",
      speakers: [{ name: "Speaker", email: people.speaker }],
    });
    const keynote = await buildContribution(admin, event.id, {
      title: "Keynote",
      speakers: [{ name: "Speaker", email: people.speaker }],
    });
    ok(await admin.post(`${e}/contributions/${keynote.id}/schedule`, { startAt: at("2026-03-27 09:00") }));
    await buildContribution(admin, event.id, { sessionId: talks.id, title: "Not yet scheduled" });
    ok(
      await admin.post(`${e}/sessions/${talks.id}/materials/links`, {
        url: "https://private.example.org/slides?token=secret",
      }),
      201,
    );
    return { event, e, talks, quiet, morning, sunday, hidden, keynote };
  }

  it("ICS of the event and of a session: one VEVENT per block and top-level contribution, TZID, stable UIDs", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const member = (await signedInAgent(s)).agent;
    const c = await conference(admin, { coordinator: (await signedInAgent(s)).email, speaker: "x@example.test" });

    const res = await admin.get<string>(`${c.e}/calendar.ics`);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    expectStrictIcs(res.body, "event ICS");
    const { comp, events } = vevents(res.body);
    expect(comp.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    expect(events.map((ev) => ev.uid).sort()).toEqual(
      [
        `conference-block-${c.morning.id}@convene.test`,
        `conference-block-${c.sunday.id}@convene.test`,
        `conference-block-${c.hidden.id}@convene.test`,
        `conference-contribution-${c.keynote.id}@convene.test`,
      ].sort(),
    );
    const morning = events.find((ev) => ev.uid.includes(c.morning.id));
    expect(morning?.summary).toBe(`${TRICKY}: Morning`);
    expect(morning?.startDate.toJSDate().toISOString()).toBe(utc("2026-03-27 10:00"));
    expect(morning?.endDate.toJSDate().toISOString()).toBe(utc("2026-03-27 11:30"));
    expect(morning?.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Berlin");
    expect(morning?.location).toContain("Aula");
    expect(morning?.description).toContain("10:00–10:20 Parsing: Ada Lovelace");
    expect(res.body).toMatch(/^DTSTART;TZID=Europe\/Berlin:20260329T100000\r?$/m);
    expect(res.body).not.toContain("ada@example.test");
    expect(res.body).not.toContain("token=secret");

    // The session file names the same blocks the same way; a member does not get the protected one.
    const sessionIcs = (await admin.get<string>(`${c.e}/sessions/${c.talks.id}/calendar.ics`)).body;
    expectStrictIcs(sessionIcs, "session ICS");
    const session = vevents(sessionIcs).events;
    expect(session.map((ev) => ev.uid).sort()).toEqual(
      [`conference-block-${c.morning.id}@convene.test`, `conference-block-${c.sunday.id}@convene.test`].sort(),
    );
    const again = vevents((await admin.get<string>(`${c.e}/calendar.ics`)).body).events;
    expect(again.map((ev) => ev.uid).sort()).toEqual(events.map((ev) => ev.uid).sort());
    const forMember = vevents((await member.get<string>(`${c.e}/calendar.ics`)).body).events;
    expect(forMember).toHaveLength(3);
    expect((await member.get(`${c.e}/sessions/${c.quiet.id}/calendar.ics`)).status).toBe(404);
  });

  it("the personal feed adds the blocks of sessions one coordinates or speaks in, and top-level talks, if visible", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const coordinator = await signedInAgent(s);
    const speaker = await signedInAgent(s);
    const c = await conference(admin, { coordinator: coordinator.email, speaker: speaker.email });
    const feed = async (agent: Agent) => {
      const { url } = ok(await agent.get<{ url: string }>("/api/v1/account/feed"));
      const res = await s.agent().get<string>(new URL(url).pathname);
      expect(res.status).toBe(200);
      expectStrictIcs(res.body, "personal feed");
      return vevents(res.body).events.map((ev) => ev.uid);
    };
    expect((await feed(coordinator.agent)).sort()).toEqual(
      [`conference-block-${c.morning.id}@convene.test`, `conference-block-${c.sunday.id}@convene.test`].sort(),
    );
    // A speaker's email counts once the account has proved it owns it (as My sessions).
    expect(await feed(speaker.agent)).toEqual([]);
    await updateUser(s.deps.db, speaker.id, { email_verified_at: new Date().toISOString() });
    // The speaker's talk in the protected session stays out: they are not on its list.
    expect(await feed(speaker.agent)).toEqual([`conference-contribution-${c.keynote.id}@convene.test`]);
    ok(
      await admin.put(`${c.e}/sessions/${c.quiet.id}/protection`, {
        visibility: "protected",
        accessList: [speaker.email],
      }),
    );
    expect((await feed(speaker.agent)).sort()).toEqual(
      [`conference-contribution-${c.keynote.id}@convene.test`, `conference-block-${c.hidden.id}@convene.test`].sort(),
    );
  });

  it("the sessions list as CSV parses back (quotes, commas, line breaks) and as XLSX reads back", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const member = (await signedInAgent(s)).agent;
    const c = await conference(admin, { coordinator: (await signedInAgent(s)).email, speaker: "x@example.test" });

    const csv = await admin.get<string>(`${c.e}/sessions.csv`);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="sessions-.*\.csv"/);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(["ID", "Title", "Description", "Type", "Code", "Blocks", "Block times", "Time zone"]);
    expect(rows.slice(1)).toEqual([
      [
        c.talks.id,
        TRICKY,
        'Line one, with a comma\nand "quotes"',
        "Talks",
        "A1",
        "2",
        "2026-03-27 10:00–11:30; 2026-03-29 10:00–11:00",
        "Europe/Berlin",
      ],
      [c.quiet.id, "Quiet room", "", "", "", "1", "2026-03-28 10:00–11:00", "Europe/Berlin"],
    ]);

    const xlsx = await admin.get(`${c.e}/sessions.xlsx`);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Sessions");
    const values = (n: number) => ((sheet?.getRow(n).values as unknown[]) ?? []).slice(1);
    expect(values(1)).toEqual(rows[0]);
    expect(values(2).map(String)).toEqual(rows[1]);
    expect(values(3).map(String)).toEqual(rows[2]);

    expect((await member.get(`${c.e}/sessions.csv`)).status).toBe(403);
    expect((await member.get(`${c.e}/sessions.xlsx`)).status).toBe(403);
  });

  it("frab schedule.json validates, keeps guids across runs, writes offsets and leaks no email or private link", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const member = (await signedInAgent(s)).agent;
    const c = await conference(admin, { coordinator: (await signedInAgent(s)).email, speaker: "speaker@example.test" });

    const first = await admin.get<FrabSchedule>(`${c.e}/schedule.json?events=blocks`);
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    if (hasFrabSchema) expect(frabSchemaErrors(first.body)).toEqual([]);
    const events = first.body.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events).toHaveLength(4);
    for (const ev of events) {
      expect(ev.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
      expect(ev.end).toMatch(/[+-]\d\d:\d\d$/);
      expect(ev.duration).toMatch(/^\d\d:\d\d$/);
    }
    expect(events.find((ev) => ev.subtitle === "Morning")).toMatchObject({
      date: "2026-03-27T10:00:00+01:00",
      duration: "01:30",
      persons: [{ name: "Chair Person" }, { name: "Ada Lovelace" }],
    });
    const text = JSON.stringify(first.body);
    expect(text).not.toMatch(/@example\.test/);
    expect(text).not.toContain("token=secret");

    // Nothing changed: the same document, the same guids; a block moved: its guid stays.
    const second = await admin.get<FrabSchedule>(`${c.e}/schedule.json?events=blocks`);
    expect(second.body).toEqual(first.body);
    ok(await admin.post(`/api/v1/events/${c.event.id}/blocks/${c.sunday.id}/move`, { day: "2026-03-30" }));
    const moved = (await admin.get<FrabSchedule>(`${c.e}/schedule.json?events=blocks`)).body;
    const guids = (doc: FrabSchedule) =>
      doc.schedule.conference.days
        .flatMap((d) => Object.values(d.rooms).flat())
        .map((ev) => ev.guid)
        .sort();
    expect(guids(moved)).toEqual(guids(first.body));
    expect(moved.schedule.version).not.toBe(first.body.schedule.version);

    // Only what the reader may see: the protected session's block is not in a member's schedule.
    const theirs = (await member.get<FrabSchedule>(`${c.e}/schedule.json?events=blocks`)).body;
    if (hasFrabSchema) expect(frabSchemaErrors(theirs)).toEqual([]);
    expect(guids(theirs)).toHaveLength(3);
  });

  it("frab schedule.xml, one event per talk by default, validates against the published XSD and matches the JSON", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const c = await conference(admin, { coordinator: (await signedInAgent(s)).email, speaker: "speaker@example.test" });
    const json = (await admin.get<FrabSchedule>(`${c.e}/schedule.json`)).body;
    const res = await admin.get(`${c.e}/schedule.xml`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/xml/);
    const xml = res.raw.body as string;
    if (hasFrabXsd) expect(frabXsdErrors(xml)).toEqual([]);
    const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events.some((ev) => ev.type === "talk" && ev.persons.some((p) => p.name === "Ada Lovelace"))).toBe(true);
    for (const ev of events) expect(xml).toContain(`guid="${ev.guid}"`);
    expect(xml).not.toMatch(/@example\.test/);
    expect((await admin.get(`${c.e}/schedule.xml?events=rooms`)).status).toBe(400);
  });
});
