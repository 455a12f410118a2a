import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { expectStrictIcs, icsProblems } from "../../../tests/ics-strict";
import { buildIcs, type CalendarEntry } from "./ics";
import { vtimezone } from "./vtimezone";

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return { comp, events: comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const entry = (over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: "community-session-1@convene.test",
  sequence: 3,
  title: "Peer talks",
  description: "Three short talks.",
  startsAt: "2026-03-05T23:30:00.000Z",
  endsAt: "2026-03-06T00:15:00.000Z",
  timeZone: "America/New_York",
  url: "http://convene.test/sessions/1",
  ...over,
});

const itip = {
  attendee: { name: "Ada", email: "ada@example.test" },
  organizer: { name: "Convene", email: "convene@example.test" },
  timeZone: "America/New_York",
};

describe("ICS", () => {
  it("writes an invitation with METHOD, stable UID, SEQUENCE and the start in the session's zone (TZID + VTIMEZONE)", () => {
    const text = buildIcs([entry()], { method: "REQUEST", ...itip });
    expect(text).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(text).toMatch(/^DTSTART;TZID=America\/New_York:20260305T183000\r?$/m);
    const { comp, events } = parse(text);
    expect(comp.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/New_York");
    const [ev] = events;
    expect(ev?.uid).toBe("community-session-1@convene.test");
    expect(ev?.sequence).toBe(3);
    expect(ev?.summary).toBe("Peer talks");
    expect(ev?.startDate.toJSDate().toISOString()).toBe("2026-03-05T23:30:00.000Z");
    expect(ev?.endDate.toJSDate().toISOString()).toBe("2026-03-06T00:15:00.000Z");
    expectStrictIcs(text, "REQUEST");
  });

  it("marks a cancellation with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const text = buildIcs([entry({ sequence: 4 })], { method: "CANCEL", ...itip });
    expect(text).toMatch(/^METHOD:CANCEL\r?$/m);
    const [ev] = parse(text).events;
    expect(ev?.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(ev?.sequence).toBe(4);
    expectStrictIcs(text, "CANCEL");
  });

  it("keeps 18:30 local on both sides of a DST change (weekly series across the March switch)", () => {
    // 18:30 in New York: UTC-5 before 8 March 2026, UTC-4 after.
    const weekly = ["2026-03-01T23:30:00.000Z", "2026-03-08T22:30:00.000Z", "2026-03-15T22:30:00.000Z"].map(
      (startsAt, i) =>
        entry({
          uid: `s${i}@convene.test`,
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
        }),
    );
    const text = buildIcs(weekly, { name: "Community", timeZone: "America/New_York" });
    const starts = [...text.matchAll(/^DTSTART;TZID=America\/New_York:(\d{8}T\d{6})\r?$/gm)].map((m) => m[1]);
    expect(starts).toEqual(["20260301T183000", "20260308T183000", "20260315T183000"]);
    const { events } = parse(text);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(weekly.map((w) => w.startsAt));
    expectStrictIcs(text, "weekly series");
  });

  it("keeps line breaks, commas and semicolons in names and summaries from breaking the document", () => {
    const text = buildIcs([entry({ title: "Two\nlines, and; more" })], {
      name: "Event: Two\nlines, and; more",
      timeZone: "America/New_York",
    });
    // TEXT escapes commas and semicolons (RFC 5545 §3.3.11); ical.js leaves X- values as they are written.
    expect(text).toContain("\r\nX-WR-CALNAME:Event: Two lines\\, and\\; more\r\n");
    expect(parse(text).events[0]?.summary).toBe("Two\nlines, and; more");
    expectStrictIcs(text, "tricky names");
  });

  it("ends every line with CRLF, the last one too, and folds long lines at 75 octets", () => {
    const long = `${"Überlänge ".repeat(20)}🎉`;
    const text = buildIcs([entry({ title: long, description: long, location: long })], {
      name: long,
      timeZone: "America/New_York",
    });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(parse(text).events[0]?.summary).toBe(long);
    expectStrictIcs(text, "long lines");
  });

  it("gives an empty calendar its zone's VTIMEZONE, so it still holds a component", () => {
    const text = buildIcs([], { name: "Nothing yet", timeZone: "Europe/Berlin" });
    expect(parse(text).comp.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    expectStrictIcs(text, "empty calendar");
  });

  it("writes published files without METHOD, and iTIP parts with METHOD and ORGANIZER", () => {
    const published = buildIcs([entry()], { name: "Feed", timeZone: "America/New_York" });
    expect(published).not.toMatch(/^METHOD:/m);
    expect(published).not.toMatch(/^ORGANIZER/m);
    const request = buildIcs([entry()], { method: "REQUEST", ...itip });
    expect(request).toMatch(/^ORGANIZER;CN="Convene":mailto:convene@example\.test\r$/m);
    // The strict reader refuses a METHOD without ORGANIZER.
    const withoutOrganizer = request.replace(/^ORGANIZER.*\r\n/m, "");
    expect(icsProblems(withoutOrganizer)).toContainEqual(
      expect.stringContaining("METHOD:REQUEST without one ORGANIZER"),
    );
  });

  it("keeps quotes and line breaks in people's names out of the CN parameter", () => {
    const text = buildIcs([entry()], {
      method: "REQUEST",
      ...itip,
      attendee: { name: 'Ada "the first"\nLovelace', email: "ada@example.test" },
      organizer: { name: 'The "Convene" site', email: "convene@example.test" },
    });
    const [ev] = parse(text).events;
    expect(ev?.attendees[0]?.getParameter("cn")).toBe("Ada 'the first' Lovelace");
    expectStrictIcs(text, "quoted names");
  });

  it("gives every zone a VTIMEZONE named as its TZID that agrees with the zone database", () => {
    // UTC was written as Etc/UTC, Europe/Kyiv had none, Mexico City still had a summer time dropped in 2022.
    for (const timeZone of ["UTC", "Europe/Kyiv", "America/Mexico_City", "Asia/Kolkata", "Australia/Lord_Howe"]) {
      const text = buildIcs(
        [
          entry({ uid: `w-${timeZone}`, timeZone }),
          entry({
            uid: `s-${timeZone}`,
            timeZone,
            startsAt: "2026-07-15T23:30:00.000Z",
            endsAt: "2026-07-16T00:15:00.000Z",
          }),
        ],
        { timeZone },
      );
      // UTC needs no VTIMEZONE: its times are written in UTC (…Z).
      if (timeZone !== "UTC") expect(text).toContain(`\r\nTZID:${timeZone}\r\n`);
      expectStrictIcs(text, timeZone);
    }
  });

  it("writes a VTIMEZONE with one observance per offset change in the years asked for", () => {
    const text = vtimezone("Europe/Berlin", { from: 2026, to: 2027 });
    expect(text.match(/^BEGIN:DAYLIGHT$/gm)).toHaveLength(2);
    expect(text).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200");
    expect(text).toContain("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100");
    expect(vtimezone("Asia/Kolkata", { from: 2026, to: 2026 }).match(/^BEGIN:(STANDARD|DAYLIGHT)$/gm)).toHaveLength(1);
  });
});
