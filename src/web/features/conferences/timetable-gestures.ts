import type {
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../shared/schemas/timetable";
import { clockIn, clockRangeIn, dayLabel, instantToLocal, joinLocal, localToInstant } from "./local-time";
import {
  applyDraft,
  changeFromDraft,
  type Draft,
  draftHints,
  type EntryBefore,
  isoOf,
  minutesBetween,
  moveInOrder,
  NO_DRAFT,
  parallelBlocks,
  SNAP_MINUTES,
  snap,
  type Timed,
  type TimetableChange,
  undoOf,
} from "./timetable-editing";

/**
 * What the editor's gestures propose, free of React and the DOM: a drag let go, an arrow key pressed on a handle,
 * the exact-time form sent, a block moved left or right. Each becomes one change with its label and its undo; the
 * server decides.
 */

type BlockBefore = Extract<EntryBefore, { kind: "block" }>;

/** What is being changed: an entry of the timetable (with its block), or an unscheduled contribution. */
export interface Target {
  before: EntryBefore;
  /** Its block as it was, kept only when the person may give the block back its times (undo). */
  parent: BlockBefore | null;
  title: string;
  day: string;
  durationMinutes: number;
  /** A contribution's session (null: it has none), which decides the blocks it may go into. */
  sessionId?: string | null;
}

/** A change to send: what the person is told it did, the draft shown meanwhile, and its undo when not the usual. */
interface Proposal {
  change: TimetableChange;
  what: string;
  draft: Draft;
  undo?: TimetableChange[];
}

/** A change the editor will not send, and why. */
export interface Refusal {
  what: string;
  reason: string;
}

export const beforeOfBlock = (b: TimetableBlock): BlockBefore => ({
  kind: "block",
  id: b.id,
  startAt: b.startAt,
  endAt: b.endAt,
});

/** A top-level entry as it is before a change. */
export function beforeOfTop(entry: TimetableTopEntry): EntryBefore {
  if (entry.kind === "block") return beforeOfBlock(entry);
  return { kind: entry.kind, id: entry.id, blockId: null, startAt: entry.startAt, endAt: entry.endAt };
}

/** A contribution or break inside `block` as it is before a change. */
export function beforeOfChild(child: TimetableContribution | TimetableBreak, block: TimetableBlock): EntryBefore {
  return { kind: child.kind, id: child.id, blockId: block.id, startAt: child.startAt, endAt: child.endAt };
}

/** The target of a change; `parent` is the block to give back its times on undo, when the person may. */
export function targetOf(
  before: EntryBefore,
  title: string,
  parent: BlockBefore | null,
  day: string,
  sessionId?: string | null,
): Target {
  return {
    before,
    parent,
    title,
    day,
    durationMinutes: "startAt" in before ? minutesBetween(before.startAt, before.endAt) : 0,
    ...(sessionId !== undefined ? { sessionId } : {}),
  };
}

/** An unscheduled contribution taken from the list beside the grid, to be dropped on `day`. */
export function targetOfUnscheduled(
  c: { id: string; title: string; durationMinutes: number; sessionId: string | null },
  day: string,
): Target {
  return {
    before: { kind: "unscheduled-contribution", id: c.id },
    parent: null,
    title: c.title,
    day,
    durationMinutes: c.durationMinutes,
    sessionId: c.sessionId,
  };
}

/**
 * Why what is held may not go into `block`, said while it is over it, before the drop (the server's placement
 * rules, conferences.md "Session blocks and the timetable"): a contribution only into its own session's blocks,
 * no contribution without a session in any block, no break in a poster block, nothing where the person may not
 * schedule. Null when it may; the server decides in the end.
 */
export function refusalInto(
  target: Target,
  block: { sessionId: string; fullTitle: string; isPoster: boolean },
  mayInside: boolean,
): string | null {
  const { kind } = target.before;
  if (kind === "block") return null;
  if (!mayInside) return `you may not schedule into “${block.fullTitle}”.`;
  if (kind === "break") return block.isPoster ? "a break cannot go into a poster block." : null;
  if (target.sessionId === null) return "a contribution without a session goes outside session blocks.";
  if (target.sessionId !== undefined && target.sessionId !== block.sessionId)
    return `it belongs to another session; “${block.fullTitle}” takes only its own session's contributions.`;
  return null;
}

/**
 * The day the editor shows after a change: a block taken to another day, or a contribution or break now at the
 * top level of another day, is followed there. (A block given a time on another day by `block-time` is not:
 * its `blockId` is its own id.)
 */
export function dayAfter(change: TimetableChange, zone: string, day: string): string {
  if (change.kind === "block-day") return change.day;
  if ("startAt" in change && !("blockId" in change && change.blockId))
    return instantToLocal(change.startAt, zone).slice(0, 10);
  return day;
}

// ------------------------------------------------------------------------------------------------ drag

/** A pointer drag let go: what it held and how, and what it was over. */
export interface DragEnd {
  target: Target;
  mode: "move" | "resize" | "drop";
  draft: Draft;
  /** A day's tab under the pointer (blocks only). */
  overDay?: string;
  /** A block under the pointer (what can go into one only). */
  overBlockId?: string;
}

/** Where an unscheduled contribution was dropped: into a block, or at the day's top level (blockId null). */
export interface DropPlace {
  blockId: string | null;
  startMs: number;
}

/**
 * What letting go of a drag proposes. An unscheduled contribution goes where it was dropped (into a block unless
 * the person places entries outside blocks); a block dropped on another day's tab goes there at the same time;
 * an entry dropped over another block goes into it. `restorable` gives a block as it is, when the person may
 * give it back its times: undo does so in case it grew to take the entry.
 */
export function proposalOfDrag(
  end: DragEnd,
  drop: DropPlace | null,
  rules: {
    topLevel: boolean;
    restorable(blockId: string): BlockBefore | null;
    /** Why the target may not go into this block (refusalInto), null when it may. */
    refusalInto(blockId: string): string | null;
  },
): Proposal | { refusal: Refusal } | null {
  const { target } = end;
  if (end.mode === "drop") {
    const what = `Schedule “${target.title}”`;
    if (!drop) return { refusal: { what, reason: "drop it on the timetable of a day." } };
    if (!drop.blockId && !rules.topLevel)
      return { refusal: { what, reason: "drop it into one of its session's blocks." } };
    const refused = drop.blockId ? rules.refusalInto(drop.blockId) : null;
    if (refused) return { refusal: { what, reason: refused } };
    return {
      change: {
        kind: "contribution-time",
        id: target.before.id,
        blockId: drop.blockId,
        startAt: isoOf(drop.startMs),
        durationMinutes: target.durationMinutes,
      },
      what: `Scheduled “${target.title}”`,
      draft: NO_DRAFT,
      undo: undoOf(target.before, drop.blockId ? rules.restorable(drop.blockId) : null),
    };
  }
  if (target.before.kind === "block" && end.overDay && end.overDay !== target.day) {
    return {
      change: { kind: "block-day", blockId: target.before.id, day: end.overDay },
      what: `Moved “${target.title}” to ${dayLabel(end.overDay)}`,
      draft: NO_DRAFT,
    };
  }
  let change = changeFromDraft(target.before, end.draft);
  let undo: TimetableChange[] | undefined;
  const { before } = target;
  // Over another block, an entry of a block goes into it (at the same time when only moved sideways).
  if (
    end.mode === "move" &&
    (before.kind === "contribution" || before.kind === "break") &&
    before.blockId !== null &&
    end.overBlockId &&
    end.overBlockId !== before.blockId
  ) {
    const refused = rules.refusalInto(end.overBlockId);
    if (refused) return { refusal: { what: `Move “${target.title}”`, reason: refused } };
    const times = change && "startAt" in change ? change : before;
    change = {
      kind: before.kind === "contribution" ? "contribution-time" : "break-time",
      id: before.id,
      blockId: end.overBlockId,
      startAt: times.startAt,
      durationMinutes:
        "durationMinutes" in times ? times.durationMinutes : minutesBetween(before.startAt, before.endAt),
    };
    undo = undoOf(before, rules.restorable(end.overBlockId));
  }
  if (!change) return null;
  return {
    change,
    what: `${end.mode === "resize" ? "Resized" : "Moved"} “${target.title}”`,
    draft: end.draft,
    undo,
  };
}

// ------------------------------------------------------------------------------------------------ keyboard

/**
 * The draft an arrow key makes of the current one, or null when the key does nothing here. ↑/↓ move by 5
 * minutes, with Shift resize; ←/→ take a block (`mayChangeDay`) to the previous or next day of `days`, only while
 * its times are unchanged, and a block on its way to another day is neither moved nor resized.
 */
export function draftForKey(
  key: { key: string; shiftKey: boolean },
  active: Draft,
  where: { days: readonly string[]; day: string; mayChangeDay: boolean },
): Draft | null {
  switch (key.key) {
    case "ArrowUp":
    case "ArrowDown": {
      const delta = key.key === "ArrowUp" ? -SNAP_MINUTES : SNAP_MINUTES;
      if (active.day) return null;
      if (key.shiftKey) return { ...active, resizeMinutes: active.resizeMinutes + delta };
      return { ...active, moveMinutes: active.moveMinutes + delta };
    }
    case "ArrowLeft":
    case "ArrowRight": {
      if (!where.mayChangeDay || snap(active.moveMinutes) !== 0 || snap(active.resizeMinutes) !== 0) return null;
      const dayIndex = where.days.indexOf(active.day ?? where.day);
      const next = where.days[dayIndex + (key.key === "ArrowLeft" ? -1 : 1)];
      if (!next) return null;
      return { moveMinutes: 0, resizeMinutes: 0, day: next === where.day ? undefined : next };
    }
    default:
      return null;
  }
}

/** How a change made by keyboard is named: moved to a day, resized (the start unchanged) or moved. */
export function labelOfKeyChange(change: TimetableChange, draft: Draft, title: string): string {
  if (change.kind === "block-day") return `Moved “${title}” to ${dayLabel(change.day)}`;
  return `${snap(draft.resizeMinutes) !== 0 && snap(draft.moveMinutes) === 0 ? "Resized" : "Moved"} “${title}”`;
}

/**
 * The times a draft gives an entry, as the grid's zone shows them ("09:30–10:15"), and what it would change
 * beyond the entry (a block taken to another day keeps its times there: the server checks that day).
 */
export function previewOf(
  entry: Timed,
  draft: Draft,
  context: { event: Timed; block: Timed | null; zone: string },
): { times: string; hints: string[] } {
  const { startMs, endMs } = applyDraft(entry, draft);
  const hints = draft.day
    ? []
    : draftHints({ startMs, endMs }, context.event, context.block, (ms) => clockIn(ms, context.zone));
  return { times: clockRangeIn(startMs, endMs, context.zone), hints };
}

/** What screen readers hear while a keyboard draft is made. */
export function announceDraft(title: string, draft: Draft, preview: { times: string; hints: string[] }): string {
  const day = draft.day ? `${dayLabel(draft.day)}, ` : "";
  const hints = preview.hints.length ? ` (${preview.hints.join("; ")})` : "";
  return `${title}: ${day}${preview.times}${hints}. Enter saves, Escape cancels.`;
}

// ------------------------------------------------------------------------------------------------ exact times

/** A block the exact-time form may put a contribution or break into. */
export interface Place {
  blockId: string;
  day: string;
  isPoster: boolean;
  label: string;
}

/** The blocks as places, named with their day and times in the event's zone. */
export function placesOf(blocks: readonly TimetableBlock[], zone: string): Place[] {
  return blocks.map((b) => {
    const day = instantToLocal(b.startAt, zone).slice(0, 10);
    return {
      blockId: b.id,
      day,
      isPoster: b.isPoster,
      label: `${b.fullTitle}, ${dayLabel(day, { short: true })} ${clockRangeIn(Date.parse(b.startAt), Date.parse(b.endAt), zone)}`,
    };
  });
}

export const TOP_LEVEL = "top-level";

/**
 * Where the exact-time form may put an entry: contributions and breaks into another block (breaks not into a
 * poster block), or outside blocks for those who may; blocks have no choice.
 */
export function placeOptions(
  kind: EntryBefore["kind"],
  places: readonly Place[],
  topLevel: boolean,
): { value: string; label: string }[] {
  if (kind !== "contribution" && kind !== "break") return [];
  return [
    ...(topLevel ? [{ value: TOP_LEVEL, label: "Outside blocks" }] : []),
    ...places.filter((p) => kind === "contribution" || !p.isPoster).map((p) => ({ value: p.blockId, label: p.label })),
  ];
}

export interface TimeFormErrors {
  start?: string;
  duration?: string;
}

/**
 * The change the exact-time form asks for, or what is wrong with it. An unchanged wall-clock time keeps the same
 * instant (in the hour repeated in autumn, the second one stays); a start that does not exist in the zone, or a
 * duration outside 1 to 1440 minutes, is named.
 */
export function changeFromTimeForm(
  before: EntryBefore,
  form: { day: string; start: string; duration: number | string; blockId: string | null },
  context: { zone: string; startLocal: string },
): { change: TimetableChange | null; errors: TimeFormErrors } {
  const { zone } = context;
  const sameClock = "startAt" in before && joinLocal(form.day, form.start) === context.startLocal;
  const startAt =
    sameClock && "startAt" in before
      ? before.startAt
      : /^\d{2}:\d{2}$/.test(form.start)
        ? localToInstant(joinLocal(form.day, form.start), zone)
        : null;
  const minutes = typeof form.duration === "number" ? form.duration : Number.NaN;
  const errors: TimeFormErrors = {};
  if (!startAt) errors.start = `Start must be a time of the day such as 09:30 that exists in ${zone}`;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    errors.duration = "Duration must be 1 to 1440 minutes";
  if (errors.start || errors.duration || !startAt) return { change: null, errors };
  const times = { startAt: new Date(startAt).toISOString(), durationMinutes: minutes };
  switch (before.kind) {
    case "block":
      return { change: { kind: "block-time", blockId: before.id, ...times }, errors };
    case "contribution":
      return { change: { kind: "contribution-time", id: before.id, blockId: form.blockId, ...times }, errors };
    case "break":
      return { change: { kind: "break-time", id: before.id, blockId: form.blockId, ...times }, errors };
    default:
      return { change: null, errors };
  }
}

/** The block a change takes an entry into, when it is another block than the one it was in. */
export function blockMovedInto(change: TimetableChange, before: EntryBefore): string | null {
  if (!("blockId" in change) || !change.blockId || !("blockId" in before)) return null;
  return change.blockId !== before.blockId ? change.blockId : null;
}

// ------------------------------------------------------------------------------------------------ parallel order

/** Parallel blocks: this block one place left or right among those beside it, and the order to undo it. */
export function reorderOf(
  entries: readonly TimetableTopEntry[],
  blockId: string,
  direction: "left" | "right",
): { change: TimetableChange; undo: TimetableChange } | null {
  const order = parallelBlocks(entries, blockId);
  const next = moveInOrder(order, blockId, direction);
  if (!next) return null;
  return {
    change: { kind: "parallel-order", blockIds: next },
    undo: { kind: "parallel-order", blockIds: order },
  };
}
