import { describe, expect, it } from "vitest";
import type { Contribution } from "../../../shared/schemas/conference-contributions";
import type {
  Break,
  SessionBlock,
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
} from "../../../shared/schemas/timetable";
import { currentId, requestOf, withCurrentIds } from "./timetable-editing";
import {
  blockHolding,
  blockTitle,
  undoOfBlockEdit,
  undoOfDeletedBlock,
  undoOfDeletedBreak,
  undoOfFit,
  undoOfNewBlock,
  undoOfNewBreak,
  undoOfReschedule,
  undoOfScheduled,
  undoOfUnschedule,
} from "./timetable-undo";

const ZONE = "Europe/Paris"; // +01:00 on 27 March 2026
const at = (utc: string) => `2026-03-27T${utc}:00.000Z`;
const colours = { text: "#202020", background: "#e3f2d3" };

const keynote: TimetableContribution = {
  kind: "contribution",
  id: "c1",
  title: "Keynote",
  startAt: at("08:15"),
  endAt: at("08:45"),
  startLocal: "",
  endLocal: "",
  durationMinutes: 30,
  sessionId: "s1",
  boardNumber: "",
  speakers: [],
};
const coffee: TimetableBreak = {
  kind: "break",
  id: "k1",
  title: "Coffee",
  startAt: at("08:45"),
  endAt: at("09:05"),
  startLocal: "",
  endLocal: "",
  durationMinutes: 20,
  colours,
};

const morning: TimetableBlock = {
  kind: "block",
  id: "b1",
  sessionId: "s1",
  sessionTitle: "Plenary",
  sessionCode: "",
  sessionType: null,
  title: "Morning talks",
  fullTitle: "Plenary: Morning talks",
  startAt: at("08:00"),
  endAt: at("09:30"),
  startLocal: "",
  endLocal: "",
  durationMinutes: 90,
  displayOrder: 2,
  isPoster: false,
  colours,
  location: { roomId: "r1", label: "Main hall", source: "block" },
  conveners: [{ name: "Dorothy Hodgkin", affiliation: "Oxford", email: "dorothy@example.com" }],
  materials: [],
  children: [keynote, coffee],
  column: 0,
  columns: 1,
  roomDoubleBooked: false,
};

/** The block as the server answers a change to it. */
function saved(change: Partial<SessionBlock> = {}): SessionBlock {
  return {
    id: morning.id,
    sessionId: morning.sessionId,
    title: morning.title,
    startAt: morning.startAt,
    endAt: morning.endAt,
    startLocal: "",
    endLocal: "",
    durationMinutes: morning.durationMinutes,
    displayOrder: morning.displayOrder,
    roomId: "r1",
    locationText: null,
    location: morning.location,
    conveners: morning.conveners,
    notices: [],
    ...change,
  };
}

describe("undo of the timetable's menus and dialogs", () => {
  it("names each change as the Undo button shows it", () => {
    const labels = [
      undoOfNewBlock(saved({ id: "b9" }), blockTitle("Plenary", "Morning talks"), ZONE).label,
      undoOfBlockEdit(morning, saved({ title: "Opening" }), ZONE)?.label,
      undoOfFit(morning, saved({ endAt: at("09:05"), durationMinutes: 65 }), ZONE)?.label,
      undoOfDeletedBlock(morning, ZONE).label,
      undoOfNewBreak({ ...coffee, blockId: "b1", notices: [] } satisfies Break, ZONE).label,
      undoOfDeletedBreak(coffee, morning, ZONE).label,
      undoOfUnschedule(keynote, morning, ZONE).label,
      undoOfScheduled({ id: "c1", title: "Keynote", startAt: at("08:15") } as Contribution, null, ZONE).label,
    ];
    expect(labels.map((l) => `Undo: ${l}`)).toEqual([
      "Undo: Added block “Plenary: Morning talks”",
      "Undo: Edited block “Plenary: Morning talks”",
      "Undo: Fitted “Plenary: Morning talks” to its content",
      "Undo: Deleted block “Plenary: Morning talks”",
      "Undo: Added break “Coffee”",
      "Undo: Deleted break “Coffee”",
      "Undo: Unscheduled “Keynote”",
      "Undo: Scheduled “Keynote”",
    ]);
    expect(blockTitle("Plenary", "")).toBe("Plenary");
  });

  it("takes back a new block by deleting it, on the day it was added", () => {
    expect(undoOfNewBlock(saved({ id: "b9", startAt: at("23:30") }), "Plenary", ZONE)).toEqual({
      label: "Added block “Plenary”",
      undo: [{ kind: "block-delete", blockId: "b9" }],
      day: "2026-03-28",
      id: null,
    });
    expect(requestOf({ kind: "block-delete", blockId: "b9" })).toEqual({ method: "DELETE", path: "/blocks/b9" });
  });

  it("makes a deleted block again as it was, with its contributions back in it and its breaks made again", () => {
    const step = undoOfDeletedBlock(morning, ZONE);
    expect(step.undo).toEqual([
      {
        kind: "block-create",
        sessionId: "s1",
        restores: "b1",
        input: {
          title: "Morning talks",
          startAt: at("08:00"),
          durationMinutes: 90,
          roomId: "r1",
          locationText: null,
          displayOrder: 2,
          conveners: [{ name: "Dorothy Hodgkin", affiliation: "Oxford", email: "dorothy@example.com" }],
        },
      },
      { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:15"), durationMinutes: 30 },
      {
        kind: "break-create",
        restores: "k1",
        input: { title: "Coffee", blockId: "b1", startAt: at("08:45"), durationMinutes: 20, colours },
      },
    ]);
    expect(requestOf(step.undo[0] as (typeof step.undo)[0]).path).toBe("/sessions/s1/blocks");
    expect(step.day).toBe("2026-03-27");
  });

  it("gives back only what an edit changed: the conveners (and their emails) stay when untouched", () => {
    const moved = undoOfBlockEdit(
      morning,
      saved({ title: "Opening", startAt: at("09:00"), locationText: "Foyer", roomId: null }),
      ZONE,
    );
    expect(moved?.undo).toEqual([
      {
        kind: "block-update",
        blockId: "b1",
        input: { title: "Morning talks", startAt: at("08:00"), roomId: "r1", locationText: null },
      },
    ]);
    const people = undoOfBlockEdit(morning, saved({ conveners: [] }), ZONE);
    expect(people?.undo).toEqual([{ kind: "block-update", blockId: "b1", input: { conveners: morning.conveners } }]);
    expect(undoOfBlockEdit(morning, saved(), ZONE)).toBeNull();
  });

  it("undoes Fit to content: the block's times back, and its contents where they were when its start moved", () => {
    const endOnly = undoOfFit(morning, saved({ durationMinutes: 65 }), ZONE);
    expect(endOnly?.undo).toEqual([{ kind: "block-time", blockId: "b1", startAt: at("08:00"), durationMinutes: 90 }]);
    const startToo = undoOfFit(morning, saved({ startAt: at("08:15"), durationMinutes: 50 }), ZONE);
    expect(startToo?.undo).toEqual([
      { kind: "block-time", blockId: "b1", startAt: at("08:00"), durationMinutes: 90 },
      { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:15"), durationMinutes: 30 },
      { kind: "break-time", id: "k1", blockId: "b1", startAt: at("08:45"), durationMinutes: 20 },
    ]);
    expect(undoOfFit(morning, saved(), ZONE)).toBeNull();
  });

  it("puts breaks and contributions back where they were, and takes back scheduling with the dialog", () => {
    expect(undoOfDeletedBreak(coffee, null, ZONE).undo).toEqual([
      {
        kind: "break-create",
        restores: "k1",
        input: { title: "Coffee", blockId: null, startAt: at("08:45"), durationMinutes: 20, colours },
      },
    ]);
    expect(undoOfNewBreak({ ...coffee, blockId: null, notices: [] }, ZONE).undo).toEqual([
      { kind: "break-delete", id: "k1" },
    ]);
    expect(undoOfUnschedule(keynote, blockHolding([morning], "c1"), ZONE).undo).toEqual([
      { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:15"), durationMinutes: 30 },
    ]);
    expect(blockHolding([morning], "elsewhere")).toBeNull();
    const scheduled = { id: "c2", title: "Poster", startAt: at("09:10") } as Contribution;
    expect(undoOfScheduled(scheduled, morning, ZONE).undo).toEqual([
      { kind: "unschedule", id: "c2" },
      { kind: "block-time", blockId: "b1", startAt: at("08:00"), durationMinutes: 90 },
    ]);
  });
});

describe("ids after undo made a block or break again", () => {
  const aliases = new Map([
    ["b1", "b2"],
    ["b2", "b3"],
    ["k1", "k2"],
  ]);

  it("follows a block to the id it has now", () => {
    expect(currentId("b1", aliases)).toBe("b3");
    expect(currentId("c1", aliases)).toBe("c1");
  });

  it("brings every id a change names up to date", () => {
    expect(
      withCurrentIds(
        { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:15"), durationMinutes: 30 },
        aliases,
      ),
    ).toEqual({ kind: "contribution-time", id: "c1", blockId: "b3", startAt: at("08:15"), durationMinutes: 30 });
    expect(withCurrentIds({ kind: "parallel-order", blockIds: ["b0", "b1"] }, aliases)).toEqual({
      kind: "parallel-order",
      blockIds: ["b0", "b3"],
    });
    expect(withCurrentIds({ kind: "break-delete", id: "k1" }, aliases)).toEqual({ kind: "break-delete", id: "k2" });
    expect(
      withCurrentIds({ kind: "break-create", restores: "k9", input: { title: "Tea", blockId: "b2" } }, aliases),
    ).toEqual({ kind: "break-create", restores: "k9", input: { title: "Tea", blockId: "b3" } });
    expect(
      withCurrentIds(
        { kind: "break-time", id: "k1", blockId: null, startAt: at("10:00"), durationMinutes: 5 },
        aliases,
      ),
    ).toEqual({ kind: "break-time", id: "k2", blockId: null, startAt: at("10:00"), durationMinutes: 5 });
  });
});

describe("undo of a reschedule", () => {
  it("gives a block back its times, then each of its entries", () => {
    expect(undoOfReschedule({ kind: "block", block: morning }, ZONE)).toEqual({
      label: "Rescheduled “Plenary: Morning talks”",
      undo: [
        { kind: "block-time", blockId: "b1", startAt: at("08:00"), durationMinutes: 90 },
        { kind: "contribution-time", id: "c1", blockId: "b1", startAt: at("08:15"), durationMinutes: 30 },
        { kind: "break-time", id: "k1", blockId: "b1", startAt: at("08:45"), durationMinutes: 20 },
      ],
      day: "2026-03-27",
      id: "b1",
    });
  });

  it("gives a day's top-level entries back their times; blocks carry their entries with them", () => {
    const lunch = { ...coffee, id: "k2", title: "Lunch", column: 0, columns: 1, roomDoubleBooked: false };
    const step = undoOfReschedule(
      { kind: "entries", label: "Fri 27 Mar", day: "2026-03-27", entries: [morning, lunch] },
      ZONE,
    );
    expect(step.label).toBe("Rescheduled Fri 27 Mar");
    expect(step.undo).toEqual([
      { kind: "block-time", blockId: "b1", startAt: at("08:00"), durationMinutes: 90 },
      { kind: "break-time", id: "k2", blockId: null, startAt: at("08:45"), durationMinutes: 20 },
    ]);
  });
});
