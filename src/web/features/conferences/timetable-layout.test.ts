import { describe, expect, it } from "vitest";
import { blockOrdinals, daysInZone, overlapGroups } from "./timetable-layout";

const at = (hhmm: string) => `2026-03-27T${hhmm}:00.000Z`;
const entry = (id: string, from: string, to: string, column = 0, columns = 1) => ({
  id,
  startAt: at(from),
  endAt: at(to),
  column,
  columns,
});

describe("overlapGroups", () => {
  it("keeps parallel entries together, side by side in the server's columns", () => {
    const groups = overlapGroups([
      entry("a", "09:00", "10:00", 0, 2),
      entry("b", "09:30", "11:00", 1, 2),
      entry("c", "11:00", "11:20"),
    ]);
    expect(groups.map((g) => g.entries.map((e) => e.entry.id))).toEqual([["a", "b"], ["c"]]);
    const [first] = groups;
    expect(first?.columns).toBe(2);
    expect(first?.startAt).toBe(at("09:00"));
    expect(first?.endAt).toBe(at("11:00"));
    expect(first?.rows).toBe(24);
    expect(first?.entries.map(({ column, row, rows }) => ({ column, row, rows }))).toEqual([
      { column: 1, row: 1, rows: 12 },
      { column: 2, row: 7, rows: 18 },
    ]);
  });

  it("chains overlaps: an entry overlapping only the second still joins the group", () => {
    const groups = overlapGroups([
      entry("a", "09:00", "10:00", 0, 2),
      entry("b", "09:30", "11:00", 1, 2),
      entry("c", "10:30", "12:00", 0, 2),
    ]);
    expect(groups).toHaveLength(1);
  });

  it("gives short entries at least one row and keeps the server's order", () => {
    const groups = overlapGroups([entry("x", "09:00", "09:01"), entry("y", "09:01", "09:02")]);
    expect(groups.map((g) => g.entries[0]?.rows)).toEqual([1, 1]);
    expect(overlapGroups([])).toEqual([]);
  });
});

describe("blockOrdinals", () => {
  it("numbers each session's blocks by start over the whole event", () => {
    const ordinals = blockOrdinals([
      { id: "b2", sessionId: "s1", startAt: at("11:00") },
      { id: "b1", sessionId: "s1", startAt: at("09:00") },
      { id: "c1", sessionId: "s2", startAt: at("09:00") },
    ]);
    expect(ordinals.get("b1")).toEqual({ n: 1, of: 2 });
    expect(ordinals.get("b2")).toEqual({ n: 2, of: 2 });
    expect(ordinals.get("c1")).toEqual({ n: 1, of: 1 });
  });
});

describe("daysInZone", () => {
  // A Paris event on Friday 27 and Saturday 28 March 2026 (CET, UTC+1), as the server sends its days.
  const talk = (id: string, startAt: string) => ({ id, startAt });
  const paris = [
    { day: "2026-03-27", entries: [talk("morning", "2026-03-27T08:00:00Z"), talk("evening", "2026-03-27T18:00:00Z")] },
    { day: "2026-03-28", entries: [talk("saturday", "2026-03-28T08:00:00Z")] },
  ];
  const span = { startAt: "2026-03-26T23:00:00Z", endAt: "2026-03-28T23:00:00Z" };
  const ids = (days: { day: string; entries: { id: string }[] }[]) =>
    days.map((d) => [d.day, d.entries.map((e) => e.id)]);

  it("puts every entry under the day it starts on in the viewer's zone", () => {
    // Tokyo (UTC+9): Friday's 19:00 session is Saturday 03:00; the event reaches into Sunday morning there.
    expect(ids(daysInZone(paris, "Asia/Tokyo", span))).toEqual([
      ["2026-03-27", ["morning"]],
      ["2026-03-28", ["evening", "saturday"]],
      ["2026-03-29", []],
    ]);
    // New York (EDT, UTC-4): the event starts on Thursday evening there, with nothing on it yet.
    expect(ids(daysInZone(paris, "America/New_York", span))).toEqual([
      ["2026-03-26", []],
      ["2026-03-27", ["morning", "evening"]],
      ["2026-03-28", ["saturday"]],
    ]);
  });

  it("lists only days with entries without the event's span, and keeps the event's own days in its zone", () => {
    expect(ids(daysInZone(paris, "Asia/Tokyo"))).toEqual([
      ["2026-03-27", ["morning"]],
      ["2026-03-28", ["evening", "saturday"]],
    ]);
    expect(ids(daysInZone(paris, "Europe/Paris", span))).toEqual(ids(paris));
  });
});
