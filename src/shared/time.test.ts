import { describe, expect, it } from "vitest";
import {
  describeInstant,
  formatInZone,
  isKnownTimeZone,
  listTimeZones,
  offsetMinutes,
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
