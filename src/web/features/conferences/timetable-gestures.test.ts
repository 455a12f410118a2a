import { describe, expect, it } from "vitest";
import type { TimetableBlock, TimetableContribution } from "../../../shared/schemas/timetable";
import { NO_DRAFT } from "./timetable-editing";
import {
  announceDraft,
  beforeOfBlock,
  beforeOfChild,
  blockMovedInto,
  changeFromTimeForm,
  dayAfter,
  draftForKey,
  labelOfKeyChange,
  type Place,
  placeOptions,
  placesOf,
  previewOf,
  proposalOfDrag,
  refusalInto,
  reorderOf,
  TOP_LEVEL,
  targetOf,
  targetOfUnscheduled,
} from "./timetable-gestures";

const ZONE = "Europe/Berlin"; // +01:00 on 27 March 2026
const at = (utc: string) => `2026-03-27T${utc}:00.000Z`;

function buildBlock(id: string, from: string, to: string, extra: Partial<TimetableBlock> = {}): TimetableBlock {
  return {
    kind: "block",
    id,
    sessionId: "s1",
    sessionTitle: "Crystals",
    sessionCode: "",
    sessionType: null,
    title: "",
    fullTitle: `Crystals ${id}`,
    startAt: at(from),
    endAt: at(to),
    startLocal: "",
    endLocal: "",
    durationMinutes: 0,
    displayOrder: 0,
    isPoster: false,
    colours: { text: "#000", background: "#fff" },
    location: null,
    conveners: [],
    materials: [],
    children: [],
    column: 0,
    columns: 1,
    roomDoubleBooked: false,
    ...extra,
  };
}

const talk: TimetableContribution = {
  kind: "contribution",
  id: "c1",
  title: "Seed crystals",
  startAt: at("08:00"),
  endAt: at("08:20"),
  startLocal: "",
  endLocal: "",
  durationMinutes: 20,
  sessionId: "s1",
  boardNumber: "",
  speakers: [],
};

const morning = buildBlock("b1", "08:00", "09:30"); // 09:00–10:30 in Berlin
const afternoon = buildBlock("b2", "13:00", "14:00");
const talkInMorning = targetOf(beforeOfChild(talk, morning), talk.title, beforeOfBlock(morning), "2026-03-27");
const blockTarget = targetOf(beforeOfBlock(morning), morning.fullTitle, null, "2026-03-27");
const restoreAll = (id: string) =>
  id === "b2" ? beforeOfBlock(afternoon) : id === "b1" ? beforeOfBlock(morning) : null;

describe("targets", () => {
  it("take their length from their times; an unscheduled contribution its own", () => {
    expect(talkInMorning.durationMinutes).toBe(20);
    expect(talkInMorning.before).toEqual({
      kind: "contribution",
      id: "c1",
      blockId: "b1",
      startAt: talk.startAt,
      endAt: talk.endAt,
    });
    expect(
      targetOfUnscheduled({ id: "c2", title: "Growth", durationMinutes: 45, sessionId: "s1" }, "2026-03-27"),
    ).toEqual({
      before: { kind: "unscheduled-contribution", id: "c2" },
      parent: null,
      title: "Growth",
      day: "2026-03-27",
      durationMinutes: 45,
      sessionId: "s1",
    });
  });

  it("the editor follows a block taken to another day, or a top-level entry; not an entry inside a block", () => {
    expect(dayAfter({ kind: "block-day", blockId: "b1", day: "2026-03-28" }, ZONE, "2026-03-27")).toBe("2026-03-28");
    const lateNight = { startAt: "2026-03-27T23:30:00.000Z", durationMinutes: 20 }; // 00:30 on the 28th in Berlin
    expect(dayAfter({ kind: "contribution-time", id: "c1", blockId: null, ...lateNight }, ZONE, "2026-03-27")).toBe(
      "2026-03-28",
    );
    expect(dayAfter({ kind: "contribution-time", id: "c1", blockId: "b1", ...lateNight }, ZONE, "2026-03-27")).toBe(
      "2026-03-27",
    );
    expect(dayAfter({ kind: "parallel-order", blockIds: ["b1"] }, ZONE, "2026-03-27")).toBe("2026-03-27");
  });
});

describe("a drag let go", () => {
  const rules = { topLevel: false, restorable: restoreAll, refusalInto: () => null };
  const unscheduled = targetOfUnscheduled(
    { id: "c2", title: "Growth", durationMinutes: 45, sessionId: "s1" },
    "2026-03-27",
  );

  it("drops an unscheduled contribution into a block; undo unschedules it and gives the block back its times", () => {
    const drop = { blockId: "b1", startMs: Date.parse(at("08:30")) };
    expect(proposalOfDrag({ target: unscheduled, mode: "drop", draft: NO_DRAFT }, drop, rules)).toEqual({
      change: { kind: "contribution-time", id: "c2", blockId: "b1", startAt: at("08:30"), durationMinutes: 45 },
      what: "Scheduled “Growth”",
      draft: NO_DRAFT,
      undo: [
        { kind: "unschedule", id: "c2" },
        { kind: "block-time", blockId: "b1", startAt: morning.startAt, durationMinutes: 90 },
      ],
    });
  });

  it("refuses a drop off the grid, or outside blocks for those who only schedule inside them", () => {
    const end = { target: unscheduled, mode: "drop" as const, draft: NO_DRAFT };
    expect(proposalOfDrag(end, null, rules)).toEqual({
      refusal: { what: "Schedule “Growth”", reason: "drop it on the timetable of a day." },
    });
    const outside = { blockId: null, startMs: Date.parse(at("12:00")) };
    expect(proposalOfDrag(end, outside, rules)).toEqual({
      refusal: { what: "Schedule “Growth”", reason: "drop it into one of its session's blocks." },
    });
    expect(proposalOfDrag(end, outside, { ...rules, topLevel: true })).toMatchObject({
      change: { blockId: null, startAt: at("12:00") },
      undo: [{ kind: "unschedule", id: "c2" }],
    });
  });

  it("takes a block dropped on another day's tab there, at the same time", () => {
    const end = { target: blockTarget, mode: "move" as const, draft: NO_DRAFT, overDay: "2026-03-28" };
    expect(proposalOfDrag(end, null, rules)).toEqual({
      change: { kind: "block-day", blockId: "b1", day: "2026-03-28" },
      what: "Moved “Crystals b1” to Sat 28 Mar 2026",
      draft: NO_DRAFT,
    });
    // Over its own day's tab, the drag is an ordinary move.
    const same = { ...end, overDay: "2026-03-27", draft: { moveMinutes: 10, resizeMinutes: 0 } };
    expect(proposalOfDrag(same, null, rules)).toMatchObject({
      change: { kind: "block-time" },
      what: "Moved “Crystals b1”",
    });
  });

  it("moves or resizes by the draft, and nothing when the draft comes back", () => {
    const resize = { target: talkInMorning, mode: "resize" as const, draft: { moveMinutes: 0, resizeMinutes: 10 } };
    expect(proposalOfDrag(resize, null, rules)).toEqual({
      change: { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:00"), durationMinutes: 30 },
      what: "Resized “Seed crystals”",
      draft: resize.draft,
      undo: undefined,
    });
    expect(proposalOfDrag({ ...resize, draft: { moveMinutes: 2, resizeMinutes: 0 } }, null, rules)).toBeNull();
  });

  it("moves an entry dropped over another block into it; undo gives that block back its times", () => {
    const end = {
      target: talkInMorning,
      mode: "move" as const,
      draft: { moveMinutes: 300, resizeMinutes: 0 },
      overBlockId: "b2",
    };
    expect(proposalOfDrag(end, null, rules)).toEqual({
      change: { kind: "contribution-time", id: "c1", blockId: "b2", startAt: at("13:00"), durationMinutes: 20 },
      what: "Moved “Seed crystals”",
      draft: end.draft,
      undo: [
        { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:00"), durationMinutes: 20 },
        { kind: "block-time", blockId: "b2", startAt: afternoon.startAt, durationMinutes: 60 },
      ],
    });
    // Over its own block, or resizing: it stays in its block.
    expect(proposalOfDrag({ ...end, overBlockId: "b1" }, null, rules)).toMatchObject({ change: { blockId: "b1" } });
  });

  it("moves an entry moved only sideways over another block into it at the same time", () => {
    const end = { target: talkInMorning, mode: "move" as const, draft: NO_DRAFT, overBlockId: "b2" };
    expect(proposalOfDrag(end, null, rules)).toMatchObject({
      change: { kind: "contribution-time", id: "c1", blockId: "b2", startAt: at("08:00"), durationMinutes: 20 },
      what: "Moved “Seed crystals”",
    });
  });

  it("does not send a drop into a block that would refuse it, and says why", () => {
    const refusing = { ...rules, refusalInto: (id: string) => (id === "b2" ? "not this one." : null) };
    const move = {
      target: talkInMorning,
      mode: "move" as const,
      draft: { moveMinutes: 300, resizeMinutes: 0 },
      overBlockId: "b2",
    };
    expect(proposalOfDrag(move, null, refusing)).toEqual({
      refusal: { what: "Move “Seed crystals”", reason: "not this one." },
    });
    const drop = { target: unscheduled, mode: "drop" as const, draft: NO_DRAFT };
    expect(proposalOfDrag(drop, { blockId: "b2", startMs: Date.parse(at("13:00")) }, refusing)).toEqual({
      refusal: { what: "Schedule “Growth”", reason: "not this one." },
    });
    expect(proposalOfDrag(drop, { blockId: "b1", startMs: Date.parse(at("08:30")) }, refusing)).toMatchObject({
      change: { blockId: "b1" },
    });
  });
});

describe("what a block refuses, said while an entry is held over it", () => {
  const ofSession = (sessionId: string | null) =>
    targetOfUnscheduled({ id: "c9", title: "Talk", durationMinutes: 20, sessionId }, "2026-03-27");
  const talks = { sessionId: "s1", fullTitle: "Crystals", isPoster: false };
  const posters = { sessionId: "s1", fullTitle: "Posters", isPoster: true };
  const coffeeBreak = targetOf(
    { kind: "break", id: "k1", blockId: null, startAt: at("10:00"), endAt: at("10:20") },
    "Coffee",
    null,
    "2026-03-27",
  );

  it("takes a contribution of its own session, and a break unless it is a poster block", () => {
    expect(refusalInto(ofSession("s1"), talks, true)).toBeNull();
    expect(refusalInto(ofSession("s1"), posters, true)).toBeNull();
    expect(refusalInto(coffeeBreak, talks, true)).toBeNull();
    expect(refusalInto(coffeeBreak, posters, true)).toBe("a break cannot go into a poster block.");
  });

  it("refuses another session's contribution, one without a session, and anything where the person may not schedule", () => {
    expect(refusalInto(ofSession("s2"), talks, true)).toBe(
      "it belongs to another session; “Crystals” takes only its own session's contributions.",
    );
    expect(refusalInto(ofSession(null), talks, true)).toBe(
      "a contribution without a session goes outside session blocks.",
    );
    expect(refusalInto(ofSession("s1"), talks, false)).toBe("you may not schedule into “Crystals”.");
    // A block is never dropped into another; its own moves are not refused here.
    expect(refusalInto(blockTarget, talks, false)).toBeNull();
  });
});

describe("keyboard drafts", () => {
  const days = ["2026-03-27", "2026-03-28", "2026-03-29"];
  const where = { days, day: "2026-03-28", mayChangeDay: true };
  const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

  it("↑/↓ move by 5 minutes, with Shift resize", () => {
    expect(draftForKey(key("ArrowDown"), NO_DRAFT, where)).toEqual({ moveMinutes: 5, resizeMinutes: 0 });
    expect(draftForKey(key("ArrowUp"), { moveMinutes: 5, resizeMinutes: 0 }, where)).toEqual({
      moveMinutes: 0,
      resizeMinutes: 0,
    });
    expect(draftForKey(key("ArrowUp", true), NO_DRAFT, where)).toEqual({ moveMinutes: 0, resizeMinutes: -5 });
  });

  it("←/→ take a block to the day before or after while its times are unchanged, back home without a day", () => {
    expect(draftForKey(key("ArrowRight"), NO_DRAFT, where)).toEqual({
      moveMinutes: 0,
      resizeMinutes: 0,
      day: "2026-03-29",
    });
    expect(draftForKey(key("ArrowLeft"), { moveMinutes: 0, resizeMinutes: 0, day: "2026-03-29" }, where)).toEqual({
      moveMinutes: 0,
      resizeMinutes: 0,
      day: undefined,
    });
    expect(draftForKey(key("ArrowRight"), { moveMinutes: 0, resizeMinutes: 0, day: "2026-03-29" }, where)).toBeNull();
    expect(draftForKey(key("ArrowRight"), { moveMinutes: 5, resizeMinutes: 0 }, where)).toBeNull();
    expect(draftForKey(key("ArrowRight"), NO_DRAFT, { ...where, mayChangeDay: false })).toBeNull();
  });

  it("a block on its way to another day is neither moved nor resized; other keys do nothing", () => {
    expect(draftForKey(key("ArrowDown"), { moveMinutes: 0, resizeMinutes: 0, day: "2026-03-29" }, where)).toBeNull();
    expect(draftForKey(key("a"), NO_DRAFT, where)).toBeNull();
  });

  it("names the change as the person made it", () => {
    const time = { kind: "block-time" as const, blockId: "b1", startAt: at("08:00"), durationMinutes: 30 };
    expect(labelOfKeyChange(time, { moveMinutes: 0, resizeMinutes: 10 }, "Talk")).toBe("Resized “Talk”");
    expect(labelOfKeyChange(time, { moveMinutes: 5, resizeMinutes: 10 }, "Talk")).toBe("Moved “Talk”");
    expect(labelOfKeyChange({ kind: "block-day", blockId: "b1", day: "2026-03-28" }, NO_DRAFT, "Talk")).toBe(
      "Moved “Talk” to Sat 28 Mar 2026",
    );
  });

  it("shows and announces the drafted times in the event's zone, with what they would change", () => {
    const event = { startAt: at("07:00"), endAt: at("17:00") };
    const later = previewOf(talk, { moveMinutes: 80, resizeMinutes: 0 }, { event, block: morning, zone: ZONE });
    expect(later).toEqual({ times: "10:20–10:40", hints: ["its block grows to 10:40"] });
    expect(announceDraft("Seed crystals", { moveMinutes: 80, resizeMinutes: 0 }, later)).toBe(
      "Seed crystals: 10:20–10:40 (its block grows to 10:40). Enter saves, Escape cancels.",
    );
    const elsewhere = { moveMinutes: 0, resizeMinutes: 0, day: "2026-03-28" };
    const moved = previewOf(morning, elsewhere, { event, block: null, zone: ZONE });
    expect(announceDraft("Crystals b1", elsewhere, moved)).toBe(
      "Crystals b1: Sat 28 Mar 2026, 09:00–10:30. Enter saves, Escape cancels.",
    );
  });
});

describe("the exact-time form", () => {
  const poster = buildBlock("p1", "13:00", "15:00", { isPoster: true, fullTitle: "Posters" });
  const places: Place[] = placesOf([morning, poster], ZONE);
  const startLocal = "2026-03-27T09:00";
  const form = { day: "2026-03-27", start: "09:00", duration: 20 as number | string, blockId: "b1" as string | null };

  it("offers the blocks by name, day and times; breaks not into poster blocks; blocks nowhere", () => {
    expect(places[0]).toEqual({
      blockId: "b1",
      day: "2026-03-27",
      isPoster: false,
      label: "Crystals b1, Fri 27 Mar 09:00–10:30",
    });
    expect(placeOptions("contribution", places, true).map((o) => o.value)).toEqual([TOP_LEVEL, "b1", "p1"]);
    expect(placeOptions("break", places, false).map((o) => o.value)).toEqual(["b1"]);
    expect(placeOptions("block", places, true)).toEqual([]);
  });

  it("keeps the same instant when the wall-clock time is unchanged (the second 02:30 of an autumn night)", () => {
    const second = "2026-10-25T01:30:00.000Z"; // 02:30 CET, after 02:30 CEST
    const before = {
      kind: "break" as const,
      id: "k1",
      blockId: null,
      startAt: second,
      endAt: "2026-10-25T01:45:00.000Z",
    };
    const autumn = { day: "2026-10-25", start: "02:30", duration: 15, blockId: null };
    expect(changeFromTimeForm(before, autumn, { zone: ZONE, startLocal: "2026-10-25T02:30" })).toEqual({
      change: { kind: "break-time", id: "k1", blockId: null, startAt: second, durationMinutes: 15 },
      errors: {},
    });
    // Typed anew, the wall-clock time is the first one.
    expect(changeFromTimeForm(before, autumn, { zone: ZONE, startLocal: "2026-10-25T03:00" }).change).toMatchObject({
      startAt: "2026-10-25T00:30:00.000Z",
    });
  });

  it("reads a new start in the event's zone, for blocks, contributions and breaks", () => {
    const next = { ...form, start: "09:30", duration: 45 };
    expect(changeFromTimeForm(beforeOfBlock(morning), next, { zone: ZONE, startLocal }).change).toEqual({
      kind: "block-time",
      blockId: "b1",
      startAt: at("08:30"),
      durationMinutes: 45,
    });
    const pause = { kind: "break" as const, id: "k1", blockId: null, startAt: at("08:00"), endAt: at("08:15") };
    expect(changeFromTimeForm(pause, { ...next, blockId: null }, { zone: ZONE, startLocal }).change).toEqual({
      kind: "break-time",
      id: "k1",
      blockId: null,
      startAt: at("08:30"),
      durationMinutes: 45,
    });
  });

  it("names a start the zone skips and a duration out of range", () => {
    const spring = { ...form, day: "2026-03-29", start: "02:30", duration: "" };
    expect(changeFromTimeForm(beforeOfBlock(morning), spring, { zone: ZONE, startLocal })).toEqual({
      change: null,
      errors: {
        start: "Start must be a time of the day such as 09:30 that exists in Europe/Berlin",
        duration: "Duration must be 1 to 1440 minutes",
      },
    });
    expect(changeFromTimeForm(beforeOfBlock(morning), { ...form, duration: 1441 }, { zone: ZONE, startLocal })).toEqual(
      { change: null, errors: { duration: "Duration must be 1 to 1440 minutes" } },
    );
  });

  it("knows when a change takes an entry into another block", () => {
    const change = { kind: "contribution-time" as const, id: "c1", startAt: at("13:00"), durationMinutes: 20 };
    expect(blockMovedInto({ ...change, blockId: "b2" }, talkInMorning.before)).toBe("b2");
    expect(blockMovedInto({ ...change, blockId: "b1" }, talkInMorning.before)).toBeNull();
    expect(blockMovedInto({ ...change, blockId: null }, talkInMorning.before)).toBeNull();
    expect(blockMovedInto({ ...change, blockId: "b2" }, beforeOfBlock(morning))).toBeNull();
  });
});

describe("parallel order by menu", () => {
  const left = buildBlock("a", "08:00", "09:00", { column: 0, columns: 2 });
  const right = buildBlock("b", "08:00", "09:00", { column: 1, columns: 2 });

  it("swaps a block with its neighbour, and undoes by the order before", () => {
    expect(reorderOf([left, right], "b", "left")).toEqual({
      change: { kind: "parallel-order", blockIds: ["b", "a"] },
      undo: { kind: "parallel-order", blockIds: ["a", "b"] },
    });
    expect(reorderOf([left, right], "b", "right")).toBeNull();
  });
});
