import { describe, expect, it } from "vitest";
import {
  applyDraft,
  assignColumns,
  blockGrowthMinutes,
  boxOf,
  changeFromDraft,
  draftHints,
  gridWindow,
  hourMarks,
  instantAtY,
  moveInOrder,
  parallelBlocks,
  requestOf,
  snap,
  undoOf,
  yOf,
} from "./timetable-editing";

const day = { startAt: "2026-03-26T23:00:00.000Z", endAt: "2026-03-27T23:00:00.000Z" }; // 27 Mar in Berlin (+01:00)

describe("the editor's grid", () => {
  it("snaps to 5 minutes", () => {
    expect([0, 2, 3, 7, 8, -3, -2].map(snap)).toEqual([0, 0, 5, 5, 10, -5, -0]);
  });

  it("shows whole local hours with an hour of room around the entries, within the day", () => {
    const grid = gridWindow(day, [{ startAt: "2026-03-27T08:10:00Z", endAt: "2026-03-27T10:40:00Z" }], "Europe/Berlin");
    // 09:10–11:40 in Berlin → 08:00–13:00 local = 07:00–12:00 UTC.
    expect(new Date(grid.fromMs).toISOString()).toBe("2026-03-27T07:00:00.000Z");
    expect(new Date(grid.toMs).toISOString()).toBe("2026-03-27T12:00:00.000Z");
    const late = gridWindow(day, [{ startAt: "2026-03-27T21:00:00Z", endAt: "2026-03-27T22:55:00Z" }], "Europe/Berlin");
    expect(new Date(late.toMs).toISOString()).toBe(day.endAt);
  });

  it("puts hour lines on the wall clock of zones with half-hour offsets", () => {
    const kolkataDay = { startAt: "2026-03-26T18:30:00.000Z", endAt: "2026-03-27T18:30:00.000Z" };
    const grid = gridWindow(
      kolkataDay,
      [{ startAt: "2026-03-27T04:00:00Z", endAt: "2026-03-27T05:00:00Z" }],
      "Asia/Kolkata",
    );
    // 09:30–10:30 in Kolkata → 08:00–12:00 local.
    const marks = hourMarks(grid, "Asia/Kolkata").map((m) => new Date(m).toISOString());
    expect(marks[0]).toBe("2026-03-27T02:30:00.000Z");
    expect(marks).toHaveLength(5);
  });

  it("an empty day shows 08:00 to 18:00", () => {
    const grid = gridWindow(day, [], "Europe/Berlin");
    expect(new Date(grid.fromMs).toISOString()).toBe("2026-03-27T07:00:00.000Z");
    expect(new Date(grid.toMs).toISOString()).toBe("2026-03-27T17:00:00.000Z");
  });

  it("turns heights into snapped instants inside the grid and back", () => {
    const grid = { fromMs: Date.parse("2026-03-27T07:00:00Z"), toMs: Date.parse("2026-03-27T12:00:00Z") };
    expect(yOf("2026-03-27T08:00:00Z", grid)).toBe(120);
    expect(new Date(instantAtY(123, grid)).toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(new Date(instantAtY(126, grid)).toISOString()).toBe("2026-03-27T08:05:00.000Z");
    expect(instantAtY(-50, grid)).toBe(grid.fromMs);
    expect(instantAtY(99_999, grid)).toBe(grid.toMs);
  });
});

describe("drafts and changes", () => {
  const block = {
    kind: "block" as const,
    id: "b1",
    startAt: "2026-03-27T08:00:00.000Z",
    endAt: "2026-03-27T09:30:00.000Z",
  };
  const talk = {
    kind: "contribution" as const,
    id: "c1",
    blockId: "b1",
    startAt: block.startAt,
    endAt: "2026-03-27T08:20:00.000Z",
  };

  it("moves by whole steps and never shrinks below 5 minutes", () => {
    const moved = applyDraft(block, { moveMinutes: 12, resizeMinutes: 0 });
    expect(new Date(moved.startMs).toISOString()).toBe("2026-03-27T08:10:00.000Z");
    expect((moved.endMs - moved.startMs) / 60_000).toBe(90);
    const squashed = applyDraft(block, { moveMinutes: 0, resizeMinutes: -500 });
    expect((squashed.endMs - squashed.startMs) / 60_000).toBe(5);
  });

  it("lands a moved start and a resized end on the clock's 5-minute marks; a move keeps the length", () => {
    const odd = { startAt: "2026-03-27T09:03:00.000Z", endAt: "2026-03-27T09:06:00.000Z" };
    const moved = applyDraft(odd, { moveMinutes: 5, resizeMinutes: 0 });
    expect(new Date(moved.startMs).toISOString()).toBe("2026-03-27T09:10:00.000Z");
    expect((moved.endMs - moved.startMs) / 60_000).toBe(3);
    const resized = applyDraft(odd, { moveMinutes: 0, resizeMinutes: 5 });
    expect(new Date(resized.startMs).toISOString()).toBe("2026-03-27T09:03:00.000Z");
    expect(new Date(resized.endMs).toISOString()).toBe("2026-03-27T09:10:00.000Z");
  });

  it("places a drafted box in pixels from the grid's start, at least 5 minutes high", () => {
    const origin = Date.parse("2026-03-27T07:00:00.000Z");
    expect(boxOf(block, null, origin)).toEqual({ top: 120, height: 180 });
    expect(boxOf(block, { moveMinutes: 10, resizeMinutes: 0 }, origin)).toEqual({ top: 140, height: 180 });
    const odd = { startAt: "2026-03-27T07:00:00.000Z", endAt: "2026-03-27T07:01:00.000Z" };
    expect(boxOf(odd, null, origin)).toEqual({ top: 0, height: 10 });
  });

  it("a block moved or resized is one PATCH with its new start and length", () => {
    const change = changeFromDraft(block, { moveMinutes: -30, resizeMinutes: 15 });
    expect(change).toEqual({
      kind: "block-time",
      blockId: "b1",
      startAt: "2026-03-27T07:30:00.000Z",
      durationMinutes: 105,
    });
    expect(requestOf(change!)).toEqual({
      method: "PATCH",
      path: "/blocks/b1",
      body: { startAt: "2026-03-27T07:30:00.000Z", durationMinutes: 105 },
    });
  });

  it("a block taken to another day keeps its wall-clock time (the server's move by day)", () => {
    const change = changeFromDraft(block, { moveMinutes: 0, resizeMinutes: 0, day: "2026-03-28" });
    expect(requestOf(change!)).toEqual({ method: "POST", path: "/blocks/b1/move", body: { day: "2026-03-28" } });
  });

  it("no change when the draft comes back to where it started", () => {
    expect(changeFromDraft(block, { moveMinutes: 2, resizeMinutes: -1 })).toBeNull();
  });

  it("contributions and breaks keep their block and get new times", () => {
    expect(changeFromDraft(talk, { moveMinutes: 0, resizeMinutes: 10 })).toEqual({
      kind: "contribution-time",
      id: "c1",
      blockId: "b1",
      startAt: block.startAt,
      durationMinutes: 30,
    });
    const pause = {
      kind: "break" as const,
      id: "k1",
      blockId: null,
      startAt: block.startAt,
      endAt: "2026-03-27T08:20:00.000Z",
    };
    expect(requestOf(changeFromDraft(pause, { moveMinutes: 5, resizeMinutes: 0 })!).path).toBe("/breaks/k1");
  });

  it("undo puts the entry back, and its block back to the times it had", () => {
    expect(undoOf(talk, block)).toEqual([
      { kind: "contribution-time", id: "c1", blockId: "b1", startAt: block.startAt, durationMinutes: 20 },
      { kind: "block-time", blockId: "b1", startAt: block.startAt, durationMinutes: 90 },
    ]);
    expect(undoOf(block, null)).toEqual([
      { kind: "block-time", blockId: "b1", startAt: block.startAt, durationMinutes: 90 },
    ]);
    expect(undoOf({ kind: "unscheduled-contribution", id: "c2" }, null)).toEqual([{ kind: "unschedule", id: "c2" }]);
  });
});

describe("parallel order", () => {
  const e = (id: string, kind: string, from: string, to: string) => ({
    id,
    kind,
    startAt: `2026-03-27T${from}:00Z`,
    endAt: `2026-03-27T${to}:00Z`,
  });
  const day = [
    e("a", "block", "08:00", "10:00"),
    e("b", "block", "08:30", "09:00"),
    e("x", "break", "09:00", "09:30"),
    e("c", "block", "09:30", "11:00"),
    e("d", "block", "11:00", "12:00"),
    e("f", "block", "11:00", "12:30"),
  ];

  it("finds the blocks standing side by side with a block, in the server's order", () => {
    expect(parallelBlocks(day, "b")).toEqual(["a", "b", "c"]);
    expect(parallelBlocks(day, "f")).toEqual(["d", "f"]);
  });

  it("moves a block exactly one place, and not past the edge", () => {
    expect(moveInOrder(["a", "b", "c"], "a", "right")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", "left")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "left")).toBeNull();
    expect(requestOf({ kind: "parallel-order", blockIds: ["b", "a"] })).toEqual({
      method: "PUT",
      path: "/timetable/parallel-order",
      body: { blockIds: ["b", "a"] },
    });
  });
});

describe("hints before sending", () => {
  const event = { startAt: "2026-03-27T08:00:00Z", endAt: "2026-03-27T18:00:00Z" };
  const block = { startAt: "2026-03-27T09:00:00Z", endAt: "2026-03-27T10:30:00Z" };
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const t = (from: string, to: string) => ({
    startMs: Date.parse(`2026-03-27T${from}:00Z`),
    endMs: Date.parse(`2026-03-27T${to}:00Z`),
  });

  it("says when an entry would make its block grow, start before it, or leave the event", () => {
    expect(draftHints(t("09:10", "09:30"), event, block, clock)).toEqual([]);
    expect(draftHints(t("10:20", "10:40"), event, block, clock)).toEqual(["its block grows to 10:40"]);
    expect(draftHints(t("08:55", "09:15"), event, block, clock)).toEqual(["before its block starts (09:00)"]);
    expect(draftHints(t("07:30", "08:30"), event, null, clock)).toEqual(["outside the event"]);
  });
});

describe("side by side", () => {
  it("gives overlapping entries their own columns, in the given order", () => {
    const e = (id: string, from: string, to: string) => ({
      id,
      startAt: `2026-03-27T${from}:00Z`,
      endAt: `2026-03-27T${to}:00Z`,
    });
    const placed = assignColumns([
      e("a", "08:00", "10:00"),
      e("b", "08:30", "09:00"),
      e("c", "09:00", "09:30"),
      e("d", "11:00", "12:00"),
    ]);
    expect(placed.map((p) => [p.entry.id, p.column, p.columns])).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      ["c", 1, 2],
      ["d", 0, 1],
    ]);
  });
});

describe("how much a change makes its block grow", () => {
  const block = { id: "b1", startAt: "2026-03-27T09:00:00.000Z", endAt: "2026-03-27T10:00:00.000Z", isPoster: false };
  const into = (blockId: string | null, startAt: string, durationMinutes: number) =>
    ({ kind: "contribution-time", id: "c1", blockId, startAt, durationMinutes }) as const;

  it("counts the minutes past the block's end, and none for an entry that fits", () => {
    expect(blockGrowthMinutes(into("b1", "2026-03-27T09:40:00.000Z", 20), block)).toBe(0);
    expect(blockGrowthMinutes(into("b1", "2026-03-27T09:50:00.000Z", 45), block)).toBe(35);
    expect(blockGrowthMinutes({ ...into("b1", "2026-03-27T09:55:00.000Z", 10), kind: "break-time" }, block)).toBe(5);
  });

  it("is none for another block, the top level, a poster block (posters take its times) and a block's own move", () => {
    expect(blockGrowthMinutes(into("b2", "2026-03-27T09:50:00.000Z", 45), block)).toBe(0);
    expect(blockGrowthMinutes(into(null, "2026-03-27T09:50:00.000Z", 45), block)).toBe(0);
    expect(blockGrowthMinutes(into("b1", "2026-03-27T09:50:00.000Z", 45), { ...block, isPoster: true })).toBe(0);
    const move = {
      kind: "block-time",
      blockId: "b1",
      startAt: "2026-03-27T09:30:00.000Z",
      durationMinutes: 90,
    } as const;
    expect(blockGrowthMinutes(move, block)).toBe(0);
    expect(blockGrowthMinutes(into("b1", "2026-03-27T09:50:00.000Z", 45), null)).toBe(0);
  });
});
