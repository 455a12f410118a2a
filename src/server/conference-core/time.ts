import { DateTime, IANAZone } from "luxon";

/**
 * Instants and local days of an event in its zone, for presenting events and for the timetable rules (platform.md,
 * "Time"; indico.md §3.1). Inside the rules an instant is an integer count of epoch minutes; see timetable/model.ts
 * for why.
 */

/** An event's time window and zone (conferences.md, "Event"). */
export interface TimetableEvent {
  readonly startAt: string;
  readonly endAt: string;
  /** IANA zone name, e.g. `Europe/Berlin`; local days are counted in it. */
  readonly timeZone: string;
}

/** The minimal shape of something with a time span. */
export interface Timed {
  readonly startAt: string;
  readonly durationMinutes: number;
}

/** Longest block or entry (indico.md §3.2 form check: 24 h). */
export const MAX_DURATION_MINUTES = 24 * 60;

const MS_PER_MINUTE = 60_000;
/** An ISO instant must name its offset: a bare local time would silently depend on the server's zone. */
const NAMES_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A half-open span `[start, end)` in epoch minutes. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The event's window in epoch minutes with its zone. */
export interface EventWindow extends Span {
  readonly zone: string;
}

/** Epoch minutes of an ISO instant that names its offset and falls on a whole minute; null otherwise. */
// What Convene stores (`Date#toISOString`): read with Date.parse, ~50× faster than a general ISO parser.
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseInstant(iso: string): number | null {
  if (typeof iso !== "string") return null;
  if (CANONICAL_UTC.test(iso)) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== iso) return null; // e.g. 2026-02-30 rolls over
    return ms % MS_PER_MINUTE === 0 ? ms / MS_PER_MINUTE : null;
  }
  if (!NAMES_OFFSET.test(iso)) return null;
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) return null;
  const ms = dt.toMillis();
  return ms % MS_PER_MINUTE === 0 ? ms / MS_PER_MINUTE : null;
}

/** Like `parseInstant` for stored data, where a malformed instant is a programming error. */
export function requireInstant(iso: string, what: string): number {
  const minutes = parseInstant(iso);
  if (minutes === null) throw new RangeError(`${what} is not a whole-minute ISO instant with offset: ${iso}`);
  return minutes;
}

/** Canonical UTC ISO text of epoch minutes (`Date#toISOString`, like the rest of Convene). */
export function toInstant(minutes: number): string {
  return new Date(minutes * MS_PER_MINUTE).toISOString();
}

/** Whole minutes, more than zero, at most 24 h (indico.md §1.5, §3.2; quirk §8.8: breaks too). */
export function isValidDuration(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_DURATION_MINUTES;
}

/** The span of a stored block or entry. */
export function spanOf(item: Timed, what = "startAt"): Span {
  const start = requireInstant(item.startAt, what);
  return { start, end: start + item.durationMinutes };
}

/** The event's window; throws on a malformed stored event (bad zone, instants, or end before start). */
export function eventWindow(event: TimetableEvent): EventWindow {
  if (!IANAZone.isValidZone(event.timeZone)) throw new RangeError(`Unknown IANA time zone: ${event.timeZone}`);
  const start = requireInstant(event.startAt, "event.startAt");
  const end = requireInstant(event.endAt, "event.endAt");
  if (end <= start) throw new RangeError("The event must end after it starts");
  return { start, end, zone: event.timeZone };
}

function inZone(minutes: number, zone: string): DateTime {
  return DateTime.fromMillis(minutes * MS_PER_MINUTE, { zone });
}

/** The local calendar day (`yyyy-MM-dd`) of an instant in a zone. */
export function localDayOf(minutes: number, zone: string): string {
  return inZone(minutes, zone).toISODate() as string;
}

/** A well-formed calendar date `yyyy-MM-dd`. */
export function isLocalDay(day: string): boolean {
  return LOCAL_DAY.test(day) && DateTime.fromISO(day).isValid;
}

/** A local day's span: local midnight to the next local midnight; 23 or 25 hours long on DST days. */
export function dayBounds(day: string, zone: string): Span {
  const start = DateTime.fromISO(day, { zone }).startOf("day");
  return { start: toMinutes(start), end: toMinutes(start.plus({ days: 1 }).startOf("day")) };
}

/** Length of a local day in minutes (1380, 1440 or 1500 in Europe/Berlin). */
export function dayLengthMinutes(day: string, zone: string): number {
  const { start, end } = dayBounds(day, zone);
  return end - start;
}

/** The span `[start, end)` lies within the local day of its start; ending exactly at midnight is inside. */
export function withinOneLocalDay(span: Span, zone: string): boolean {
  return span.end <= dayBounds(localDayOf(span.start, zone), zone).end;
}

/**
 * The instant of a wall-clock time in a zone. A time skipped when clocks go forward moves forward by the skipped
 * hour (02:30 becomes 03:30); a time that occurs twice when clocks go back is its first occurrence, as in
 * RFC 5545 §3.3.5, whatever day it was computed from.
 */
function wallClock(
  fields: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): number {
  const dt = DateTime.fromObject(fields, { zone });
  const backShift = dt.minus({ hours: 3 }).offset - dt.offset;
  if (backShift > 0) {
    const first = dt.minus({ minutes: backShift });
    if (first.hour === dt.hour && first.minute === dt.minute && first.day === dt.day) return toMinutes(first);
  }
  return toMinutes(dt);
}

function toMinutes(dt: DateTime): number {
  return Math.round(dt.toMillis() / MS_PER_MINUTE);
}

/** The same wall-clock time on another local day (see `wallClock` for DST gaps and repeats). */
export function sameLocalTimeOn(minutes: number, day: string, zone: string): number {
  const target = DateTime.fromISO(day, { zone });
  const source = inZone(minutes, zone);
  return wallClock(
    { year: target.year, month: target.month, day: target.day, hour: source.hour, minute: source.minute },
    zone,
  );
}

/** A local wall-clock time (`HH:mm`) on a local day, as an instant (see `wallClock` for DST gaps and repeats). */
export function atLocalTime(day: string, time: string, zone: string): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Not a local time HH:mm: ${time}`);
  const target = DateTime.fromISO(day, { zone });
  return wallClock(
    { year: target.year, month: target.month, day: target.day, hour: Number(match[1]), minute: Number(match[2]) },
    zone,
  );
}

/** The event's local days from its first to its last (indico.md §3.1: one timetable tab per day). */
export function eventDays(event: TimetableEvent): string[] {
  const ev = eventWindow(event);
  const last = localDayOf(ev.end - 1, ev.zone);
  const days: string[] = [];
  let day = DateTime.fromISO(localDayOf(ev.start, ev.zone), { zone: ev.zone });
  while ((day.toISODate() as string) <= last) {
    days.push(day.toISODate() as string);
    day = day.plus({ days: 1 });
  }
  return days;
}

/** `2026-03-29 09:00` in the zone, for messages (which name the zone once). */
export function formatLocal(minutes: number, zone: string): string {
  return inZone(minutes, zone).toFormat("yyyy-MM-dd HH:mm");
}

/** `09:00` in the zone, for messages about one day. */
export function formatLocalTime(minutes: number, zone: string): string {
  return inZone(minutes, zone).toFormat("HH:mm");
}
