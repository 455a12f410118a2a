import { DateTime } from "luxon";
import type { TimetableEvent } from "../conference-core/time";
import type { Block, Entry } from "./model";

/**
 * Builders for the timetable rule tests (style.md §3.3: each test builds what it needs).
 * Times are written as wall-clock times in the event's zone, the way organisers read them.
 */

export const BERLIN = "Europe/Berlin";

/** UTC ISO (canonical `toISOString`) of a wall-clock time `yyyy-MM-dd HH:mm` in a zone. */
export function local(text: string, zone = BERLIN): string {
  const dt = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone });
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd HH:mm") !== text) {
    throw new RangeError(`${text} does not exist in ${zone}`);
  }
  return new Date(dt.toMillis()).toISOString();
}

/** Wall-clock `yyyy-MM-dd HH:mm` of a UTC instant in a zone, to assert results in local terms. */
export function wall(iso: string, zone = BERLIN): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd HH:mm");
}

/**
 * A conference in Berlin from Fri 27 to Tue 31 March 2026, 09:00–18:00: Sun 29 March is the spring DST day
 * (23 hours long).
 */
export function buildEvent(overrides: Partial<TimetableEvent> = {}): TimetableEvent {
  return { startAt: local("2026-03-27 09:00"), endAt: local("2026-03-31 18:00"), timeZone: BERLIN, ...overrides };
}

/** A conference in Berlin from Fri 23 to Tue 27 October 2026: Sun 25 October is the autumn DST day (25 hours). */
export function buildAutumnEvent(): TimetableEvent {
  return { startAt: local("2026-10-23 09:00"), endAt: local("2026-10-27 18:00"), timeZone: BERLIN };
}

export function buildBlock(overrides: Partial<Block> = {}): Block {
  return {
    id: "block-1",
    sessionId: "session-1",
    startAt: local("2026-03-27 09:00"),
    durationMinutes: 120,
    isPoster: false,
    ...overrides,
  };
}

export function buildContribution(overrides: Partial<Entry> = {}): Entry {
  return {
    id: "contribution-1",
    kind: "contribution",
    sessionId: "session-1",
    blockId: "block-1",
    startAt: local("2026-03-27 09:00"),
    durationMinutes: 20,
    ...overrides,
  };
}

export function buildBreak(overrides: Partial<Entry> = {}): Entry {
  return {
    id: "break-1",
    kind: "break",
    sessionId: null,
    blockId: null,
    startAt: local("2026-03-27 10:30"),
    durationMinutes: 20,
    ...overrides,
  };
}
