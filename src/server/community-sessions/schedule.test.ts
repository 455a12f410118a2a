import { describe, expect, it } from "vitest";
import { endOf, instantToLocal, localToInstant } from "./schedule";

describe("session Date & Time in its zone", () => {
  it("stores a New York evening as the UTC instant, and shows it back as the same wall clock", () => {
    expect(localToInstant("2026-03-05T18:30", "America/New_York")).toEqual({
      ok: true,
      startsAt: "2026-03-05T23:30:00.000Z",
    });
    // After the March DST change New York is UTC-4.
    expect(localToInstant("2026-03-12T18:30", "America/New_York")).toEqual({
      ok: true,
      startsAt: "2026-03-12T22:30:00.000Z",
    });
    expect(instantToLocal("2026-03-12T22:30:00.000Z", "America/New_York")).toBe("2026-03-12T18:30");
  });

  it("refuses a wall-clock time skipped by the spring-forward change", () => {
    const res = localToInstant("2026-03-08T02:30", "America/New_York");
    expect(res.ok).toBe(false);
    expect(res.ok ? "" : res.message).toMatch(/does not exist in America\/New_York/);
  });

  it("takes the first of two ambiguous times when clocks go back", () => {
    // 01:30 happens twice in New York on 2026-11-01: first at UTC-4.
    expect(localToInstant("2026-11-01T01:30", "America/New_York")).toEqual({
      ok: true,
      startsAt: "2026-11-01T05:30:00.000Z",
    });
  });

  it("counts Duration in real minutes across a DST change", () => {
    expect(endOf("2026-11-01T05:00:00.000Z", 120)).toBe("2026-11-01T07:00:00.000Z");
  });
});
