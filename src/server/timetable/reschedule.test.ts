import { describe, expect, test } from "vitest";
import type { Refusal, Scheduled, TimeUpdate } from "./model";
import { type Rearranged, reschedule, shiftLaterEntries, swapWithSibling, type TimetableScope } from "./reschedule";
import { buildBlock, buildBreak, buildContribution, buildEvent, local, wall } from "./test-fixtures";

const event = buildEvent();

function ok(result: Rearranged | Refusal): Rearranged {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

function codes(result: Rearranged | Refusal): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

/** Updates as "id wall-clock-start duration", easy to read in failures. */
function moves(result: Rearranged | Refusal): string[] {
  return ok(result).updates.map((u: TimeUpdate) => `${u.id} ${wall(u.startAt)} ${u.durationMinutes}`);
}

/** A child of block-1 on Fri 27 March. */
const child = (id: string, time: string, durationMinutes: number) =>
  buildContribution({ id, startAt: local(`2026-03-27 ${time}`), durationMinutes });

/** Block-1: Fri 27 March 09:00–11:00. */
const block = buildBlock();
const inBlock: TimetableScope = { kind: "block", block };

describe("reschedule in a block: start times", () => {
  const children = [child("c", "10:20", 20), child("a", "09:10", 20), child("b", "09:40", 15)];

  test("compacts the children from the block start, in start order, durations unchanged", () => {
    expect(moves(reschedule(event, inBlock, children, { mode: "time", gapMinutes: 0 }))).toEqual([
      "a 2026-03-27 09:00 20",
      "b 2026-03-27 09:20 15",
      "c 2026-03-27 09:35 20",
    ]);
  });

  test("leaves the chosen gap between entries", () => {
    expect(moves(reschedule(event, inBlock, children, { mode: "time", gapMinutes: 5 }))).toEqual([
      "a 2026-03-27 09:00 20",
      "b 2026-03-27 09:25 15",
      "c 2026-03-27 09:45 20",
    ]);
  });

  test("lists only what changed", () => {
    const settled = [child("a", "09:00", 20), child("b", "09:30", 20)];
    expect(moves(reschedule(event, inBlock, settled, { mode: "time", gapMinutes: 0 }))).toEqual([
      "b 2026-03-27 09:20 20",
    ]);
  });

  test("parallel entries move together and keep their relative times", () => {
    const parallel = [child("a", "09:10", 30), child("b", "09:20", 20), child("c", "10:00", 20)];
    expect(moves(reschedule(event, inBlock, parallel, { mode: "time", gapMinutes: 0 }))).toEqual([
      "a 2026-03-27 09:00 30",
      "b 2026-03-27 09:10 20",
      "c 2026-03-27 09:30 20",
    ]);
  });

  test("ignores items that are not children of the block", () => {
    const mixed = [
      ...children,
      buildContribution({ id: "other", blockId: "block-2", startAt: local("2026-03-27 09:50") }),
      buildBreak({ id: "top", startAt: local("2026-03-27 12:00") }),
    ];
    const ids = ok(reschedule(event, inBlock, mixed, { mode: "time", gapMinutes: 0 })).updates.map((u) => u.id);
    expect(ids).toEqual(["a", "b", "c"]);
  });

  test("with fitBlocks, the block then ends where its content ends", () => {
    const result = ok(reschedule(event, inBlock, children, { mode: "time", gapMinutes: 0, fitBlocks: true }));
    expect(result.blockChange).toEqual({ newDurationMinutes: 55 });
  });
});

describe("reschedule in a block: growth and the §2.5 boundary guard", () => {
  const hour = buildBlock({ durationMinutes: 60 });
  const scope: TimetableScope = { kind: "block", block: hour };
  const children = [child("a", "09:00", 30), child("b", "09:30", 25)];

  test("growth allowed: content pushed past the end makes the block grow", () => {
    const result = ok(reschedule(event, scope, children, { mode: "time", gapMinutes: 10, mayGrowBlock: true }));
    expect(result.blockChange).toEqual({ newDurationMinutes: 65 });
    expect(moves(result)).toEqual(["b 2026-03-27 09:40 25"]);
  });

  test("growth refused: without block rights the reschedule is refused and says why", () => {
    const result = reschedule(event, scope, children, { mode: "time", gapMinutes: 10 });
    expect(codes(result)).toEqual(["block_growth_not_allowed"]);
  });

  test("growth never crosses local midnight", () => {
    const late = buildBlock({ startAt: local("2026-03-27 23:00"), durationMinutes: 60 });
    const kids = [child("a", "23:00", 30), child("b", "23:30", 30)];
    const result = reschedule(event, { kind: "block", block: late }, kids, {
      mode: "time",
      gapMinutes: 5,
      mayGrowBlock: true,
    });
    expect(codes(result)).toEqual(["crosses_day"]);
  });
});

describe("reschedule in a block: durations", () => {
  const children = [child("a", "09:00", 20), child("b", "09:30", 15), child("c", "10:00", 20)];

  test("each entry but the last lasts until the next one starts", () => {
    expect(moves(reschedule(event, inBlock, children, { mode: "duration", gapMinutes: 0 }))).toEqual([
      "a 2026-03-27 09:00 30",
      "b 2026-03-27 09:30 30",
    ]);
  });

  test("minus the gap", () => {
    expect(moves(reschedule(event, inBlock, children, { mode: "duration", gapMinutes: 5 }))).toEqual([
      "a 2026-03-27 09:00 25",
      "b 2026-03-27 09:30 25",
    ]);
  });

  test("refuses a gap that would leave an entry under one minute", () => {
    const result = reschedule(event, inBlock, children, { mode: "duration", gapMinutes: 30 });
    expect(codes(result)).toEqual(["gap_too_large"]);
    expect((result as Refusal).problems[0]?.subjectId).toBe("a");
  });

  test("refuses parallel entries, which have no single next entry", () => {
    const parallel = [child("a", "09:00", 20), child("b", "09:10", 20)];
    expect(codes(reschedule(event, inBlock, parallel, { mode: "duration", gapMinutes: 0 }))).toEqual([
      "parallel_entries",
    ]);
  });
});

describe("reschedule: modes and inputs", () => {
  test("mode none without fitBlocks changes nothing", () => {
    const result = ok(reschedule(event, inBlock, [child("a", "09:30", 20)], { mode: "none", gapMinutes: 0 }));
    expect(result.updates).toEqual([]);
    expect(result.blockChange).toBeUndefined();
  });

  test("an empty scope changes nothing", () => {
    expect(ok(reschedule(event, inBlock, [], { mode: "time", gapMinutes: 0 })).updates).toEqual([]);
  });

  test.each([-1, 2.5, Number.NaN])("refuses a gap of %s", (gapMinutes) => {
    expect(codes(reschedule(event, inBlock, [], { mode: "time", gapMinutes }))).toEqual(["invalid_gap"]);
  });

  test("refuses a malformed day", () => {
    expect(codes(reschedule(event, { kind: "day", day: "27.03.2026" }, [], { mode: "time", gapMinutes: 0 }))).toEqual([
      "invalid_day",
    ]);
  });

  test("no reschedule inside a poster block", () => {
    const poster = buildBlock({ isPoster: true });
    expect(codes(reschedule(event, { kind: "block", block: poster }, [], { mode: "time", gapMinutes: 0 }))).toEqual([
      "poster_block",
    ]);
  });
});

describe("reschedule a day's top level", () => {
  const day: TimetableScope = { kind: "day", day: "2026-03-27" };

  test("anchors at the day's first entry and moves only that day's top-level items", () => {
    const items: Scheduled[] = [
      buildBlock({ startAt: local("2026-03-27 09:30"), durationMinutes: 60 }),
      buildBreak({ id: "coffee", startAt: local("2026-03-27 11:00") }),
      buildContribution({
        id: "talk",
        sessionId: null,
        blockId: null,
        startAt: local("2026-03-27 12:00"),
        durationMinutes: 30,
      }),
      buildBreak({ id: "saturday", startAt: local("2026-03-28 09:00") }),
    ];
    expect(moves(reschedule(event, day, items, { mode: "time", gapMinutes: 10 }))).toEqual([
      "coffee 2026-03-27 10:40 20",
      "talk 2026-03-27 11:10 30",
    ]);
  });

  test("a block that moves carries its children", () => {
    const items: Scheduled[] = [
      buildBreak({ id: "coffee", startAt: local("2026-03-27 09:00"), durationMinutes: 30 }),
      buildBlock({ startAt: local("2026-03-27 10:00"), durationMinutes: 60 }),
    ];
    const children = [child("k1", "10:00", 20), child("k2", "10:30", 20)];
    expect(moves(reschedule(event, day, items, { mode: "time", gapMinutes: 0, children }))).toEqual([
      "block-1 2026-03-27 09:30 60",
      "k1 2026-03-27 09:30 20",
      "k2 2026-03-27 10:00 20",
    ]);
  });

  test("fitBlocks first fits each block to its content, then the mode applies", () => {
    const items: Scheduled[] = [
      buildBlock({ startAt: local("2026-03-27 09:00"), durationMinutes: 120 }),
      buildBreak({ id: "lunch", startAt: local("2026-03-27 11:30") }),
    ];
    const children = [child("k1", "09:30", 20), child("k2", "10:00", 20)];
    expect(moves(reschedule(event, day, items, { mode: "time", gapMinutes: 0, fitBlocks: true, children }))).toEqual([
      "block-1 2026-03-27 09:30 50",
      "lunch 2026-03-27 10:20 20",
    ]);
  });

  test("mode none with fitBlocks only fits blocks, skipping poster and empty blocks", () => {
    const items: Scheduled[] = [
      buildBlock({ startAt: local("2026-03-27 09:00"), durationMinutes: 120 }),
      buildBlock({ id: "poster", isPoster: true, startAt: local("2026-03-27 14:00"), durationMinutes: 60 }),
      buildBlock({ id: "empty", startAt: local("2026-03-27 16:00"), durationMinutes: 60 }),
    ];
    const children = [
      child("k1", "09:30", 20),
      buildContribution({ id: "p", blockId: "poster", startAt: local("2026-03-27 14:00"), durationMinutes: 60 }),
    ];
    expect(moves(reschedule(event, day, items, { mode: "none", gapMinutes: 0, fitBlocks: true, children }))).toEqual([
      "block-1 2026-03-27 09:30 20",
    ]);
  });

  test("parallel blocks stay side by side instead of being strung out", () => {
    const items: Scheduled[] = [
      buildBlock({ id: "room-a", startAt: local("2026-03-27 09:00"), durationMinutes: 60 }),
      buildBlock({ id: "room-b", sessionId: "session-2", startAt: local("2026-03-27 09:00"), durationMinutes: 60 }),
      buildBreak({ id: "coffee", startAt: local("2026-03-27 10:30") }),
    ];
    expect(moves(reschedule(event, day, items, { mode: "time", gapMinutes: 0 }))).toEqual([
      "coffee 2026-03-27 10:00 20",
    ]);
  });

  test("a poster block moves as a whole, its posters with it", () => {
    const items: Scheduled[] = [
      buildBreak({ id: "coffee", startAt: local("2026-03-27 09:00"), durationMinutes: 30 }),
      buildBlock({ id: "poster", isPoster: true, startAt: local("2026-03-27 10:00"), durationMinutes: 60 }),
    ];
    const children = [
      buildContribution({ id: "p", blockId: "poster", startAt: local("2026-03-27 10:00"), durationMinutes: 60 }),
    ];
    expect(moves(reschedule(event, day, items, { mode: "time", gapMinutes: 0, children }))).toEqual([
      "p 2026-03-27 09:30 60",
      "poster 2026-03-27 09:30 60",
    ]);
  });

  test("refuses to push anything past local midnight", () => {
    const items: Scheduled[] = [
      buildBreak({ id: "late", startAt: local("2026-03-27 22:00"), durationMinutes: 60 }),
      buildBreak({ id: "later", startAt: local("2026-03-27 23:30"), durationMinutes: 20 }),
    ];
    const result = reschedule(event, day, items, { mode: "time", gapMinutes: 60 });
    expect(codes(result)).toEqual(["crosses_day"]);
    expect((result as Refusal).problems[0]?.subjectId).toBe("later");
  });

  test("refuses to push anything past the event's end", () => {
    const items: Scheduled[] = [
      buildBreak({ id: "a", startAt: local("2026-03-31 17:00"), durationMinutes: 30 }),
      buildBreak({ id: "b", startAt: local("2026-03-31 17:30"), durationMinutes: 20 }),
    ];
    const result = reschedule(event, { kind: "day", day: "2026-03-31" }, items, { mode: "time", gapMinutes: 15 });
    expect(codes(result)).toEqual(["ends_after_event"]);
  });

  test("DST: compaction on the spring day counts real minutes across the skipped hour", () => {
    const night = buildEvent({ startAt: local("2026-03-28 00:00") });
    const items: Scheduled[] = [
      buildBreak({ id: "a", startAt: local("2026-03-29 01:00"), durationMinutes: 60 }),
      buildBreak({ id: "b", startAt: local("2026-03-29 03:30"), durationMinutes: 30 }),
    ];
    // 01:00 CET + 60 minutes is 03:00 CEST.
    expect(
      moves(reschedule(night, { kind: "day", day: "2026-03-29" }, items, { mode: "time", gapMinutes: 0 })),
    ).toEqual(["b 2026-03-29 03:00 30"]);
  });

  test("durations after fitBlocks follow the fitted order", () => {
    const items: Scheduled[] = [
      buildBlock({ startAt: local("2026-03-27 09:00"), durationMinutes: 120 }),
      buildBreak({ id: "coffee", startAt: local("2026-03-27 09:10"), durationMinutes: 10 }),
      buildBreak({ id: "lunch", startAt: local("2026-03-27 12:00") }),
    ];
    // The block overlaps coffee until it is fitted to its only child at 10:00–10:20.
    const children = [child("k", "10:00", 20)];
    expect(
      moves(reschedule(event, day, items, { mode: "duration", gapMinutes: 0, fitBlocks: true, children })),
    ).toEqual(["coffee 2026-03-27 09:10 50", "block-1 2026-03-27 10:00 120"]);
  });

  test("durations: a block may not shrink below its children", () => {
    const items: Scheduled[] = [
      buildBlock({ startAt: local("2026-03-27 09:00"), durationMinutes: 120 }),
      buildBreak({ id: "lunch", startAt: local("2026-03-27 11:00") }),
    ];
    const children = [child("k", "10:00", 50)];
    const result = reschedule(event, day, items, { mode: "duration", gapMinutes: 20, children });
    expect(codes(result)).toEqual(["cuts_off_children"]);
  });

  test("durations: a poster block's posters follow its new duration", () => {
    const items: Scheduled[] = [
      buildBlock({ id: "poster", isPoster: true, startAt: local("2026-03-27 09:00"), durationMinutes: 60 }),
      buildBreak({ id: "lunch", startAt: local("2026-03-27 11:00") }),
    ];
    const children = [
      buildContribution({ id: "p", blockId: "poster", startAt: local("2026-03-27 09:00"), durationMinutes: 60 }),
    ];
    expect(moves(reschedule(event, day, items, { mode: "duration", gapMinutes: 0, children }))).toEqual([
      "p 2026-03-27 09:00 120",
      "poster 2026-03-27 09:00 120",
    ]);
  });
});

describe("reschedule a session's blocks on a day", () => {
  test("quirk §8.4 (session scope anchors at the event's daily start): anchors at the session's first block", () => {
    const items: Scheduled[] = [
      buildBlock({ id: "other", sessionId: "session-2", startAt: local("2026-03-28 09:00"), durationMinutes: 60 }),
      buildBlock({ id: "s1-morning", startAt: local("2026-03-28 10:00"), durationMinutes: 60 }),
      buildBreak({ id: "lunch", startAt: local("2026-03-28 12:00") }),
      buildBlock({ id: "s1-afternoon", startAt: local("2026-03-28 13:00"), durationMinutes: 60 }),
    ];
    const scope: TimetableScope = { kind: "session", sessionId: "session-1", day: "2026-03-28" };
    // Indico would start at the event's 09:00; the session's first block stays at 10:00.
    expect(moves(reschedule(event, scope, items, { mode: "time", gapMinutes: 0 }))).toEqual([
      "s1-afternoon 2026-03-28 11:00 60",
    ]);
  });

  test("blocks carry their children", () => {
    const items: Scheduled[] = [
      buildBlock({ id: "s1-morning", startAt: local("2026-03-28 10:00"), durationMinutes: 60 }),
      buildBlock({ id: "s1-afternoon", startAt: local("2026-03-28 13:00"), durationMinutes: 60 }),
    ];
    const children = [
      buildContribution({ id: "k", blockId: "s1-afternoon", startAt: local("2026-03-28 13:20"), durationMinutes: 20 }),
    ];
    const scope: TimetableScope = { kind: "session", sessionId: "session-1", day: "2026-03-28" };
    expect(moves(reschedule(event, scope, items, { mode: "time", gapMinutes: 15, children }))).toEqual([
      "s1-afternoon 2026-03-28 11:15 60",
      "k 2026-03-28 11:35 20",
    ]);
  });
});

describe("shiftLaterEntries (indico.md §3.6)", () => {
  const a = child("a", "09:20", 20);
  const children = [child("z", "09:00", 20), a, child("b", "09:40", 20), child("c", "10:00", 20)];

  test("a longer entry pushes the later siblings by the same delta; earlier ones stay", () => {
    const longer = { ...a, durationMinutes: 30 };
    expect(moves(shiftLaterEntries(event, inBlock, a, longer, children))).toEqual([
      "b 2026-03-27 09:50 20",
      "c 2026-03-27 10:10 20",
    ]);
  });

  test("a shorter entry pulls them earlier", () => {
    const shorter = { ...a, durationMinutes: 10 };
    expect(moves(shiftLaterEntries(event, inBlock, a, shorter, children))).toEqual([
      "b 2026-03-27 09:30 20",
      "c 2026-03-27 09:50 20",
    ]);
  });

  test("an unchanged end moves nothing", () => {
    const moved = { ...a, startAt: local("2026-03-27 09:25"), durationMinutes: 15 };
    expect(ok(shiftLaterEntries(event, inBlock, a, moved, children)).updates).toEqual([]);
  });

  test("growth allowed vs refused: pushed content grows the block only with block rights", () => {
    const hour = buildBlock({ durationMinutes: 60 });
    const scope: TimetableScope = { kind: "block", block: hour };
    const kids = [child("a", "09:00", 20), child("b", "09:20", 20), child("c", "09:40", 20)];
    const longer = { ...kids[0]!, durationMinutes: 30 };
    expect(ok(shiftLaterEntries(event, scope, kids[0]!, longer, kids, { mayGrowBlock: true })).blockChange).toEqual({
      newDurationMinutes: 70,
    });
    expect(codes(shiftLaterEntries(event, scope, kids[0]!, longer, kids))).toEqual(["block_growth_not_allowed"]);
  });

  test("at top level, shifted blocks carry their children", () => {
    const coffee = buildBreak({ id: "coffee", startAt: local("2026-03-27 10:00"), durationMinutes: 30 });
    const items: Scheduled[] = [coffee, buildBlock({ startAt: local("2026-03-27 10:30"), durationMinutes: 60 })];
    const kids = [child("k", "10:30", 20)];
    const longer = { ...coffee, durationMinutes: 45 };
    const scope: TimetableScope = { kind: "day", day: "2026-03-27" };
    expect(moves(shiftLaterEntries(event, scope, coffee, longer, items, { children: kids }))).toEqual([
      "block-1 2026-03-27 10:45 60",
      "k 2026-03-27 10:45 20",
    ]);
  });

  test("refuses to push a top-level item onto the next day, even to start exactly at midnight", () => {
    const late = buildBreak({ id: "late", startAt: local("2026-03-27 22:00"), durationMinutes: 60 });
    const items: Scheduled[] = [
      late,
      buildBreak({ id: "last", startAt: local("2026-03-27 23:30"), durationMinutes: 20 }),
    ];
    const longer = { ...late, durationMinutes: 90 };
    const result = shiftLaterEntries(event, { kind: "day", day: "2026-03-27" }, late, longer, items);
    expect(codes(result)).toEqual(["crosses_day"]);
    expect((result as Refusal).problems[0]?.subjectId).toBe("last");
  });

  test("quirk §8.1 (shift_following_entries drops its session filter): a session timetable shifts only that session's blocks", () => {
    const morning = buildBlock({ id: "s1-morning", startAt: local("2026-03-27 09:00"), durationMinutes: 60 });
    const items: Scheduled[] = [
      morning,
      buildBlock({ id: "s1-late", startAt: local("2026-03-27 10:00"), durationMinutes: 60 }),
      buildBlock({ id: "s2", sessionId: "session-2", startAt: local("2026-03-27 10:00"), durationMinutes: 60 }),
      buildBreak({ id: "top", startAt: local("2026-03-27 11:30") }),
    ];
    const longer = { ...morning, durationMinutes: 90 };
    const scope: TimetableScope = { kind: "session", sessionId: "session-1", day: "2026-03-27" };
    expect(moves(shiftLaterEntries(event, scope, morning, longer, items))).toEqual(["s1-late 2026-03-27 10:30 60"]);
  });
});

describe("swapWithSibling (indico.md §3.6)", () => {
  test("swaps down with the adjacent sibling", () => {
    const kids = [child("a", "09:00", 20), child("b", "09:20", 30)];
    expect(moves(swapWithSibling(event, inBlock, "a", "down", kids))).toEqual([
      "b 2026-03-27 09:00 30",
      "a 2026-03-27 09:30 20",
    ]);
  });

  test("swaps up with the adjacent sibling", () => {
    const kids = [child("a", "09:00", 20), child("b", "09:20", 30)];
    expect(moves(swapWithSibling(event, inBlock, "b", "up", kids))).toEqual([
      "b 2026-03-27 09:00 30",
      "a 2026-03-27 09:30 20",
    ]);
  });

  test("across a gap, the entry moves to butt against its neighbour instead", () => {
    const kids = [child("a", "09:00", 20), child("b", "09:40", 20)];
    expect(moves(swapWithSibling(event, inBlock, "a", "down", kids))).toEqual(["a 2026-03-27 09:20 20"]);
    expect(moves(swapWithSibling(event, inBlock, "b", "up", kids))).toEqual(["b 2026-03-27 09:20 20"]);
  });

  test("without a neighbour in that direction, nothing changes", () => {
    const kids = [child("a", "09:00", 20), child("b", "09:20", 20)];
    expect(ok(swapWithSibling(event, inBlock, "b", "down", kids)).updates).toEqual([]);
  });

  test("refuses when the entry or its neighbour runs in parallel", () => {
    const kids = [child("a", "09:00", 20), child("b", "09:20", 20), child("c", "09:25", 10), child("d", "09:05", 5)];
    expect(codes(swapWithSibling(event, inBlock, "a", "down", kids))).toEqual(["parallel_entries"]);
    const neighbour = [child("a", "09:00", 20), child("b", "09:20", 20), child("c", "09:25", 10)];
    expect(codes(swapWithSibling(event, inBlock, "a", "down", neighbour))).toEqual(["parallel_entries"]);
  });

  test("blocks swapped at top level carry their children", () => {
    const items: Scheduled[] = [
      buildBlock({ startAt: local("2026-03-27 09:00"), durationMinutes: 60 }),
      buildBreak({ id: "coffee", startAt: local("2026-03-27 10:00"), durationMinutes: 30 }),
    ];
    const kids = [child("k", "09:10", 20)];
    const day: TimetableScope = { kind: "day", day: "2026-03-27" };
    expect(moves(swapWithSibling(event, day, "block-1", "down", items, { children: kids }))).toEqual([
      "coffee 2026-03-27 09:00 30",
      "block-1 2026-03-27 09:30 60",
      "k 2026-03-27 09:40 20",
    ]);
  });

  test("refuses an entry that is not in the scope", () => {
    expect(codes(swapWithSibling(event, inBlock, "ghost", "up", []))).toEqual(["not_in_scope"]);
  });
});
