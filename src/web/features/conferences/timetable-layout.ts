import type { TimetableBlock, TimetableTopEntry } from "../../../shared/schemas/timetable";
import { dayInZone } from "../../../shared/time";
import { nextDay } from "./local-time";

/**
 * Laying out a day of the timetable (conferences.md, "Event timetable"). The server sends the day's top-level
 * entries by overlap group in time order, each with its `column` among `columns` side by side; this module only
 * cuts the list into those groups and places each entry on a time grid, keeping the server's order.
 */

interface PlacedEntry<E> {
  entry: E;
  /** 1-based grid column: the server's column. */
  column: number;
  /** 1-based grid row where the entry starts, and how many rows it spans (one row per ROW_MINUTES). */
  row: number;
  rows: number;
}

export interface OverlapGroup<E> {
  startAt: string;
  endAt: string;
  columns: number;
  /** Rows of the grid: the group's length in ROW_MINUTES steps. */
  rows: number;
  entries: PlacedEntry<E>[];
}

/** The grid's step: fine enough for 5-minute talks and breaks. */
const ROW_MINUTES = 5;

interface Timed {
  startAt: string;
  endAt: string;
  column: number;
  columns: number;
}

/**
 * Cuts a day's entries (in the server's order) into overlap groups: a group runs until an entry starts at or
 * after the end of everything before it. Entries placed with their server column on a grid of ROW_MINUTES rows.
 */
export function overlapGroups<E extends Timed>(entries: readonly E[]): OverlapGroup<E>[] {
  const groups: { start: number; end: number; columns: number; items: E[] }[] = [];
  for (const entry of entries) {
    const start = Date.parse(entry.startAt);
    const end = Date.parse(entry.endAt);
    const current = groups.at(-1);
    if (current && start < current.end) {
      current.items.push(entry);
      current.end = Math.max(current.end, end);
      current.columns = Math.max(current.columns, entry.columns, entry.column + 1);
    } else {
      groups.push({ start, end, columns: Math.max(1, entry.columns, entry.column + 1), items: [entry] });
    }
  }
  return groups.map((g) => {
    const step = ROW_MINUTES * 60_000;
    return {
      startAt: new Date(g.start).toISOString(),
      endAt: new Date(g.end).toISOString(),
      columns: g.columns,
      rows: Math.max(1, Math.ceil((g.end - g.start) / step)),
      entries: g.items.map((entry) => {
        const from = Math.floor((Date.parse(entry.startAt) - g.start) / step);
        const to = Math.max(from + 1, Math.ceil((Date.parse(entry.endAt) - g.start) / step));
        return { entry, column: entry.column + 1, row: from + 1, rows: to - from };
      }),
    };
  });
}

/**
 * "block 2 of 3" for every block: its place among its session's blocks over the whole event, by start time.
 * Makes the difference between a session (the group) and a block (one stretch of it) visible (indico.md §9.2).
 */
export function blockOrdinals(blocks: Iterable<Pick<TimetableBlock, "id" | "sessionId" | "startAt">>) {
  const bySession = new Map<string, { id: string; at: number }[]>();
  for (const b of blocks) {
    const list = bySession.get(b.sessionId) ?? [];
    list.push({ id: b.id, at: Date.parse(b.startAt) });
    bySession.set(b.sessionId, list);
  }
  const ordinals = new Map<string, { n: number; of: number }>();
  for (const list of bySession.values()) {
    list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    for (const [i, b] of list.entries()) ordinals.set(b.id, { n: i + 1, of: list.length });
  }
  return ordinals;
}

/** Every block of a day list (event timetable days or session timetable days). */
export function blocksOf(
  days: readonly { entries?: readonly TimetableTopEntry[]; blocks?: readonly TimetableBlock[] }[],
) {
  const out: TimetableBlock[] = [];
  for (const day of days) {
    for (const e of day.entries ?? []) if (e.kind === "block") out.push(e);
    for (const b of day.blocks ?? []) out.push(b);
  }
  return out;
}

/**
 * A timetable's days as a person in `zone` lives them (the viewer's zone, when they chose it): every entry under
 * the day it starts on there, in the server's order, so an evening session in Paris may be the next morning in
 * Tokyo. With `span` (the event's start and end), every day it touches in that zone is listed, even one with
 * nothing on it; without it, only days with entries.
 */
export function daysInZone<E extends { startAt: string }>(
  days: readonly { day: string; entries: readonly E[] }[],
  zone: string,
  span?: { startAt: string; endAt: string },
): { day: string; entries: E[] }[] {
  const byDay = new Map<string, E[]>();
  if (span) {
    const last = dayInZone(Math.max(Date.parse(span.startAt), Date.parse(span.endAt) - 1), zone);
    // An event lasts days, not years: the bound only keeps a broken span from looping.
    for (let day = dayInZone(span.startAt, zone), n = 0; day <= last && n < 1000; day = nextDay(day), n++)
      byDay.set(day, []);
  }
  for (const { entries } of days)
    for (const entry of entries) {
      const day = dayInZone(entry.startAt, zone);
      const list = byDay.get(day);
      if (list) list.push(entry);
      else byDay.set(day, [entry]);
    }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, entries]) => ({ day, entries }));
}
