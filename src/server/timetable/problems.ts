import {
  type EventWindow,
  formatLocal,
  MAX_DURATION_MINUTES,
  type Span,
  withinOneLocalDay,
} from "../conference-core/time";
import type { EntryKind, Problem } from "./model";

/** Problems shared by the placement rules, worded for the user with times in the event's zone. */

/** What a problem talks about. */
export type Subject = "block" | EntryKind;

/** How messages name each subject. */
export const NOUN: Record<Subject, string> = {
  block: "The session block",
  contribution: "The contribution",
  break: "The break",
};

/** A time that is not a whole-minute instant naming its offset (platform.md, "Time"). */
export function invalidInstant(field: string): Problem {
  return {
    code: "invalid_instant",
    field,
    message: "The time must be a date and time on a whole minute that names its UTC offset.",
  };
}

/** A duration that is not whole minutes from 1 to 24 h (indico.md §1.5, §3.2; quirk §8.8 for breaks). */
export function invalidDuration(subject: Subject, field = "durationMinutes"): Problem {
  return {
    code: "invalid_duration",
    field,
    message: `${NOUN[subject]} must last a whole number of minutes, at least 1 and at most ${MAX_DURATION_MINUTES}.`,
  };
}

/** Event window and one-local-day rules for a top-level span (§1.11 invariants 5 and 6; §2.2 "one day"). */
export function windowProblems(ev: EventWindow, span: Span, subject: Subject): Problem[] {
  const problems: Problem[] = [];
  const zone = ev.zone;
  if (span.start < ev.start) {
    problems.push({
      code: "starts_before_event",
      field: "startAt",
      message: `${NOUN[subject]} would start at ${formatLocal(span.start, zone)}, before the event starts at ${formatLocal(ev.start, zone)} (${zone}).`,
    });
  }
  if (span.end > ev.end) {
    problems.push({
      code: "ends_after_event",
      field: "durationMinutes",
      message: `${NOUN[subject]} would end at ${formatLocal(span.end, zone)}, after the event ends at ${formatLocal(ev.end, zone)} (${zone}).`,
    });
  }
  if (!withinOneLocalDay(span, zone)) {
    problems.push({
      code: "crosses_day",
      field: "durationMinutes",
      message: `${NOUN[subject]} would run from ${formatLocal(span.start, zone)} to ${formatLocal(span.end, zone)}, past midnight; it must stay within one day in ${zone}.`,
    });
  }
  return problems;
}

/** Problems of a block that must end at `newEnd` to hold its content (§3.3 auto-extension, never the event). */
export function growthProblems(ev: EventWindow, block: Span, newEnd: number, mayGrowBlock: boolean): Problem[] {
  const zone = ev.zone;
  const problems: Problem[] = [];
  if (!mayGrowBlock) {
    problems.push({
      code: "block_growth_not_allowed",
      field: "startAt",
      message: `This needs the session block to end at ${formatLocal(newEnd, zone)} instead of ${formatLocal(block.end, zone)} (${zone}), but you may not manage this session's blocks. Shorten or move the entry, or ask an event or session manager.`,
    });
  }
  if (newEnd > ev.end) {
    problems.push({
      code: "ends_after_event",
      field: "durationMinutes",
      message: `The session block would have to grow to end at ${formatLocal(newEnd, zone)}, after the event ends at ${formatLocal(ev.end, zone)} (${zone}).`,
    });
  }
  if (!withinOneLocalDay({ start: block.start, end: newEnd }, zone)) {
    problems.push({
      code: "crosses_day",
      field: "durationMinutes",
      message: `The session block would have to grow past midnight, to ${formatLocal(newEnd, zone)}; a block stays within one day in ${zone}.`,
    });
  }
  if (newEnd - block.start > MAX_DURATION_MINUTES) problems.push(invalidDuration("block"));
  return problems;
}

/** An action that poster blocks do not offer: reschedule, fit to content (indico.md §2.3). */
export function posterOnly(action: string): Problem {
  return {
    code: "poster_block",
    message: `${action} is not available in a poster session's block: every poster spans the whole block.`,
  };
}
