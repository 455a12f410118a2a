import { formatClock, type HourCycle, offsetMinutes } from "../../../shared/time";
import { USER_HOUR_CYCLE } from "../../lib/clock";

// Wall-clock times in an event's zone, as the forms hold them ("2026-03-27T09:00"), turned into the instants
// with an offset that the API takes ("2026-03-27T09:00:00+01:00"). Intl only, like src/shared/time.ts.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * "2026-03-27T09:00" read in `zone` as an instant with its offset: "2026-03-27T09:00:00+01:00". Null when the
 * text is not a wall-clock time, or when that time does not exist in the zone (skipped by a DST change). An
 * ambiguous time (the hour repeated in autumn) is the earlier one.
 */
export function localToInstant(local: string, zone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null;
  let offsets: number[];
  try {
    offsets = [
      ...new Set([offsetMinutes(new Date(wall - 14 * HOUR), zone), offsetMinutes(new Date(wall + 14 * HOUR), zone)]),
    ];
  } catch {
    return null;
  }
  // The offset in force just before and just after; an instant is valid when the zone agrees with its offset.
  const valid = offsets
    .map((offset) => ({ offset, at: wall - offset * MINUTE }))
    .filter(({ offset, at }) => offsetMinutes(new Date(at), zone) === offset)
    .sort((a, b) => a.at - b.at);
  const first = valid[0];
  return first ? `${local}:00${formatOffset(first.offset)}` : null;
}

/** The inverse of localToInstant: an instant as the wall clock in `zone` shows it, "2026-03-27T09:00". */
export function instantToLocal(at: string | number, zone: string): string {
  const ms = typeof at === "number" ? at : Date.parse(at);
  return new Date(ms + offsetMinutes(new Date(ms), zone) * MINUTE).toISOString().slice(0, 16);
}

/** "2026-03-27" and "09:00" → "2026-03-27T09:00". */
export function joinLocal(day: string, time: string): string {
  return `${day}T${time}`;
}

/** The day part of a wall-clock time: "2026-03-27T09:00" → "2026-03-27". */
export const dayOf = (local: string): string => local.slice(0, 10);

/** The time part of a wall-clock time: "2026-03-27T09:00" → "09:00". */
export const clockOf = (local: string): string => local.slice(11, 16);

/**
 * An instant as the wall clock in `zone` shows it, in the viewer's clock ("09:30" or "09:30 AM"): the editor's
 * grid names its zone once.
 */
export function clockIn(at: string | number, zone: string, hourCycle: HourCycle = USER_HOUR_CYCLE): string {
  return clockText(clockOf(instantToLocal(at, zone)), hourCycle);
}

/** "17:05" (as forms hold a time) in the viewer's clock: "17:05" or "05:05 PM". */
export function clockText(hhmm: string, hourCycle: HourCycle = USER_HOUR_CYCLE): string {
  const [hour, minute] = hhmm.split(":").map(Number) as [number, number];
  return Number.isInteger(hour) && Number.isInteger(minute) ? formatClock(hour, minute, hourCycle) : hhmm;
}

/** From one instant to another on the wall clock in `zone`: "09:30–10:15". */
export const clockRangeIn = (startMs: number, endMs: number, zone: string): string =>
  `${clockIn(startMs, zone)}–${clockIn(endMs, zone)}`;

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
});
const shortDayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
});

/**
 * A calendar day of the event (already in the event's zone) as people read it: "Fri 27 Mar 2026", or with
 * `short` "Fri 27 Mar". A date, not an instant: no zone to convert or name.
 */
export function dayLabel(day: string, opts: { short?: boolean } = {}): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime())) return day;
  return (opts.short ? shortDayFormat : dayFormat).format(date).replace(",", "");
}

/** "90" → "1 h 30 min", "20" → "20 min", "120" → "2 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The day after "2026-03-27": "2026-03-28". */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * A day's local midnights in `zone` as instants: where it starts and where the next begins. A midnight skipped
 * by a DST change (a few zones change at 00:00) is taken at 01:00.
 */
export function dayBounds(day: string, zone: string): { startAt: string; endAt: string } {
  const midnight = (d: string) =>
    new Date(
      localToInstant(`${d}T00:00`, zone) ?? localToInstant(`${d}T01:00`, zone) ?? `${d}T00:00:00Z`,
    ).toISOString();
  return { startAt: midnight(day), endAt: midnight(nextDay(day)) };
}
