import { describe, expect, it } from "vitest";
import { frabSchemaErrors, hasFrabSchema } from "../../../tests/frab-schema";
import { frabXsdErrors, hasFrabXsd } from "../../../tests/frab-xsd";
import { acronymOf, buildFrabSchedule, type FrabSchedule, frabDuration, NO_ROOM, uuidV5 } from "./frab";
import { frabScheduleXml } from "./frab-xml";
import { EVENT_ID, exportData } from "./test-data";

/** One frab event per block occurrence (the talks inside listed in its description). */
const opts = { baseUrl: "https://talks.example.org", version: "0.1.0", granularity: "blocks" as const };
const talks = { ...opts, granularity: "talks" as const };
const eventsOf = (s: FrabSchedule) => s.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());

describe("frab schedule.json", () => {
  it("makes RFC 4122 version-5 UUIDs (the Python uuid5 test vector)", () => {
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });

  it("writes durations as HH:MM and acronyms the schema accepts", () => {
    expect(frabDuration(5)).toBe("00:05");
    expect(frabDuration(90)).toBe("01:30");
    expect(frabDuration(1440)).toBe("24:00");
    expect(acronymOf("Open Source Days 2026", EVENT_ID)).toBe("open_source_days_2026");
    expect(acronymOf("Über-Café!", EVENT_ID)).toBe("uber_cafe");
    expect(acronymOf("C3", EVENT_ID)).toBe("c3_11111111");
    expect(acronymOf("???", EVENT_ID)).toBe("11111111");
  });

  it.skipIf(!hasFrabSchema)("validates against the published c3voc schema", () => {
    for (const zone of ["Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+3", "UTC"]) {
      for (const o of [opts, talks]) {
        const schedule = buildFrabSchedule(exportData({ zone }), o);
        expect(frabSchemaErrors(schedule), `${zone} ${o.granularity}`).toEqual([]);
      }
    }
    expect(frabSchemaErrors(buildFrabSchedule(exportData({ title: "x" }), opts))).toEqual([]);
  });

  it("has one frab event per block occurrence and per top-level contribution, by day and room", () => {
    const { conference } = buildFrabSchedule(exportData(), opts).schedule;
    expect(conference.daysCount).toBe(5);
    expect(conference.days.map((d) => d.date)).toEqual([
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
      "2026-03-31",
    ]);
    const [fri, , sun, mon] = conference.days;
    expect(Object.keys(fri?.rooms ?? {}).sort()).toEqual(["Aula (Venue)", "Main hall"]);
    const morning = fri?.rooms["Aula (Venue)"]?.[0];
    expect(morning).toMatchObject({
      title: 'Compilers, "and" friends',
      subtitle: "Morning",
      track: "Talks",
      type: "session",
      date: "2026-03-27T10:00:00+01:00",
      start: "10:00",
      end: "2026-03-27T11:30:00+01:00",
      duration: "01:30",
      url: `https://talks.example.org/events/${EVENT_ID}/sessions/s1`,
      persons: [{ name: "Linus Chair" }, { name: "Ada Lovelace" }],
    });
    expect(morning?.description).toBe("10:00 Parsing, fast (Ada Lovelace)");
    expect(fri?.rooms["Main hall"]?.[0]).toMatchObject({
      title: "Keynote",
      type: "talk",
      persons: [{ name: "Grace Hopper" }],
    });
    // After the spring change the offset is +02:00; day bounds follow the event's hours.
    expect(sun?.rooms["Main hall"]?.[0]?.date).toBe("2026-03-29T10:00:00+02:00");
    expect(sun?.day_start).toBe("2026-03-29T00:00:00+01:00");
    expect(sun?.day_end).toBe("2026-03-30T00:00:00+02:00");
    expect(fri?.day_start).toBe("2026-03-27T09:00:00+01:00");
    expect(mon?.rooms["Main hall"]?.[0]).toMatchObject({ type: "poster", title: "Posters" });
    expect(conference.days[4]?.day_end).toBe("2026-03-31T18:00:00+02:00");
  });

  it("keeps guids and ids stable across runs and different per occurrence, and leaks no email", () => {
    const a = buildFrabSchedule(exportData(), opts);
    const b = buildFrabSchedule(exportData(), opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const events = a.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.guid)).size).toBe(4);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
    expect(events.find((e) => e.date.startsWith("2026-03-27T10"))?.guid).toBe(uuidV5(`${EVENT_ID}/block/b1`));
    expect(JSON.stringify(a)).not.toMatch(/@example\.test|chair@|ada@|grace@/);
    // A change of content changes the version, nothing else changes the guids.
    const data = exportData();
    const renamed = buildFrabSchedule(
      { ...data, sessions: data.sessions.map((s) => ({ ...s, title: `${s.title}!` })) },
      opts,
    );
    expect(renamed.schedule.version).not.toBe(a.schedule.version);
    const guids = (s: typeof a) =>
      s.schedule.conference.days.flatMap((d) =>
        Object.values(d.rooms)
          .flat()
          .map((e) => e.guid),
      );
    expect(guids(renamed).sort()).toEqual(guids(a).sort());
  });

  it("leaves out a zone the schema's pattern refuses, and names a room for what has none", () => {
    expect(
      buildFrabSchedule(exportData({ zone: "Etc/GMT+3" }), opts).schedule.conference.time_zone_name,
    ).toBeUndefined();
    expect(buildFrabSchedule(exportData(), opts).schedule.conference.time_zone_name).toBe("Europe/Berlin");
    const data = exportData();
    const bare = buildFrabSchedule({ ...data, event: { ...data.event, location_text: null } }, opts);
    expect(bare.schedule.conference.rooms.map((r) => r.name)).toContain(NO_ROOM);
  });
});

describe("frab: one event per talk (the default)", () => {
  it("makes each contribution in a block its own event with its speakers, the block's session as its track", () => {
    const events = eventsOf(buildFrabSchedule(exportData(), talks));
    const parsing = events.find((e) => e.title === "Parsing, fast");
    expect(parsing).toMatchObject({
      guid: uuidV5(`${EVENT_ID}/contribution/c1`),
      type: "talk",
      track: 'Compilers, "and" friends',
      room: "Aula (Venue)",
      date: "2026-03-27T10:00:00+01:00",
      duration: "00:30",
      persons: [{ name: "Ada Lovelace" }],
      url: `https://talks.example.org/events/${EVENT_ID}/contributions/c1`,
    });
    expect(parsing?.description).toBe('Part of Compilers, "and" friends: Morning (chaired by Linus Chair).');
    // The block that held it is no event of its own; a poster block and a top-level talk stay as they were.
    expect(events.some((e) => e.guid === uuidV5(`${EVENT_ID}/block/b1`))).toBe(false);
    expect(events.find((e) => e.type === "poster")?.title).toBe("Posters");
    expect(events.find((e) => e.title === "Keynote")?.type).toBe("talk");
    expect(new Set(events.map((e) => e.guid)).size).toBe(events.length);
  });
});

describe("frab schedule.xml", () => {
  it.skipIf(!hasFrabXsd)("validates against the published XSD, per talk and per block, in every zone", () => {
    for (const zone of ["Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+3", "UTC"]) {
      for (const o of [opts, talks]) {
        const xml = frabScheduleXml(buildFrabSchedule(exportData({ zone }), o));
        expect(frabXsdErrors(xml), `${zone} ${o.granularity}`).toEqual([]);
      }
    }
  });

  it.skipIf(!hasFrabXsd)("stays valid and readable with markup, control characters and very long text", () => {
    const data = exportData();
    const hostile = `<b>&amp; "quoted" ${"x".repeat(2000)}\u0000\u0007\uFFFE\uD800 end</b>`;
    const xml = frabScheduleXml(
      buildFrabSchedule(
        { ...data, sessions: data.sessions.map((s) => ({ ...s, title: hostile, description: hostile })) },
        talks,
      ),
    );
    expect(frabXsdErrors(xml)).toEqual([]);
    expect(xml).toContain('&lt;b&gt;&amp;amp; "quoted"');
    for (const bad of ["\u0000", "\u0007", "\uFFFE", "\uD800"]) expect(xml).not.toContain(bad);
  });

  it("carries the JSON's days, rooms and events, with the XSD's required elements even when empty", () => {
    const schedule = buildFrabSchedule(exportData(), talks);
    const xml = frabScheduleXml(schedule);
    const count = (re: RegExp) => xml.match(re)?.length ?? 0;
    expect(count(/<day /g)).toBe(schedule.schedule.conference.daysCount);
    expect(count(/<event /g)).toBe(eventsOf(schedule).length);
    for (const required of ["abstract", "slug", "subtitle", "track"]) {
      expect(count(new RegExp(`<${required}[ />]`, "g")), required).toBe(eventsOf(schedule).length);
    }
    expect(xml).toContain(`<event id="${eventsOf(schedule)[0]?.id}" guid="${eventsOf(schedule)[0]?.guid}">`);
    expect(xml).not.toMatch(/@example\.test/);
  });
});
