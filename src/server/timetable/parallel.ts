import type { Timed } from "../conference-core/time";
import { type Span, spanOf, toInstant } from "../conference-core/time";

/**
 * Parallelism, ordering of parallel blocks and double use of rooms (conferences.md, "Event timetable" and
 * "Rooms"; indico.md §3.6).
 */

/** Spans overlap when they share at least one minute; touching ends (10:00–11:00, 11:00–12:00) do not overlap. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Two blocks or entries run at the same time (indico.md §1.9 `is_parallel`, §3.6). */
export function overlaps(a: Timed, b: Timed): boolean {
  return spansOverlap(spanOf(a), spanOf(b));
}

/**
 * Groups of items connected by overlap, in start order (indico.md §3.6: "connected components of overlapping
 * entries"). Items inside a group keep start order, ties broken by end, then by id when there is one.
 */
export function overlapGroups<T extends Timed & { readonly id?: string }>(items: readonly T[]): T[][] {
  return groupByOverlap(items, spanOf, (item) => item.id);
}

/** `overlapGroups` over any items whose span a function gives (the rearranging rules work in epoch minutes). */
export function groupByOverlap<T>(
  items: readonly T[],
  span: (item: T) => Span,
  idOf: (item: T) => string | undefined,
): T[][] {
  const sorted = items
    .map((item) => ({ item, span: span(item) }))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || byId(idOf(a.item), idOf(b.item)));
  const groups: T[][] = [];
  let current: T[] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const entry of sorted) {
    if (current.length > 0 && entry.span.start >= groupEnd) {
      groups.push(current);
      current = [];
    }
    current.push(entry.item);
    groupEnd = current.length === 1 ? entry.span.end : Math.max(groupEnd, entry.span.end);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function byId(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** What orders parallel blocks side by side. */
export interface ParallelOrderKey {
  readonly id?: string;
  /** The block's order among parallel blocks; lower first. */
  readonly order: number;
  /** The block's session code; blocks whose session has no code come after those with one. */
  readonly sessionCode: string;
  /** The block's full title ("Session: Block", or the session title). */
  readonly title: string;
}

/** Natural ("S2" before "S10"), case- and accent-insensitive comparison, the same on every server. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * Parallel blocks side by side: by the block order, then session code, then title (conferences.md, "Event
 * timetable"; indico.md §3.6 and §9.1.3). Empty codes sort last; the id breaks remaining ties, so every view
 * shows the same order whatever order the rows came in (indico#1835). Returns a new array.
 */
export function orderParallelBlocks<T extends ParallelOrderKey>(blocks: readonly T[]): T[] {
  return [...blocks].sort(
    (a, b) =>
      a.order - b.order ||
      compareCodes(a.sessionCode, b.sessionCode) ||
      collator.compare(a.title, b.title) ||
      byId(a.id, b.id),
  );
}

function compareCodes(a: string, b: string): number {
  const aEmpty = a.trim() === "";
  const bEmpty = b.trim() === "";
  if (aEmpty || bEmpty) return Number(aEmpty) - Number(bEmpty);
  return collator.compare(a, b);
}

/** A top-level block or entry with its resolved room (null when it has none). */
export interface RoomUse extends Timed {
  readonly id: string;
  readonly roomId: string | null;
}

/** Two items use one room at the same time, during `[fromAt, untilAt)`. */
export interface RoomConflict {
  readonly roomId: string;
  readonly firstId: string;
  readonly secondId: string;
  readonly fromAt: string;
  readonly untilAt: string;
}

/**
 * Double use of a room at the same time inside one event, to flag in the timetable (conferences.md, "Rooms").
 * Pass top-level items (blocks and top-level entries) with their resolved room: entries inside a block share the
 * block's room by design, and posters of one poster block hang in one room in parallel. Items without a room are
 * ignored. One conflict per overlapping pair, ordered by room, then time, then ids.
 */
export function roomDoubleUse(items: readonly RoomUse[]): RoomConflict[] {
  const byRoom = new Map<string, { id: string; span: Span }[]>();
  for (const item of items) {
    if (item.roomId === null) continue;
    const list = byRoom.get(item.roomId) ?? [];
    list.push({ id: item.id, span: spanOf(item) });
    byRoom.set(item.roomId, list);
  }
  const conflicts: { roomId: string; firstId: string; secondId: string; from: number; until: number }[] = [];
  for (const [roomId, uses] of byRoom) {
    uses.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || byId(a.id, b.id));
    // Sweep: each use is compared only with uses that have started and not yet ended.
    let active: typeof uses = [];
    for (const use of uses) {
      active = active.filter((other) => other.span.end > use.span.start);
      for (const other of active) {
        conflicts.push({
          roomId,
          firstId: other.id,
          secondId: use.id,
          from: use.span.start,
          until: Math.min(other.span.end, use.span.end),
        });
      }
      active.push(use);
    }
  }
  conflicts.sort(
    (a, b) =>
      (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0) ||
      a.from - b.from ||
      byId(a.firstId, b.firstId) ||
      byId(a.secondId, b.secondId),
  );
  return conflicts.map(({ roomId, firstId, secondId, from, until }) => ({
    roomId,
    firstId,
    secondId,
    fromAt: toInstant(from),
    untilAt: toInstant(until),
  }));
}

/** A top-level block or entry to lay out side by side. */
export interface ParallelItem extends Timed, ParallelOrderKey {
  readonly id: string;
}

/** An item with its column among the parallel items of its overlap group. */
export interface PlacedItem<T> {
  readonly item: T;
  /** 0-based, left to right. */
  readonly column: number;
  /** Columns of its overlap group. */
  readonly columns: number;
}

/**
 * Side-by-side layout of a day's top-level items (conferences.md, "Event timetable"; indico.md §3.6): items are
 * grouped by overlap in time order; inside a group they take columns in the parallel order (block order, session
 * code, title, id), each the leftmost column free of the items it overlaps. Returns every item once, by group,
 * then in parallel order.
 */
export function layoutParallel<T extends ParallelItem>(items: readonly T[]): PlacedItem<T>[] {
  const placed: PlacedItem<T>[] = [];
  for (const group of overlapGroups(items)) {
    const taken: { span: Span; column: number }[] = [];
    const columns: { item: T; column: number }[] = [];
    for (const item of orderParallelBlocks(group)) {
      const span = spanOf(item);
      const busy = new Set(taken.filter((t) => spansOverlap(t.span, span)).map((t) => t.column));
      let column = 0;
      while (busy.has(column)) column += 1;
      taken.push({ span, column });
      columns.push({ item, column });
    }
    const count = Math.max(...columns.map((c) => c.column)) + 1;
    for (const c of columns) placed.push({ item: c.item, column: c.column, columns: count });
  }
  return placed;
}
