import { ReminderMinutes } from "../../shared/schemas/community-sessions";

// Reminder times as people write them ("24h", "90 min", "3 days", "1h 30m") and as Convene shows them ("24 h",
// "90 min", "3 days"): minutes before a session's start, checked by the shared rule (1 minute to 30 days).

const UNIT_MINUTES: Record<string, number> = {
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  d: 24 * 60,
  day: 24 * 60,
  days: 24 * 60,
  w: 7 * 24 * 60,
  week: 7 * 24 * 60,
  weeks: 7 * 24 * 60,
};

const PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)?/y;

export type ParsedReminder = { ok: true; minutes: number } | { ok: false; message: string };

/** The minutes a typed length of time says ("1h 30m", "1.5 h"; a bare number is minutes), whole or not. */
function readLength(text: string): number | null {
  const input = text.trim().toLowerCase();
  if (input === "") return null;
  let minutes = 0;
  let at = 0;
  while (at < input.length) {
    while (input[at] === " ") at++;
    if (at >= input.length) break;
    PART.lastIndex = at;
    const m = PART.exec(input);
    if (!m) return null;
    const unit = m[2] === undefined ? 1 : UNIT_MINUTES[m[2]];
    if (unit === undefined) return null;
    minutes += Number((m[1] ?? "").replace(",", ".")) * unit;
    at = PART.lastIndex;
  }
  return minutes;
}

/**
 * A length of time typed by a person, in whole minutes: "24h", "2 hours", "3d", "90m", "1h 30m", "1.5 h"; a bare
 * number is minutes. Null when it is none; the caller's rule names the range. Reminder times and the waitlist's
 * hold are read alike.
 */
export function parseMinutes(text: string): number | null {
  const minutes = readLength(text);
  return minutes !== null && Number.isInteger(minutes) ? minutes : null;
}

/**
 * One reminder time typed by a person, in minutes (as `parseMinutes` reads it). The message of a refusal is a
 * sentence that names what was typed and the rule it breaks.
 */
export function parseReminderTime(text: string): ParsedReminder {
  const typed = text.trim();
  if (typed === "") return { ok: false, message: "Write a time, such as 24h, 90m or 3d" };
  const minutes = readLength(typed);
  if (minutes === null) return { ok: false, message: `“${typed}” is not a time: write it as 24h, 90m or 3d` };
  if (!Number.isInteger(minutes)) return { ok: false, message: `“${typed}” is not whole minutes before the start` };
  const checked = ReminderMinutes.safeParse([minutes]);
  if (!checked.success) {
    return { ok: false, message: `“${typed}” ${checked.error.issues[0]?.message ?? "is not a valid time"}` };
  }
  return { ok: true, minutes };
}

/** Minutes as Convene shows a reminder time: "3 days" (from 2 days, whole days), "24 h", "1 h", "90 min". */
export function formatReminderTime(minutes: number): string {
  const day = 24 * 60;
  if (minutes >= 2 * day && minutes % day === 0) return `${minutes / day} days`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/** A list of reminder times, latest first: "24 h, 1 h". */
export function formatReminderTimes(minutes: readonly number[]): string {
  return sortReminderTimes(minutes).map(formatReminderTime).join(", ");
}

/** Latest first, as the server plans them. */
export function sortReminderTimes(minutes: readonly number[]): number[] {
  return [...minutes].sort((a, b) => b - a);
}
