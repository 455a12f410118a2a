import { describe, expect, test } from "vitest";
import type { Entry, Problem, Refusal } from "./model";
import {
  becomePosterBlock,
  defaultDurationMinutes,
  defaultStartInBlock,
  fitBlockToContent,
  moveBlock,
  moveBlockToDay,
  nextFreeStartOnDay,
  placeEntry,
  resizeBlock,
  validateBlock,
} from "./placement";
import {
  BERLIN,
  buildAutumnEvent,
  buildBlock,
  buildBreak,
  buildContribution,
  buildEvent,
  local,
  wall,
} from "./test-fixtures";

const GROW = { mayGrowBlock: true };
const NO_GROW = { mayGrowBlock: false };

function codes(result: { ok: true } | Refusal | Problem[]): string[] {
  if (Array.isArray(result)) return result.map((problem) => problem.code);
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

function ok<T extends { ok: boolean }>(result: T | Refusal): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify((result as Refusal).problems)}`);
  return result as Extract<T, { ok: true }>;
}

const event = buildEvent();
/** Fri 27 March, 09:00–11:00, session-1. */
const block = buildBlock();

describe("validateBlock", () => {
  test("accepts a block inside the event within one local day", () => {
    expect(validateBlock(event, block)).toEqual([]);
  });

  test("accepts an instant written with an offset", () => {
    expect(validateBlock(event, buildBlock({ startAt: "2026-03-27T10:00:00+01:00" }))).toEqual([]);
  });

  test.each([0, -5, 30.5, Number.NaN, 24 * 60 + 1])("refuses a duration of %s minutes", (durationMinutes) => {
    const problems = validateBlock(event, buildBlock({ durationMinutes }));
    expect(codes(problems)).toEqual(["invalid_duration"]);
    expect(problems[0]?.field).toBe("durationMinutes");
  });

  test.each(["2026-03-27T09:00:30Z", "2026-03-27T09:00:00", "not a time"])(
    "refuses the start %s (whole minutes, offset required)",
    (startAt) => {
      const problems = validateBlock(event, buildBlock({ startAt }));
      expect(codes(problems)).toEqual(["invalid_instant"]);
      expect(problems[0]?.field).toBe("startAt");
    },
  );

  test("refuses a block that starts before the event", () => {
    expect(codes(validateBlock(event, buildBlock({ startAt: local("2026-03-27 08:30") })))).toEqual([
      "starts_before_event",
    ]);
  });

  test("refuses a block that ends after the event", () => {
    const late = buildBlock({ startAt: local("2026-03-31 17:30"), durationMinutes: 60 });
    expect(codes(validateBlock(event, late))).toEqual(["ends_after_event"]);
  });

  test("refuses a block that crosses local midnight, and says so in the event's zone", () => {
    const problems = validateBlock(event, buildBlock({ startAt: local("2026-03-27 23:30"), durationMinutes: 60 }));
    expect(codes(problems)).toEqual(["crosses_day"]);
    expect(problems[0]?.message).toContain("2026-03-28 00:30");
    expect(problems[0]?.message).toContain(BERLIN);
  });

  test("a block may end exactly at local midnight", () => {
    expect(validateBlock(event, buildBlock({ startAt: local("2026-03-27 23:00"), durationMinutes: 60 }))).toEqual([]);
  });

  test("a malformed stored event throws (it is not user input)", () => {
    expect(() => validateBlock(buildEvent({ timeZone: "Nowhere/City" }), block)).toThrow(RangeError);
  });
});

describe("DST days in Europe/Berlin", () => {
  test("last Sunday of March (23 h): a block may fill the day, 00:00 to 24:00 = 1380 minutes", () => {
    const wholeDay = buildBlock({ startAt: local("2026-03-29 00:00"), durationMinutes: 23 * 60 });
    expect(validateBlock(buildEvent({ startAt: local("2026-03-28 00:00") }), wholeDay)).toEqual([]);
    expect(
      codes(
        validateBlock(buildEvent({ startAt: local("2026-03-28 00:00") }), {
          ...wholeDay,
          durationMinutes: 23 * 60 + 1,
        }),
      ),
    ).toEqual(["crosses_day"]);
  });

  test("last Sunday of March: 01:00 plus 120 real minutes is 04:00 local, still the same day", () => {
    const night = buildBlock({ startAt: local("2026-03-29 01:00"), durationMinutes: 120 });
    expect(validateBlock(buildEvent({ startAt: local("2026-03-28 00:00") }), night)).toEqual([]);
  });

  test("last Sunday of October (25 h): 01:00 plus 24 hours ends at local midnight and is allowed", () => {
    const autumn = buildAutumnEvent();
    const sunday = buildBlock({ startAt: local("2026-10-25 01:00"), durationMinutes: 24 * 60 });
    const saturday = buildBlock({ startAt: local("2026-10-24 01:00"), durationMinutes: 24 * 60 });
    expect(validateBlock({ ...autumn, startAt: local("2026-10-23 00:00") }, sunday)).toEqual([]);
    // The same block on an ordinary 24-hour day ends at 01:00 the next day.
    expect(codes(validateBlock({ ...autumn, startAt: local("2026-10-23 00:00") }, saturday))).toEqual(["crosses_day"]);
  });

  test("growth on the spring DST day stops at its (earlier) midnight", () => {
    const dstEvent = buildEvent();
    const evening = buildBlock({ startAt: local("2026-03-29 22:00"), durationMinutes: 60 });
    const fits = buildContribution({ startAt: local("2026-03-29 22:30"), durationMinutes: 90 });
    const spills = buildContribution({ startAt: local("2026-03-29 22:30"), durationMinutes: 91 });
    expect(ok(placeEntry(dstEvent, evening, fits, [], GROW)).blockChange).toEqual({ newDurationMinutes: 120 });
    expect(codes(placeEntry(dstEvent, evening, spills, [], GROW))).toEqual(["crosses_day"]);
  });

  test("an entry placed across the skipped hour keeps its real duration", () => {
    const night = buildBlock({ startAt: local("2026-03-29 01:00"), durationMinutes: 180 });
    const talk = buildContribution({ startAt: local("2026-03-29 01:30"), durationMinutes: 60 });
    const placed = ok(placeEntry(buildEvent({ startAt: local("2026-03-28 00:00") }), night, talk, [], NO_GROW));
    expect(wall(placed.entry.startAt)).toBe("2026-03-29 01:30");
    // 01:30 CET + 60 min = 03:30 CEST: the wall clock jumps, the talk still lasts an hour.
    expect(placed.entry.durationMinutes).toBe(60);
  });
});

describe("placeEntry: who may go where", () => {
  test("a contribution of a session goes into a block of that session", () => {
    const placed = ok(placeEntry(event, block, buildContribution({ blockId: null }), [], NO_GROW));
    expect(placed.entry.blockId).toBe(block.id);
    expect(placed.entry.startAt).toBe(block.startAt);
    expect(placed.blockChange).toBeUndefined();
  });

  test("a contribution of another session is refused", () => {
    const other = buildContribution({ sessionId: "session-2" });
    expect(codes(placeEntry(event, block, other, [], GROW))).toEqual(["contribution_of_other_session"]);
  });

  test("a contribution without a session is refused inside a block", () => {
    const loose = buildContribution({ sessionId: null });
    expect(codes(placeEntry(event, block, loose, [], GROW))).toEqual(["contribution_without_session_in_block"]);
  });

  test("a contribution without a session goes at top level", () => {
    const loose = buildContribution({ sessionId: null, startAt: local("2026-03-27 14:00") });
    const placed = ok(placeEntry(event, null, loose, [], NO_GROW));
    expect(placed.entry.blockId).toBeNull();
  });

  test("a contribution of a session is refused at top level", () => {
    const placed = placeEntry(event, null, buildContribution({ startAt: local("2026-03-27 14:00") }), [], GROW);
    expect(codes(placed)).toEqual(["contribution_of_session_at_top_level"]);
  });

  test("a break goes at top level", () => {
    expect(ok(placeEntry(event, null, buildBreak(), [], NO_GROW)).entry.blockId).toBeNull();
  });

  test("a break goes inside a non-poster block", () => {
    const inBlock = buildBreak({ startAt: local("2026-03-27 10:00") });
    expect(ok(placeEntry(event, block, inBlock, [], NO_GROW)).entry.blockId).toBe(block.id);
  });

  test("a break is refused inside a poster block", () => {
    const poster = buildBlock({ isPoster: true });
    const inBlock = buildBreak({ startAt: local("2026-03-27 10:00") });
    expect(codes(placeEntry(event, poster, inBlock, [], GROW))).toEqual(["break_in_poster_block"]);
  });

  test("returns canonical UTC instants whatever offset the input used", () => {
    const placed = ok(placeEntry(event, block, buildContribution({ startAt: "2026-03-27T10:00:00+01:00" }), [], GROW));
    expect(placed.entry.startAt).toBe("2026-03-27T09:00:00.000Z");
  });

  test("keeps the caller's extra fields", () => {
    const titled = { ...buildContribution(), title: "Keynote" };
    expect(ok(placeEntry(event, block, titled, [], GROW)).entry.title).toBe("Keynote");
  });

  test.each([0, -10, 12.5])("refuses a contribution of %s minutes", (durationMinutes) => {
    expect(codes(placeEntry(event, block, buildContribution({ durationMinutes }), [], GROW))).toEqual([
      "invalid_duration",
    ]);
  });

  test("refuses a start that is not a whole-minute instant", () => {
    const bad = buildContribution({ startAt: "2026-03-27T09:00:10Z" });
    expect(codes(placeEntry(event, block, bad, [], GROW))).toEqual(["invalid_instant"]);
  });

  test("reports every structural problem at once", () => {
    const bad = buildContribution({ sessionId: "session-2", durationMinutes: 0 });
    expect(codes(placeEntry(event, block, bad, [], GROW))).toEqual([
      "contribution_of_other_session",
      "invalid_duration",
    ]);
  });
});

describe("placeEntry: times", () => {
  test("a child never starts before its block", () => {
    const early = buildContribution({ startAt: local("2026-03-27 08:50") });
    const result = placeEntry(event, block, early, [], GROW);
    expect(codes(result)).toEqual(["starts_before_block"]);
  });

  test("a child may end exactly at its block's end without growth", () => {
    const last = buildContribution({ startAt: local("2026-03-27 10:40") });
    expect(ok(placeEntry(event, block, last, [], NO_GROW)).blockChange).toBeUndefined();
  });

  test("nothing at top level lies outside the event", () => {
    const before = buildBreak({ startAt: local("2026-03-27 08:45") });
    const after = buildBreak({ startAt: local("2026-03-31 17:50") });
    expect(codes(placeEntry(event, null, before, [], GROW))).toEqual(["starts_before_event"]);
    expect(codes(placeEntry(event, null, after, [], GROW))).toEqual(["ends_after_event"]);
  });

  test("a top-level entry stays within one local day", () => {
    const lateNight = buildBreak({ startAt: local("2026-03-27 23:50"), durationMinutes: 20 });
    expect(codes(placeEntry(event, null, lateNight, [], GROW))).toEqual(["crosses_day"]);
  });

  test("moving an entry inside its block ignores its own old placement", () => {
    const talk = buildContribution({ id: "t1", startAt: local("2026-03-27 09:00") });
    const moved = { ...talk, startAt: local("2026-03-27 09:10") };
    const placed = ok(placeEntry(event, block, moved, [talk], NO_GROW));
    expect(placed.parallelWith).toEqual([]);
  });

  test("reports parallel siblings of the same parent, for information only", () => {
    const a = buildContribution({ id: "a", startAt: local("2026-03-27 09:00") });
    const elsewhere = buildContribution({ id: "x", blockId: "block-2", startAt: local("2026-03-27 09:00") });
    const topLevel = buildBreak({ id: "y", startAt: local("2026-03-27 09:00") });
    const b = buildContribution({ id: "b", startAt: local("2026-03-27 09:10") });
    const placed = ok(placeEntry(event, block, b, [a, elsewhere, topLevel], NO_GROW));
    expect(placed.parallelWith).toEqual(["a"]);
  });

  test("a top-level entry running alongside a block is reported as parallel with it", () => {
    const loose = buildContribution({ sessionId: null, blockId: null, startAt: local("2026-03-27 10:00") });
    expect(ok(placeEntry(event, null, loose, [block], NO_GROW)).parallelWith).toEqual([block.id]);
  });
});

describe("placeEntry: growth and the §2.5 boundary guard", () => {
  const overflowing = buildContribution({ startAt: local("2026-03-27 10:50"), durationMinutes: 30 });

  test("growth allowed: the block grows at its end to hold the entry", () => {
    const placed = ok(placeEntry(event, block, overflowing, [], GROW));
    expect(placed.blockChange).toEqual({ newDurationMinutes: 140 });
    expect(placed.entry.startAt).toBe(local("2026-03-27 10:50"));
  });

  test("growth refused: a user who may not manage the block gets a message that says why", () => {
    const result = placeEntry(event, block, overflowing, [], NO_GROW);
    expect(codes(result)).toEqual(["block_growth_not_allowed"]);
    const message = (result as Refusal).problems[0]?.message ?? "";
    expect(message).toContain("2026-03-27 11:20");
    expect(message).toContain("2026-03-27 11:00");
    expect(message).toContain("may not manage");
  });

  test("growth never pushes a block past local midnight", () => {
    const evening = buildBlock({ startAt: local("2026-03-27 22:00"), durationMinutes: 60 });
    const late = buildContribution({ startAt: local("2026-03-27 22:50"), durationMinutes: 80 });
    expect(codes(placeEntry(event, evening, late, [], GROW))).toEqual(["crosses_day"]);
  });

  test("growth never pushes a block past the event end (the event itself never grows)", () => {
    const lastBlock = buildBlock({ startAt: local("2026-03-31 17:00"), durationMinutes: 60 });
    const late = buildContribution({ startAt: local("2026-03-31 17:50"), durationMinutes: 20 });
    expect(codes(placeEntry(event, lastBlock, late, [], GROW))).toEqual(["ends_after_event"]);
  });

  test("without the right and beyond the limits, every reason is given", () => {
    const lastBlock = buildBlock({ startAt: local("2026-03-31 17:00"), durationMinutes: 60 });
    const late = buildContribution({ startAt: local("2026-03-31 17:50"), durationMinutes: 20 });
    expect(codes(placeEntry(event, lastBlock, late, [], NO_GROW))).toEqual([
      "block_growth_not_allowed",
      "ends_after_event",
    ]);
  });

  test("growth never goes beyond 24 hours", () => {
    const autumn = { ...buildAutumnEvent(), startAt: local("2026-10-23 00:00") };
    const dayLong = buildBlock({ startAt: local("2026-10-25 00:00"), durationMinutes: 24 * 60 });
    const late = buildContribution({ startAt: local("2026-10-25 23:00"), durationMinutes: 30 });
    expect(codes(placeEntry(autumn, dayLong, late, [], GROW))).toEqual(["invalid_duration"]);
  });
});

describe("poster blocks", () => {
  const poster = buildBlock({
    id: "poster-1",
    isPoster: true,
    startAt: local("2026-03-27 14:00"),
    durationMinutes: 90,
  });

  test("a poster takes the block's start and duration, whatever was asked", () => {
    const asked = buildContribution({ blockId: null, startAt: local("2026-03-27 15:10"), durationMinutes: 20 });
    const placed = ok(placeEntry(event, poster, asked, [], NO_GROW));
    expect(placed.entry.startAt).toBe(poster.startAt);
    expect(placed.entry.durationMinutes).toBe(90);
    expect(placed.blockChange).toBeUndefined();
    expect(placed.parallelWith).toEqual([]);
  });

  test("a poster never makes its block grow, even for a user without block rights", () => {
    const long = buildContribution({ startAt: local("2026-03-27 15:20"), durationMinutes: 60 });
    expect(ok(placeEntry(event, poster, long, [], NO_GROW)).blockChange).toBeUndefined();
  });

  test("fit to content is refused in a poster block", () => {
    expect(codes(fitBlockToContent(event, poster, []))).toEqual(["poster_block"]);
  });

  test("a poster block carries its posters when moved, and they keep the block's times", () => {
    const posters = [buildContribution({ blockId: "poster-1", startAt: poster.startAt, durationMinutes: 90 })];
    const moved = ok(moveBlock(event, poster, posters, local("2026-03-28 10:00")));
    expect(moved.children[0]?.startAt).toBe(local("2026-03-28 10:00"));
    expect(moved.children[0]?.durationMinutes).toBe(90);
  });

  test("resizing a poster block resizes its posters instead of refusing", () => {
    const posters = [buildContribution({ blockId: "poster-1", startAt: poster.startAt, durationMinutes: 90 })];
    const resized = ok(resizeBlock(event, poster, posters, 45));
    expect(resized.block.durationMinutes).toBe(45);
    expect(resized.children[0]?.durationMinutes).toBe(45);
  });

  test("the default start of a poster is its block's start", () => {
    const posters = [buildContribution({ blockId: "poster-1", startAt: poster.startAt, durationMinutes: 90 })];
    expect(defaultStartInBlock(poster, posters)).toBe(poster.startAt);
  });
});

describe("fitBlockToContent", () => {
  const children: Entry[] = [
    buildContribution({ id: "a", startAt: local("2026-03-27 09:20"), durationMinutes: 20 }),
    buildBreak({ id: "b", blockId: "block-1", startAt: local("2026-03-27 09:40"), durationMinutes: 15 }),
  ];

  test("shrinks the block to its children: starts at the first, ends with the last; children stay", () => {
    const fitted = ok(fitBlockToContent(event, block, children));
    expect(fitted.changed).toBe(true);
    expect(wall(fitted.block.startAt)).toBe("2026-03-27 09:20");
    expect(fitted.block.durationMinutes).toBe(35);
  });

  test("reports no change when the block already fits", () => {
    const snug = buildBlock({ startAt: local("2026-03-27 09:20"), durationMinutes: 35 });
    expect(ok(fitBlockToContent(event, snug, children)).changed).toBe(false);
  });

  test("leaves an empty block as it is", () => {
    const fitted = ok(fitBlockToContent(event, block, []));
    expect(fitted.changed).toBe(false);
    expect(fitted.block).toBe(block);
  });

  test("spans a child that sticks out of its block (inconsistent input) only within the rules", () => {
    const outside = [buildContribution({ startAt: local("2026-03-27 23:50"), durationMinutes: 20 })];
    expect(codes(fitBlockToContent(event, block, outside))).toEqual(["crosses_day"]);
  });
});

describe("moveBlock", () => {
  const children: Entry[] = [
    buildContribution({ id: "a", startAt: local("2026-03-27 09:00") }),
    buildBreak({ id: "b", blockId: "block-1", startAt: local("2026-03-27 09:20"), durationMinutes: 10 }),
  ];

  test("moves a block later the same day, carrying its children by the same offset", () => {
    const moved = ok(moveBlock(event, block, children, local("2026-03-27 14:00")));
    expect(moved.offsetMinutes).toBe(300);
    expect(moved.children.map((child) => wall(child.startAt))).toEqual(["2026-03-27 14:00", "2026-03-27 14:20"]);
  });

  test("moves a block to another day with its children (indico.md §9.1, which Indico cannot do)", () => {
    const moved = ok(moveBlock(event, block, children, local("2026-03-30 11:00")));
    expect(wall(moved.block.startAt)).toBe("2026-03-30 11:00");
    expect(moved.children.map((child) => wall(child.startAt))).toEqual(["2026-03-30 11:00", "2026-03-30 11:20"]);
    expect(moved.children.map((child) => child.durationMinutes)).toEqual([20, 10]);
  });

  test("moves a block to the spring DST day at the same wall-clock time; children keep their local times", () => {
    const saturday = buildBlock({ startAt: local("2026-03-28 09:00") });
    const kids = [buildContribution({ id: "a", startAt: local("2026-03-28 09:30") })];
    const moved = ok(moveBlockToDay(event, saturday, kids, "2026-03-29"));
    expect(wall(moved.block.startAt)).toBe("2026-03-29 09:00");
    expect(moved.offsetMinutes).toBe(23 * 60);
    expect(wall(moved.children[0]?.startAt ?? "")).toBe("2026-03-29 09:30");
  });

  test("moving to the autumn DST day keeps wall-clock times too (offset 25 hours)", () => {
    const autumn = buildAutumnEvent();
    const saturday = buildBlock({ startAt: local("2026-10-24 09:00") });
    const moved = ok(moveBlockToDay(autumn, saturday, [], "2026-10-25"));
    expect(wall(moved.block.startAt)).toBe("2026-10-25 09:00");
    expect(moved.offsetMinutes).toBe(25 * 60);
  });

  test("a block at a time skipped by DST lands one hour later on that day", () => {
    const night = buildEvent({ startAt: local("2026-03-28 00:00") });
    const early = buildBlock({ startAt: local("2026-03-28 02:30"), durationMinutes: 30 });
    const moved = ok(moveBlockToDay(night, early, [], "2026-03-29"));
    expect(wall(moved.block.startAt)).toBe("2026-03-29 03:30");
  });

  test("refuses a move that leaves the event", () => {
    expect(codes(moveBlock(event, block, children, local("2026-03-27 08:00")))).toEqual(["starts_before_event"]);
    expect(codes(moveBlock(event, block, children, local("2026-03-31 17:00")))).toEqual(["ends_after_event"]);
    expect(codes(moveBlockToDay(event, block, children, "2026-04-01"))).toEqual(["ends_after_event"]);
  });

  test("refuses a move that crosses local midnight", () => {
    expect(codes(moveBlock(event, block, children, local("2026-03-27 23:00")))).toEqual(["crosses_day"]);
  });

  test("refuses a malformed new start or day", () => {
    expect(codes(moveBlock(event, block, children, "tomorrow"))).toEqual(["invalid_instant"]);
    expect(codes(moveBlockToDay(event, block, children, "30/03/2026"))).toEqual(["invalid_day"]);
  });
});

describe("resizeBlock", () => {
  const children = [buildContribution({ startAt: local("2026-03-27 10:00"), durationMinutes: 30 })];

  test("grows a block", () => {
    expect(ok(resizeBlock(event, block, children, 180)).block.durationMinutes).toBe(180);
  });

  test("shrinks a block down to its last child's end", () => {
    expect(ok(resizeBlock(event, block, children, 90)).block.durationMinutes).toBe(90);
  });

  test("cannot cut off children", () => {
    const result = resizeBlock(event, block, children, 89);
    expect(codes(result)).toEqual(["cuts_off_children"]);
    expect((result as Refusal).problems[0]?.message).toContain("10:30");
  });

  test("cannot cross local midnight or the event end", () => {
    const evening = buildBlock({ startAt: local("2026-03-27 23:00"), durationMinutes: 30 });
    const lastDay = buildBlock({ startAt: local("2026-03-31 17:00"), durationMinutes: 30 });
    expect(codes(resizeBlock(event, evening, [], 61))).toEqual(["crosses_day"]);
    expect(codes(resizeBlock(event, lastDay, [], 61))).toEqual(["ends_after_event"]);
  });

  test("refuses an invalid duration", () => {
    expect(codes(resizeBlock(event, block, [], 0))).toEqual(["invalid_duration"]);
  });
});

describe("defaults", () => {
  test("a block lasts 60 minutes and a break 20 by default", () => {
    expect(defaultDurationMinutes("block")).toBe(60);
    expect(defaultDurationMinutes("break")).toBe(20);
  });

  test("a contribution takes the session's default inside a block", () => {
    expect(
      defaultDurationMinutes("contribution", { sessionContributionMinutes: 45, eventContributionMinutes: 30 }),
    ).toBe(45);
  });

  test("a contribution takes the event's default elsewhere, 20 minutes when unset", () => {
    expect(defaultDurationMinutes("contribution", { eventContributionMinutes: 30 })).toBe(30);
    expect(
      defaultDurationMinutes("contribution", { sessionContributionMinutes: null, eventContributionMinutes: 30 }),
    ).toBe(30);
    expect(defaultDurationMinutes("contribution")).toBe(20);
  });

  test("a new entry in a block starts after its latest child, or at the block start", () => {
    expect(defaultStartInBlock(block, [])).toBe(block.startAt);
    const kids = [
      buildContribution({ id: "a", startAt: local("2026-03-27 09:30"), durationMinutes: 20 }),
      buildContribution({ id: "b", startAt: local("2026-03-27 09:00"), durationMinutes: 20 }),
    ];
    expect(wall(defaultStartInBlock(block, kids))).toBe("2026-03-27 09:50");
  });
});

describe("nextFreeStartOnDay (top level)", () => {
  test("on the event's first day, starts at the event start", () => {
    expect(wall(ok(nextFreeStartOnDay(event, "2026-03-27", [], 20)).startAt)).toBe("2026-03-27 09:00");
  });

  test("on later days, starts at 08:00 local, or after the day's last top-level item", () => {
    expect(wall(ok(nextFreeStartOnDay(event, "2026-03-28", [], 20)).startAt)).toBe("2026-03-28 08:00");
    const busy = [
      buildBlock({ startAt: local("2026-03-28 09:00"), durationMinutes: 90 }),
      buildBreak({ startAt: local("2026-03-28 11:00"), durationMinutes: 15 }),
      buildContribution({ blockId: "elsewhere", startAt: local("2026-03-28 15:00") }),
      buildBreak({ startAt: local("2026-03-29 12:00") }),
    ];
    expect(wall(ok(nextFreeStartOnDay(event, "2026-03-28", busy, 20)).startAt)).toBe("2026-03-28 11:15");
  });

  test("08:00 on the spring DST day is 08:00 local", () => {
    expect(wall(ok(nextFreeStartOnDay(event, "2026-03-29", [], 20)).startAt)).toBe("2026-03-29 08:00");
  });

  test("refuses when the entry would not fit before the event's end on its last day", () => {
    const busy = [buildBreak({ startAt: local("2026-03-31 17:00"), durationMinutes: 50 })];
    expect(codes(nextFreeStartOnDay(event, "2026-03-31", busy, 20))).toEqual(["no_free_time"]);
    expect(ok(nextFreeStartOnDay(event, "2026-03-31", busy, 10)).startAt).toBe(local("2026-03-31 17:50"));
  });

  test("refuses when the entry would not fit before midnight", () => {
    const busy = [buildBreak({ startAt: local("2026-03-28 23:30"), durationMinutes: 20 })];
    expect(codes(nextFreeStartOnDay(event, "2026-03-28", busy, 20))).toEqual(["no_free_time"]);
  });

  test("refuses a day outside the event or malformed", () => {
    expect(codes(nextFreeStartOnDay(event, "2026-04-01", [], 20))).toEqual(["invalid_day"]);
    expect(codes(nextFreeStartOnDay(event, "tomorrow", [], 20))).toEqual(["invalid_day"]);
  });
});

describe("§1.11 invariants, enforced at placement", () => {
  test("invariant 1: a top-level contribution never has a session", () => {
    const withSession = buildContribution({ blockId: null, startAt: local("2026-03-27 12:00") });
    expect(codes(placeEntry(event, null, withSession, [], GROW))).toEqual(["contribution_of_session_at_top_level"]);
  });

  test("invariant 2: a nested contribution belongs to its block's session", () => {
    expect(codes(placeEntry(event, block, buildContribution({ sessionId: "session-2" }), [], GROW))).toEqual([
      "contribution_of_other_session",
    ]);
    expect(codes(placeEntry(event, block, buildContribution({ sessionId: null }), [], GROW))).toEqual([
      "contribution_without_session_in_block",
    ]);
  });

  test("invariant 3: a child never starts before its block starts", () => {
    const early = buildBreak({ blockId: "block-1", startAt: local("2026-03-27 08:59") });
    expect(codes(placeEntry(event, block, early, [], GROW))).toEqual(["starts_before_block"]);
  });

  test("invariant 4: a child never ends after its block ends (the block grows, or the action is refused)", () => {
    const late = buildBreak({ blockId: "block-1", startAt: local("2026-03-27 10:50"), durationMinutes: 20 });
    expect(ok(placeEntry(event, block, late, [], GROW)).blockChange).toEqual({ newDurationMinutes: 130 });
    expect(codes(placeEntry(event, block, late, [], NO_GROW))).toEqual(["block_growth_not_allowed"]);
  });

  test("invariant 5: nothing starts before the event starts", () => {
    expect(codes(validateBlock(event, buildBlock({ startAt: local("2026-03-27 08:00") })))).toEqual([
      "starts_before_event",
    ]);
    expect(codes(placeEntry(event, null, buildBreak({ startAt: local("2026-03-26 12:00") }), [], GROW))).toEqual([
      "starts_before_event",
    ]);
  });

  test("invariant 6: nothing ends after the event ends", () => {
    const lastBlock = buildBlock({ startAt: local("2026-03-31 17:00"), durationMinutes: 61 });
    expect(codes(validateBlock(event, lastBlock))).toEqual(["ends_after_event"]);
    expect(codes(placeEntry(event, null, buildBreak({ startAt: local("2026-03-31 17:45") }), [], GROW))).toEqual([
      "ends_after_event",
    ]);
  });
});

describe("§8 quirks, done right", () => {
  test("quirk §8.3 (posters keep sequential stored times): a poster stores its block's start and duration", () => {
    const poster = buildBlock({ isPoster: true, durationMinutes: 60 });
    const first = ok(placeEntry(event, poster, buildContribution({ id: "p1" }), [], NO_GROW)).entry;
    const second = ok(
      placeEntry(event, poster, buildContribution({ id: "p2", startAt: local("2026-03-27 09:20") }), [first], NO_GROW),
    ).entry;
    expect([first.startAt, second.startAt]).toEqual([poster.startAt, poster.startAt]);
    expect([first.durationMinutes, second.durationMinutes]).toEqual([60, 60]);
  });

  test("quirk §8.5 (find_next_start_dt compares the UTC date of the event start with a local day): local days only", () => {
    // 20:00 in New York on 27 March is already 28 March in UTC.
    const newYork = "America/New_York";
    const evening = {
      startAt: local("2026-03-27 20:00", newYork),
      endAt: local("2026-03-29 18:00", newYork),
      timeZone: newYork,
    };
    expect(evening.startAt.slice(0, 10)).toBe("2026-03-28");
    const firstDay = ok(nextFreeStartOnDay(evening, "2026-03-27", [], 20)).startAt;
    const secondDay = ok(nextFreeStartOnDay(evening, "2026-03-28", [], 20)).startAt;
    expect(wall(firstDay, newYork)).toBe("2026-03-27 20:00");
    expect(wall(secondDay, newYork)).toBe("2026-03-28 08:00");
  });

  test("quirk §8.8 (breaks may last 0 minutes in the DB but not in forms): one rule, at least 1 minute", () => {
    const instant = buildBreak({ durationMinutes: 0 });
    expect(codes(placeEntry(event, null, instant, [], GROW))).toEqual(["invalid_duration"]);
    expect(codes(placeEntry(event, block, { ...instant, startAt: block.startAt }, [], GROW))).toEqual([
      "invalid_duration",
    ]);
    expect(ok(placeEntry(event, null, buildBreak({ durationMinutes: 1 }), [], GROW)).entry.durationMinutes).toBe(1);
  });
});

describe("becomePosterBlock", () => {
  test("gives every contribution the block's start and duration", () => {
    const children = [
      buildContribution({ id: "c1", startAt: local("2026-03-27 09:00"), durationMinutes: 20 }),
      buildContribution({ id: "c2", startAt: local("2026-03-27 09:20"), durationMinutes: 30 }),
    ];
    const result = ok(becomePosterBlock(event, block, children));
    expect(result.block.isPoster).toBe(true);
    expect(result.children.map((c) => [c.id, wall(c.startAt), c.durationMinutes])).toEqual([
      ["c1", "2026-03-27 09:00", 120],
      ["c2", "2026-03-27 09:00", 120],
    ]);
  });

  test("an empty block simply becomes a poster block", () => {
    expect(ok(becomePosterBlock(event, block, [])).children).toEqual([]);
  });

  test("is refused while a break sits inside the block, and says so in the event's zone", () => {
    const children = [
      buildContribution({ id: "c1" }),
      buildBreak({ id: "b1", blockId: block.id, startAt: local("2026-03-27 10:00") }),
    ];
    const result = becomePosterBlock(event, block, children);
    expect(codes(result)).toEqual(["break_in_poster_block"]);
    const problem = (result as Refusal).problems[0];
    expect(problem?.field).toBe("typeId");
    expect(problem?.message).toContain("2026-03-27 09:00 (Europe/Berlin)");
    expect(problem?.message).toContain("a break");
  });
});
