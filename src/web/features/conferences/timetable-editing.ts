import type { z } from "zod";
import type { ScheduleInput } from "../../../shared/schemas/conference-contributions";
import type {
  BlockCreateInput,
  BlockMoveInput,
  BlockUpdateInput,
  BreakCreateInput,
  BreakUpdateInput,
  ParallelOrderInput,
} from "../../../shared/schemas/timetable";
import { offsetMinutes } from "../../../shared/time";

/**
 * The timetable editor's rules, free of React and HTTP: the time grid (pixels ↔ instants, 5-minute snapping), the
 * changes an organiser makes (move, resize, another day, drop an unscheduled contribution) and how each one is
 * undone. The server re-validates every change; these rules only shape what is proposed.
 */

export const SNAP_MINUTES = 5;
/** Two pixels a minute: a 5-minute step is 10 px, an hour 120 px. */
export const PX_PER_MINUTE = 2;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Timed {
  startAt: string;
  endAt: string;
}

/** The stretch of a day the grid shows: whole local hours around the entries, an hour of room either side. */
interface GridWindow {
  fromMs: number;
  toMs: number;
}

/** Rounds minutes to the nearest 5. */
export function snap(minutes: number): number {
  return Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
}

/** Floors (or ceils) an instant to a whole hour of the wall clock in `zone` (zones such as +05:30 included). */
function toLocalHour(ms: number, zone: string, up: boolean): number {
  const offset = offsetMinutes(new Date(ms), zone) * MINUTE;
  const local = ms + offset;
  const rounded = up ? Math.ceil(local / HOUR) * HOUR : Math.floor(local / HOUR) * HOUR;
  return rounded - offset;
}

/**
 * The grid of one day: from an hour before its first entry to an hour after its last, on whole local hours,
 * within the day (local midnight to midnight). An empty day shows 08:00 to 18:00.
 */
export function gridWindow(day: Timed, entries: readonly Timed[], zone: string): GridWindow {
  const dayFrom = Date.parse(day.startAt);
  const dayTo = Date.parse(day.endAt);
  if (entries.length === 0) {
    return { fromMs: Math.max(dayFrom, dayFrom + 8 * HOUR), toMs: Math.min(dayTo, dayFrom + 18 * HOUR) };
  }
  const first = Math.min(...entries.map((e) => Date.parse(e.startAt)));
  const last = Math.max(...entries.map((e) => Date.parse(e.endAt)));
  return {
    fromMs: Math.max(dayFrom, toLocalHour(first, zone, false) - HOUR),
    toMs: Math.min(dayTo, toLocalHour(last, zone, true) + HOUR),
  };
}

/** Where an instant sits on the grid, in pixels from its top. */
export function yOf(at: string | number, grid: GridWindow): number {
  const ms = typeof at === "number" ? at : Date.parse(at);
  return ((ms - grid.fromMs) / MINUTE) * PX_PER_MINUTE;
}

/** The instant at a height of the grid, snapped to 5 minutes of the grid's start and kept inside the grid. */
export function instantAtY(y: number, grid: GridWindow): number {
  const ms = grid.fromMs + snap(y / PX_PER_MINUTE) * MINUTE;
  return Math.min(grid.toMs, Math.max(grid.fromMs, ms));
}

/** Whole hours of the grid, for its hour lines and labels. */
export function hourMarks(grid: GridWindow, zone: string): number[] {
  const marks: number[] = [];
  for (let at = toLocalHour(grid.fromMs, zone, true); at <= grid.toMs; at += HOUR) marks.push(at);
  return marks;
}

export const minutesBetween = (from: string | number, to: string | number): number =>
  Math.round(
    ((typeof to === "number" ? to : Date.parse(to)) - (typeof from === "number" ? from : Date.parse(from))) / MINUTE,
  );

export const isoOf = (ms: number): string => new Date(ms).toISOString();

// ------------------------------------------------------------------------------------------------ proposals

/** A move or resize being made (by mouse or keyboard): how far the start moved and the length changed. */
export interface Draft {
  moveMinutes: number;
  resizeMinutes: number;
  /** Another day of the event (blocks only), "yyyy-MM-dd". */
  day?: string;
}

export const NO_DRAFT: Draft = { moveMinutes: 0, resizeMinutes: 0 };

/**
 * The times a draft gives an entry: a moved start and a resized end land on whole 5-minute marks of the clock
 * (every zone's offset is a multiple of 15 minutes, so the marks are the same in UTC); a move keeps the length,
 * a resize never goes below 5 minutes.
 */
export function applyDraft(entry: Timed, draft: Draft): { startMs: number; endMs: number } {
  const start = Date.parse(entry.startAt);
  const length = Date.parse(entry.endAt) - start;
  const move = snap(draft.moveMinutes);
  const resize = snap(draft.resizeMinutes);
  const startMs = move === 0 ? start : roundToMark(start + move * MINUTE);
  if (resize === 0) return { startMs, endMs: startMs + length };
  const endMs = Math.max(startMs + SNAP_MINUTES * MINUTE, roundToMark(startMs + length + resize * MINUTE));
  return { startMs, endMs };
}

const roundToMark = (ms: number) => Math.round(ms / (SNAP_MINUTES * MINUTE)) * SNAP_MINUTES * MINUTE;

export const isEmptyDraft = (d: Draft): boolean =>
  snap(d.moveMinutes) === 0 && snap(d.resizeMinutes) === 0 && d.day === undefined;

/** An entry's box on the grid, drafted, in pixels from `originMs`: at least 5 minutes high, so it can be held. */
export function boxOf(entry: Timed, draft: Draft | null, originMs: number): { top: number; height: number } {
  const { startMs, endMs } = applyDraft(entry, draft ?? NO_DRAFT);
  return {
    top: ((startMs - originMs) / MINUTE) * PX_PER_MINUTE,
    height: Math.max(((endMs - startMs) / MINUTE) * PX_PER_MINUTE, SNAP_MINUTES * PX_PER_MINUTE),
  };
}

// ------------------------------------------------------------------------------------------------ changes

/**
 * One change the editor sends: each is one request, one transaction on the server. The last five are what undo
 * sends after the dialogs' changes: a block's details given back, a new block or break deleted, a deleted one
 * made again (`restores` is the id it had: later undos that name it follow it to its new id, see withCurrentIds).
 */
export type TimetableChange =
  | { kind: "block-time"; blockId: string; startAt: string; durationMinutes: number }
  | { kind: "block-day"; blockId: string; day: string }
  | { kind: "parallel-order"; blockIds: string[] }
  | { kind: "contribution-time"; id: string; blockId: string | null; startAt: string; durationMinutes: number }
  | { kind: "break-time"; id: string; blockId: string | null; startAt: string; durationMinutes: number }
  | { kind: "unschedule"; id: string }
  | { kind: "block-update"; blockId: string; input: z.input<typeof BlockUpdateInput> }
  | { kind: "block-create"; sessionId: string; restores: string; input: z.input<typeof BlockCreateInput> }
  | { kind: "block-delete"; blockId: string }
  | { kind: "break-create"; restores: string; input: z.input<typeof BreakCreateInput> }
  | { kind: "break-delete"; id: string };

/** What an entry was before a change: enough to put it back. */
export type EntryBefore =
  | { kind: "block"; id: string; startAt: string; endAt: string }
  | { kind: "contribution"; id: string; blockId: string | null; startAt: string; endAt: string }
  | { kind: "unscheduled-contribution"; id: string }
  | { kind: "break"; id: string; blockId: string | null; startAt: string; endAt: string };

/** The change a draft makes to an entry; null when it changes nothing. */
export function changeFromDraft(before: EntryBefore, draft: Draft): TimetableChange | null {
  if (before.kind === "unscheduled-contribution" || isEmptyDraft(draft)) return null;
  if (
    before.kind === "block" &&
    draft.day !== undefined &&
    snap(draft.moveMinutes) === 0 &&
    snap(draft.resizeMinutes) === 0
  )
    return { kind: "block-day", blockId: before.id, day: draft.day };
  const { startMs, endMs } = applyDraft(before, draft);
  const times = { startAt: isoOf(startMs), durationMinutes: minutesBetween(startMs, endMs) };
  switch (before.kind) {
    case "block":
      return { kind: "block-time", blockId: before.id, ...times };
    case "contribution":
      return { kind: "contribution-time", id: before.id, blockId: before.blockId, ...times };
    case "break":
      return { kind: "break-time", id: before.id, blockId: before.blockId, ...times };
  }
}

/**
 * The changes that undo a change, given the entry before it and (for an entry inside a block) its block before:
 * the entry goes back to its place and length, and the block back to its times if it grew to take the change.
 * A block moved to another day comes back by its old start, which is on the old day.
 */
export function undoOf(
  before: EntryBefore,
  parentBefore: Extract<EntryBefore, { kind: "block" }> | null,
): TimetableChange[] {
  const restoreParent: TimetableChange[] = parentBefore
    ? [
        {
          kind: "block-time",
          blockId: parentBefore.id,
          startAt: parentBefore.startAt,
          durationMinutes: minutesBetween(parentBefore.startAt, parentBefore.endAt),
        },
      ]
    : [];
  const times = (b: { startAt: string; endAt: string }) => ({
    startAt: b.startAt,
    durationMinutes: minutesBetween(b.startAt, b.endAt),
  });
  switch (before.kind) {
    case "block":
      return [{ kind: "block-time", blockId: before.id, ...times(before) }];
    case "unscheduled-contribution":
      return [{ kind: "unschedule", id: before.id }, ...restoreParent];
    case "contribution":
      return [
        { kind: "contribution-time", id: before.id, blockId: before.blockId, ...times(before) },
        ...restoreParent,
      ];
    case "break":
      return [{ kind: "break-time", id: before.id, blockId: before.blockId, ...times(before) }, ...restoreParent];
  }
}

/** A change's request body: the input of the shared schema its route parses. */
type ChangeBody =
  | z.input<typeof BlockUpdateInput>
  | z.input<typeof BlockCreateInput>
  | z.input<typeof BlockMoveInput>
  | z.input<typeof ParallelOrderInput>
  | z.input<typeof ScheduleInput>
  | z.input<typeof BreakCreateInput>
  | z.input<typeof BreakUpdateInput>;

/** The request a change is: method, path under the event, body (PATCH and PUT always have one, DELETE none). */
export function requestOf(
  change: TimetableChange,
):
  | { method: "PATCH" | "PUT"; path: string; body: ChangeBody }
  | { method: "POST"; path: string; body?: ChangeBody }
  | { method: "DELETE"; path: string } {
  const enc = encodeURIComponent;
  switch (change.kind) {
    case "block-time":
      return {
        method: "PATCH",
        path: `/blocks/${enc(change.blockId)}`,
        body: {
          startAt: change.startAt,
          durationMinutes: change.durationMinutes,
        } satisfies z.input<typeof BlockUpdateInput>,
      };
    case "block-day":
      return {
        method: "POST",
        path: `/blocks/${enc(change.blockId)}/move`,
        body: { day: change.day } satisfies z.input<typeof BlockMoveInput>,
      };
    case "parallel-order":
      return {
        method: "PUT",
        path: "/timetable/parallel-order",
        body: { blockIds: change.blockIds } satisfies z.input<typeof ParallelOrderInput>,
      };
    case "contribution-time":
      return {
        method: "POST",
        path: `/contributions/${enc(change.id)}/schedule`,
        body: {
          blockId: change.blockId,
          startAt: change.startAt,
          durationMinutes: change.durationMinutes,
        } satisfies z.input<typeof ScheduleInput>,
      };
    case "break-time":
      return {
        method: "PATCH",
        path: `/breaks/${enc(change.id)}`,
        body: {
          blockId: change.blockId,
          startAt: change.startAt,
          durationMinutes: change.durationMinutes,
        } satisfies z.input<typeof BreakUpdateInput>,
      };
    case "unschedule":
      return { method: "POST", path: `/contributions/${enc(change.id)}/unschedule` };
    case "block-update":
      return { method: "PATCH", path: `/blocks/${enc(change.blockId)}`, body: change.input };
    case "block-create":
      return { method: "POST", path: `/sessions/${enc(change.sessionId)}/blocks`, body: change.input };
    case "block-delete":
      return { method: "DELETE", path: `/blocks/${enc(change.blockId)}` };
    case "break-create":
      return { method: "POST", path: "/breaks", body: change.input };
    case "break-delete":
      return { method: "DELETE", path: `/breaks/${enc(change.id)}` };
  }
}

/** The id an entry has now: undo may have made a deleted block or break again, under a new id (old → new). */
export function currentId(id: string, aliases: ReadonlyMap<string, string>): string {
  let current = id;
  // Made again, deleted again and made again: follow the chain (bounded, should a cycle ever appear).
  for (let i = 0; i < 100 && aliases.has(current); i++) current = aliases.get(current) as string;
  return current;
}

/** A change with every block and break it names brought to the ids they have now (see currentId). */
export function withCurrentIds(change: TimetableChange, aliases: ReadonlyMap<string, string>): TimetableChange {
  if (aliases.size === 0) return change;
  const now = (id: string) => currentId(id, aliases);
  switch (change.kind) {
    case "block-time":
    case "block-day":
    case "block-update":
    case "block-delete":
      return { ...change, blockId: now(change.blockId) };
    case "parallel-order":
      return { ...change, blockIds: change.blockIds.map(now) };
    case "contribution-time":
    case "break-time":
      return { ...change, id: now(change.id), blockId: change.blockId && now(change.blockId) };
    case "unschedule":
    case "break-delete":
      return { ...change, id: now(change.id) };
    case "block-create":
      return change;
    case "break-create":
      return { ...change, input: { ...change.input, blockId: change.input.blockId && now(change.input.blockId) } };
  }
}

/** Side by side: a column for each entry among those it overlaps, in the given order (first fit). */
export function assignColumns<E extends Timed>(entries: readonly E[]): { entry: E; column: number; columns: number }[] {
  const placed: { entry: E; column: number; start: number; end: number; group: number }[] = [];
  const groupColumns: number[] = [];
  let groupEnd = -Infinity;
  for (const entry of entries) {
    const start = Date.parse(entry.startAt);
    const end = Date.parse(entry.endAt);
    if (start >= groupEnd) groupColumns.push(0);
    const group = groupColumns.length - 1;
    groupEnd = Math.max(start >= groupEnd ? end : groupEnd, end);
    const busy = new Set(placed.filter((p) => p.group === group && p.end > start).map((p) => p.column));
    let column = 0;
    while (busy.has(column)) column++;
    groupColumns[group] = Math.max(groupColumns[group] ?? 0, column + 1);
    placed.push({ entry, column, start, end, group });
  }
  return placed.map((p) => ({ entry: p.entry, column: p.column, columns: groupColumns[p.group] ?? 1 }));
}

/** A drop that makes its block grow by more than this asks first (decisions.md). */
export const GROWTH_CONFIRM_MINUTES = 30;

/**
 * By how many minutes a change makes `block` end later to hold the entry (the server grows a block at its end,
 * conferences.md "Session blocks and the timetable"); 0 when it stays, and for a poster block, whose posters take
 * its times.
 */
export function blockGrowthMinutes(
  change: TimetableChange,
  block: (Timed & { id: string; isPoster: boolean }) | null,
): number {
  if (!block || block.isPoster) return 0;
  if (change.kind !== "contribution-time" && change.kind !== "break-time") return 0;
  if (change.blockId !== block.id) return 0;
  const end = Date.parse(change.startAt) + change.durationMinutes * MINUTE;
  return Math.max(0, minutesBetween(block.endAt, end));
}

/**
 * The blocks standing side by side with `blockId`, left to right: its overlap group among a day's top-level
 * entries, which the server sends by group in time order and, inside a group, in the parallel order.
 */
export function parallelBlocks(entries: readonly (Timed & { kind: string; id: string })[], blockId: string): string[] {
  let group: string[] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    const start = Date.parse(entry.startAt);
    if (start >= groupEnd) {
      if (group.includes(blockId)) break;
      group = [];
    }
    groupEnd = Math.max(start >= groupEnd ? Date.parse(entry.endAt) : groupEnd, Date.parse(entry.endAt));
    if (entry.kind === "block") group.push(entry.id);
  }
  return group.includes(blockId) ? group : [blockId];
}

/** The parallel order after moving one block one place left or right; null at the edge. */
export function moveInOrder(order: readonly string[], blockId: string, direction: "left" | "right"): string[] | null {
  const i = order.indexOf(blockId);
  const j = direction === "left" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= order.length) return null;
  const next = [...order];
  [next[i], next[j]] = [next[j] as string, next[i] as string];
  return next;
}

/**
 * What a draft would change beyond the entry, said before it is sent (the server decides): an entry that would
 * leave the event, start before its block, or make its block grow.
 */
export function draftHints(
  times: { startMs: number; endMs: number },
  event: Timed,
  block: Timed | null,
  clock: (ms: number) => string,
): string[] {
  const hints: string[] = [];
  if (times.startMs < Date.parse(event.startAt) || times.endMs > Date.parse(event.endAt))
    hints.push("outside the event");
  if (block && times.startMs < Date.parse(block.startAt))
    hints.push(`before its block starts (${clock(Date.parse(block.startAt))})`);
  else if (block && times.endMs > Date.parse(block.endAt)) hints.push(`its block grows to ${clock(times.endMs)}`);
  return hints;
}
