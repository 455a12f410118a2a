import { describe, expect, it } from "vitest";
import { frabSchemaErrors, hasFrabSchema } from "../../../tests/frab-schema";
import { acronymOf, buildFrabSchedule, frabDuration, NO_ROOM, uuidV5 } from "./frab";
import { EVENT_ID, exportData } from "./test-data";

const opts = { baseUrl: "https://talks.example.org", version: "0.1.0" };

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
      const schedule = buildFrabSchedule(exportData({ zone }), opts);
      expect(frabSchemaErrors(schedule), zone).toEqual([]);
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
