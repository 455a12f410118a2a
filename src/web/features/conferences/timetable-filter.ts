import type { TimetableBlock, TimetableTopEntry } from "../../../shared/schemas/timetable";

/**
 * The public timetable's legend and its filter by session, track (the session's type) and room (issue #14). Pure:
 * the page keeps the filter in its address (?session=…&track=…&room=…, each repeatable), so a filtered link can be
 * shared; an empty filter shows everything.
 */

export interface TimetableFilter {
  /** Session ids. */
  sessions: string[];
  /** Session type ids. */
  tracks: string[];
  /** Room keys (roomKey). */
  rooms: string[];
}

type Dimension = keyof TimetableFilter;
const PARAMS: Record<Dimension, string> = { sessions: "session", tracks: "track", rooms: "room" };

export interface FilterOption {
  value: string;
  label: string;
}
export type FilterOptions = Record<Dimension, FilterOption[]>;

export interface LegendItem {
  sessionId: string;
  title: string;
  code: string;
  type: string | null;
  colours: { text: string; background: string };
}

type Day<E> = { day: string; entries: readonly E[] };
type Location = NonNullable<TimetableBlock["location"]>;

/** A room of the directory by its id; a place typed as text by that text. */
export const roomKey = (location: Pick<Location, "roomId" | "label">) => location.roomId ?? `text:${location.label}`;

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const byLabel = (a: FilterOption, b: FilterOption) => collator.compare(a.label, b.label);

function blocksIn<E extends TimetableTopEntry>(days: readonly Day<E>[]): TimetableBlock[] {
  return days.flatMap((d) => d.entries.filter((e): e is E & TimetableBlock => e.kind === "block"));
}

/** Every session that has a block in the timetable, by code then title (the order of parallel blocks). */
export function legendOf<E extends TimetableTopEntry>(days: readonly Day<E>[]): LegendItem[] {
  const sessions = new Map<string, LegendItem>();
  for (const b of blocksIn(days)) {
    if (sessions.has(b.sessionId)) continue;
    sessions.set(b.sessionId, {
      sessionId: b.sessionId,
      title: b.sessionTitle,
      code: b.sessionCode,
      type: b.sessionType?.name ?? null,
      colours: b.colours,
    });
  }
  return [...sessions.values()].sort(
    (a, b) =>
      Number(a.code === "") - Number(b.code === "") ||
      collator.compare(a.code, b.code) ||
      collator.compare(a.title, b.title),
  );
}

/** What each filter offers: the sessions, tracks and rooms that occur in the timetable. */
export function filterOptions<E extends TimetableTopEntry>(days: readonly Day<E>[]): FilterOptions {
  const sessions = new Map<string, string>();
  const tracks = new Map<string, string>();
  const rooms = new Map<string, string>();
  for (const b of blocksIn(days)) {
    sessions.set(b.sessionId, b.sessionCode ? `${b.sessionTitle} (${b.sessionCode})` : b.sessionTitle);
    if (b.sessionType) tracks.set(b.sessionType.id, b.sessionType.name);
    if (b.location) rooms.set(roomKey(b.location), b.location.label);
  }
  const list = (m: Map<string, string>) => [...m].map(([value, label]) => ({ value, label })).sort(byLabel);
  return { sessions: list(sessions), tracks: list(tracks), rooms: list(rooms) };
}

/** The filter in `params`, keeping only values the timetable offers (a stale link shows what still exists). */
export function filterFromParams(params: URLSearchParams, options: FilterOptions): TimetableFilter {
  const read = (d: Dimension) => {
    const known = new Set(options[d].map((o) => o.value));
    return [...new Set(params.getAll(PARAMS[d]))].filter((v) => known.has(v));
  };
  return { sessions: read("sessions"), tracks: read("tracks"), rooms: read("rooms") };
}

/** `params` with one dimension of the filter replaced (the other parameters, such as the day, kept). */
export function withFilter(params: URLSearchParams, dimension: Dimension, values: readonly string[]) {
  const next = new URLSearchParams(params);
  next.delete(PARAMS[dimension]);
  for (const v of values) next.append(PARAMS[dimension], v);
  return next;
}

/** `params` without any filter. */
export function withoutFilter(params: URLSearchParams) {
  const next = new URLSearchParams(params);
  for (const name of Object.values(PARAMS)) next.delete(name);
  return next;
}

export const isFiltering = (f: TimetableFilter) => f.sessions.length + f.tracks.length + f.rooms.length > 0;

/**
 * Whether an entry passes the filter: every dimension in use must match (within one, any of its values). Only
 * blocks belong to a session, a track and a room, so top-level contributions show only unfiltered; a top-level
 * break (lunch, coffee) is everyone's and always shows, so a filtered day still reads as the day it is.
 */
export function entryMatches(entry: TimetableTopEntry, f: TimetableFilter): boolean {
  if (!isFiltering(f) || entry.kind === "break") return true;
  if (entry.kind !== "block") return false;
  if (f.sessions.length > 0 && !f.sessions.includes(entry.sessionId)) return false;
  if (f.tracks.length > 0 && !(entry.sessionType && f.tracks.includes(entry.sessionType.id))) return false;
  if (f.rooms.length > 0 && !(entry.location && f.rooms.includes(roomKey(entry.location)))) return false;
  return true;
}

/**
 * Parallel entries that remain keep their order side by side, closed up: the columns of each overlap group of what
 * is shown are renumbered 0, 1, 2… (a filtered-out column leaves no gap).
 */
function closeUpColumns<E extends TimetableTopEntry>(entries: readonly E[]): E[] {
  const out: E[] = [];
  let group: E[] = [];
  let end = -Infinity;
  const flush = () => {
    const used = [...new Set(group.map((e) => e.column))].sort((a, b) => a - b);
    for (const e of group) out.push({ ...e, column: used.indexOf(e.column), columns: used.length });
    group = [];
  };
  for (const e of entries) {
    if (group.length > 0 && Date.parse(e.startAt) >= end) flush();
    end = group.length === 0 ? Date.parse(e.endAt) : Math.max(end, Date.parse(e.endAt));
    group.push(e);
  }
  flush();
  return out;
}

/** The days with only the entries that pass the filter, and how many entries are shown of how many. */
export function filterDays<E extends TimetableTopEntry, D extends Day<E>>(
  days: readonly D[],
  f: TimetableFilter,
): { days: (D & { entries: E[] })[]; shown: number; total: number } {
  let shown = 0;
  let total = 0;
  const out = days.map((d) => {
    total += d.entries.length;
    if (!isFiltering(f)) {
      shown += d.entries.length;
      return { ...d, entries: [...d.entries] };
    }
    const kept = closeUpColumns(d.entries.filter((e) => entryMatches(e, f)));
    shown += kept.length;
    return { ...d, entries: kept };
  });
  return { days: out, shown, total };
}
