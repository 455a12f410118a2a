import { describe, expect, it } from "vitest";
import {
  clockIn,
  clockOf,
  clockRangeIn,
  clockText,
  dayBounds,
  dayLabel,
  dayOf,
  formatMinutes,
  instantToLocal,
  joinLocal,
  localToInstant,
  nextDay,
} from "./local-time";

describe("localToInstant", () => {
  it("reads a wall-clock time in the zone, with its offset", () => {
    expect(localToInstant("2026-03-27T09:00", "Europe/Paris")).toBe("2026-03-27T09:00:00+01:00");
    expect(localToInstant("2026-07-01T09:00", "Europe/Paris")).toBe("2026-07-01T09:00:00+02:00");
    expect(localToInstant("2026-07-01T09:00", "America/New_York")).toBe("2026-07-01T09:00:00-04:00");
    expect(localToInstant("2026-07-01T09:00", "Asia/Kolkata")).toBe("2026-07-01T09:00:00+05:30");
    expect(localToInstant("2026-07-01T09:00", "UTC")).toBe("2026-07-01T09:00:00+00:00");
  });

  it("names the same instant the zone means", () => {
    const instant = localToInstant("2026-10-25T01:30", "Europe/Berlin") as string;
    expect(new Date(instant).toISOString()).toBe("2026-10-24T23:30:00.000Z");
  });

  it("refuses a time skipped by the spring DST change", () => {
    expect(localToInstant("2026-03-29T02:30", "Europe/Paris")).toBeNull();
  });

  it("takes the earlier of an hour repeated in autumn", () => {
    expect(localToInstant("2026-10-25T02:30", "Europe/Paris")).toBe("2026-10-25T02:30:00+02:00");
  });

  it("refuses text that is not a wall-clock time, or an unknown zone", () => {
    expect(localToInstant("", "Europe/Paris")).toBeNull();
    expect(localToInstant("2026-02-30T09:00", "Europe/Paris")).toBeNull();
    expect(localToInstant("2026-03-27 09:00", "Europe/Paris")).toBeNull();
    expect(localToInstant("2026-03-27T09:00", "Mars/Olympus")).toBeNull();
  });
});

describe("wall-clock parts and labels", () => {
  it("splits and joins", () => {
    expect(joinLocal("2026-03-27", "09:15")).toBe("2026-03-27T09:15");
    expect(dayOf("2026-03-27T09:15")).toBe("2026-03-27");
    expect(clockOf("2026-03-27T09:15")).toBe("09:15");
  });

  it("reads instants on the wall clock of a zone", () => {
    expect(clockIn("2026-03-27T08:30:00Z", "Europe/Berlin")).toBe("09:30");
    expect(clockIn(Date.parse("2026-03-27T08:30:00Z"), "Asia/Kolkata")).toBe("14:00");
    const from = Date.parse("2026-03-27T08:30:00Z");
    expect(clockRangeIn(from, from + 45 * 60_000, "Europe/Berlin")).toBe("09:30–10:15");
  });

  it("writes the grid's clock in the viewer's hour cycle, as the time fields beside it do", () => {
    expect(clockIn("2026-03-27T16:05:00Z", "Europe/Berlin", "h12")).toBe("05:05 PM");
    expect(clockIn("2026-03-27T16:05:00Z", "Europe/Berlin", "h23")).toBe("17:05");
    expect(clockText("00:30", "h12")).toBe("12:30 AM");
    expect(clockText("not a time", "h12")).toBe("not a time");
  });

  it("labels days and durations", () => {
    expect(dayLabel("2026-03-27")).toBe("Fri 27 Mar 2026");
    expect(dayLabel("2026-03-27", { short: true })).toBe("Fri 27 Mar");
    expect(formatMinutes(20)).toBe("20 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(90)).toBe("1 h 30 min");
  });
});

describe("day bounds", () => {
  it("gives the local midnights of a day, 23 hours apart when the clocks go forward", () => {
    expect(dayBounds("2026-03-29", "Europe/Berlin")).toEqual({
      startAt: "2026-03-28T23:00:00.000Z",
      endAt: "2026-03-29T22:00:00.000Z",
    });
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("takes 01:00 when a zone skips midnight", () => {
    // Santiago moves its clocks forward at 00:00 in September: 2026-09-06 starts at 01:00 local (-03:00).
    expect(dayBounds("2026-09-06", "America/Santiago").startAt).toBe("2026-09-06T04:00:00.000Z");
  });
});

describe("instantToLocal", () => {
  it("shows an instant on the zone's wall clock, and reads back with localToInstant", () => {
    expect(instantToLocal("2026-03-27T08:00:00Z", "Europe/Berlin")).toBe("2026-03-27T09:00");
    expect(instantToLocal("2026-03-27T04:00:00Z", "Asia/Kolkata")).toBe("2026-03-27T09:30");
    // The hour repeated in autumn: both instants read 02:30.
    expect(instantToLocal("2026-10-25T00:30:00Z", "Europe/Berlin")).toBe("2026-10-25T02:30");
    expect(instantToLocal("2026-10-25T01:30:00Z", "Europe/Berlin")).toBe("2026-10-25T02:30");
    expect(localToInstant(instantToLocal("2026-03-27T08:00:00Z", "Europe/Berlin"), "Europe/Berlin")).toBe(
      "2026-03-27T09:00:00+01:00",
    );
  });
});
