import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs, type CalendarEntry } from "./ics";

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

describe("ICS", () => {
  it("writes an invitation with METHOD, stable UID, SEQUENCE and the start in the session's zone (TZID + VTIMEZONE)", () => {
    const text = buildIcs([entry()], {
      method: "REQUEST",
      attendee: { name: "Ada", email: "ada@example.test" },
      organizer: { name: "Convene", email: "convene@example.test" },
    });
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
  });

  it("marks a cancellation with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const text = buildIcs([entry({ sequence: 4 })], { method: "CANCEL" });
    expect(text).toMatch(/^METHOD:CANCEL\r?$/m);
    const [ev] = parse(text).events;
    expect(ev?.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(ev?.sequence).toBe(4);
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
    const text = buildIcs(weekly, { method: "PUBLISH", name: "Community" });
    const starts = [...text.matchAll(/^DTSTART;TZID=America\/New_York:(\d{8}T\d{6})\r?$/gm)].map((m) => m[1]);
    expect(starts).toEqual(["20260301T183000", "20260308T183000", "20260315T183000"]);
    const { events } = parse(text);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(weekly.map((w) => w.startsAt));
  });

  it("keeps line breaks in names and summaries from breaking the document", () => {
    const text = buildIcs([entry({ title: "Two\nlines" })], { method: "PUBLISH", name: "Event: Two\nlines" });
    const { comp, events } = parse(text);
    expect(comp.getFirstPropertyValue("x-wr-calname")).toBe("Event: Two lines");
    expect(events[0]?.summary).toBe("Two\nlines");
  });
});
