import { describe, expect, it } from "vitest";
import {
  dayInZone,
  describeInstant,
  formatClock,
  formatInZone,
  formatRangeInZone,
  isKnownTimeZone,
  listTimeZones,
  localeHourCycle,
  offsetMinutes,
  parseClock,
  viewerTimeZone,
  zoneAbbreviation,
} from "./time";

describe("formatInZone", () => {
  it("shows the wall-clock time in the zone and names the zone", () => {
    expect(formatInZone("2026-03-03T13:00:00Z", "Europe/Paris")).toBe("Tue 3 Mar 2026, 14:00 CET (Europe/Paris)");
    expect(formatInZone("2026-03-03T13:00:00Z", "America/New_York")).toBe(
      "Tue 3 Mar 2026, 08:00 EST (America/New_York)",
    );
  });

  it("falls back to the offset for zones without a common abbreviation", () => {
    expect(formatInZone("2026-03-03T13:00:00Z", "Asia/Tokyo")).toBe("Tue 3 Mar 2026, 22:00 GMT+9 (Asia/Tokyo)");
    expect(formatInZone("2026-03-03T13:00:00Z", "Asia/Kolkata")).toBe("Tue 3 Mar 2026, 18:30 GMT+5:30 (Asia/Kolkata)");
  });

  it("does not repeat a zone whose name is its abbreviation", () => {
    expect(formatInZone("2026-03-03T13:00:00Z", "UTC")).toBe("Tue 3 Mar 2026, 13:00 UTC");
  });

  it("can leave out the date", () => {
    expect(formatInZone("2026-03-03T13:00:00Z", "Europe/Paris", { withDate: false })).toBe("14:00 CET (Europe/Paris)");
  });

  it("can show the seconds, for a moment just past", () => {
    expect(formatInZone("2026-03-03T13:03:07Z", "Europe/Paris", { withDate: false, withSeconds: true })).toBe(
      "14:03:07 CET (Europe/Paris)",
    );
  });

  it("accepts an instant written with an offset", () => {
    expect(formatInZone("2026-03-03T14:00:00+01:00", "UTC")).toBe("Tue 3 Mar 2026, 13:00 UTC");
  });

  it("refuses text that is not an instant", () => {
    expect(() => formatInZone("yesterday", "UTC")).toThrow(RangeError);
  });
});

describe("daylight saving time", () => {
  it("switches abbreviation and offset at the European spring transition (29 Mar 2026, 01:00 UTC)", () => {
    expect(formatInZone("2026-03-29T00:59:00Z", "Europe/Paris")).toBe("Sun 29 Mar 2026, 01:59 CET (Europe/Paris)");
    // One minute later the clocks have jumped from 02:00 to 03:00: 02:xx never happens in Paris that night.
    expect(formatInZone("2026-03-29T01:00:00Z", "Europe/Paris")).toBe("Sun 29 Mar 2026, 03:00 CEST (Europe/Paris)");
    expect(offsetMinutes("2026-03-29T00:59:00Z", "Europe/Paris")).toBe(60);
    expect(offsetMinutes("2026-03-29T01:00:00Z", "Europe/Paris")).toBe(120);
  });

  it("shows the repeated hour twice at the autumn transition, told apart by the zone name", () => {
    // 25 Oct 2026: Paris goes from 03:00 CEST back to 02:00 CET, so 02:30 happens twice.
    expect(formatInZone("2026-10-25T00:30:00Z", "Europe/Paris")).toBe("Sun 25 Oct 2026, 02:30 CEST (Europe/Paris)");
    expect(formatInZone("2026-10-25T01:30:00Z", "Europe/Paris")).toBe("Sun 25 Oct 2026, 02:30 CET (Europe/Paris)");
  });

  it("follows the weeks when America and Europe are not both on summer time", () => {
    // 8 Mar 2026 New York moves to EDT; Paris stays on CET until 29 Mar: 5 hours apart instead of 6.
    const at = "2026-03-10T13:00:00Z";
    expect(zoneAbbreviation(at, "America/New_York")).toBe("EDT");
    expect(offsetMinutes(at, "Europe/Paris") - offsetMinutes(at, "America/New_York")).toBe(5 * 60);
    expect(describeInstant(at, { viewerZone: "Europe/Paris", sourceZone: "America/New_York" })).toEqual({
      viewer: "Tue 10 Mar 2026, 14:00 CET (Europe/Paris)",
      source: "09:00 EDT (America/New_York)",
      viewerZone: "Europe/Paris",
    });
  });
});

describe("describeInstant", () => {
  it("shows only the viewer's time when the source zone is the same or absent", () => {
    const at = "2026-03-03T13:00:00Z";
    expect(describeInstant(at, { viewerZone: "Europe/Paris" }).source).toBeNull();
    expect(describeInstant(at, { viewerZone: "Europe/Paris", sourceZone: "Europe/Paris" }).source).toBeNull();
    expect(describeInstant(at, { viewerZone: "Europe/Paris", sourceZone: null }).source).toBeNull();
  });

  it("names another zone beside, with the date when the day differs", () => {
    const described = describeInstant("2026-03-03T13:00:00Z", {
      viewerZone: "America/Los_Angeles",
      sourceZone: "Asia/Tokyo",
    });
    expect(described.viewer).toBe("Tue 3 Mar 2026, 05:00 PST (America/Los_Angeles)");
    expect(described.source).toBe("22:00 GMT+9 (Asia/Tokyo)");
    const nextDay = describeInstant("2026-03-03T20:00:00Z", {
      viewerZone: "America/Los_Angeles",
      sourceZone: "Asia/Tokyo",
    });
    expect(nextDay.source).toBe("Wed 4 Mar 2026, 05:00 GMT+9 (Asia/Tokyo)");
  });

  it("uses UTC for a viewer zone it does not know, and ignores an unknown source zone", () => {
    expect(describeInstant("2026-03-03T13:00:00Z", { viewerZone: "Mars/Olympus", sourceZone: "Nope/Nope" })).toEqual({
      viewer: "Tue 3 Mar 2026, 13:00 UTC",
      source: null,
      viewerZone: "UTC",
    });
  });
});

describe("zones", () => {
  it("prefers the profile zone, then the browser's, then UTC", () => {
    expect(viewerTimeZone("Asia/Tokyo", "Europe/Paris")).toBe("Asia/Tokyo");
    expect(viewerTimeZone(null, "Europe/Paris")).toBe("Europe/Paris");
    expect(viewerTimeZone(undefined, "")).toBe("UTC");
    expect(viewerTimeZone("Not/AZone", "Europe/Paris")).toBe("Europe/Paris");
  });

  it("lists every IANA zone with UTC, sorted, and knows them", () => {
    const zones = listTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Paris");
    expect(zones).toEqual([...zones].sort((a, b) => a.localeCompare(b)));
    expect(new Set(zones).size).toBe(zones.length);
    expect(isKnownTimeZone("Europe/Paris")).toBe(true);
    expect(isKnownTimeZone("")).toBe(false);
    expect(isKnownTimeZone("Europe/Atlantis")).toBe(false);
  });

  it("adds an alias the browser reports even when the list has only the canonical name", () => {
    expect(listTimeZones(["Asia/Calcutta"])).toContain("Asia/Calcutta");
  });
});

describe("the viewer's clock", () => {
  it("takes the hour cycle from the locale", () => {
    expect(localeHourCycle("en-US")).toBe("h12");
    expect(localeHourCycle("en-GB")).toBe("h23");
    expect(localeHourCycle("de-DE")).toBe("h23");
    expect(localeHourCycle("not a locale")).toBe("h23");
  });

  it("writes a clock the way a browser's time field shows it in that cycle", () => {
    expect(formatClock(17, 5)).toBe("17:05");
    expect(formatClock(17, 5, "h12")).toBe("05:05 PM");
    expect(formatClock(0, 0, "h12")).toBe("12:00 AM");
    expect(formatClock(12, 30, "h12")).toBe("12:30 PM");
    expect(formatClock(9, 5, "h12", 7)).toBe("09:05:07 AM");
  });

  it("reads a typed time in either cycle", () => {
    for (const typed of ["17:05", "5:05 pm", "05:05 PM", "5:05PM", "17.05", "17h05", "5:05 p.m."])
      expect(parseClock(typed), typed).toBe("17:05");
    expect(parseClock("12:00 AM")).toBe("00:00");
    expect(parseClock("12 pm")).toBe("12:00");
    expect(parseClock("9:30")).toBe("09:30");
    for (const wrong of ["", "17", "24:00", "13:00 PM", "0:30 am", "9:60", "noon"])
      expect(parseClock(wrong), wrong).toBeNull();
  });

  it("shows every time of a view in the viewer's cycle", () => {
    expect(formatInZone("2026-03-03T16:00:00Z", "Europe/Paris", { hourCycle: "h12" })).toBe(
      "Tue 3 Mar 2026, 05:00 PM CET (Europe/Paris)",
    );
    expect(
      describeInstant(
        "2026-03-03T16:00:00Z",
        { viewerZone: "America/New_York", sourceZone: "Europe/Paris" },
        "en-GB",
        "h12",
      ),
    ).toEqual({
      viewer: "Tue 3 Mar 2026, 11:00 AM EST (America/New_York)",
      source: "05:00 PM CET (Europe/Paris)",
      viewerZone: "America/New_York",
    });
  });
});

describe("formatRangeInZone", () => {
  it("names the zone once for a range within a day", () => {
    expect(formatRangeInZone("2026-03-27T08:00:00Z", "2026-03-27T09:30:00Z", "Europe/Paris")).toBe(
      "09:00–10:30 CET (Europe/Paris)",
    );
    expect(
      formatRangeInZone("2026-03-27T08:00:00Z", "2026-03-27T09:30:00Z", "Europe/Paris", { hourCycle: "h12" }),
    ).toBe("09:00 AM–10:30 AM CET (Europe/Paris)");
  });

  it("says on which day a range ends when it crosses midnight in the zone", () => {
    // 18:00 UTC is 19:00 in Paris on Friday; 00:25 UTC is 01:25 there on Saturday.
    expect(formatRangeInZone("2026-03-27T18:00:00Z", "2026-03-28T00:25:00Z", "Europe/Paris")).toBe(
      "19:00 – Sat 28 Mar, 01:25 CET (Europe/Paris)",
    );
    // The same block in New York is within Friday.
    expect(formatRangeInZone("2026-03-27T18:00:00Z", "2026-03-28T00:25:00Z", "America/New_York")).toBe(
      "14:00–20:25 EDT (America/New_York)",
    );
  });

  it("keeps an end at the stroke of midnight on the same day", () => {
    expect(formatRangeInZone("2026-03-27T22:00:00Z", "2026-03-27T23:00:00Z", "Europe/Paris")).toBe(
      "23:00–00:00 CET (Europe/Paris)",
    );
  });

  it("names both zone abbreviations across a DST change", () => {
    expect(formatRangeInZone("2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "Europe/Paris")).toBe(
      "01:30 CET (Europe/Paris) – 03:30 CEST (Europe/Paris)",
    );
  });

  it("gives the calendar day of an instant in a zone", () => {
    expect(dayInZone("2026-03-27T23:30:00Z", "Europe/Paris")).toBe("2026-03-28");
    expect(dayInZone("2026-03-27T23:30:00Z", "America/New_York")).toBe("2026-03-27");
    expect(dayInZone(Date.parse("2026-03-27T23:30:00Z"), "UTC")).toBe("2026-03-27");
  });
});
