/**
 * Plain data for the pure timetable rules (conferences.md, "Session blocks and the timetable";
 * indico.md §1.5 SessionBlock, §1.9 TimetableEntry, §1.10 Break).
 *
 * Time representation: at this module's boundary every instant is a UTC ISO-8601 string (`…At`, style.md §3.2
 * rule 9) that names its offset and falls on a whole minute; every returned instant is canonical
 * `Date#toISOString()` text (`2026-03-29T07:00:00.000Z`), which sorts as text. Inside the rules instants are
 * epoch minutes (integers), so durations are plain subtraction and a 23- or 25-hour DST day needs no special
 * case. "A local day" is a calendar day in the event's IANA zone, computed with luxon (conference-core/time.ts).
 */

/** A session block: one scheduled stretch of one session on one local day (indico.md §1.5). Always top-level. */
export interface Block {
  readonly id: string;
  readonly sessionId: string;
  readonly startAt: string;
  readonly durationMinutes: number;
  /** The block's session has a poster type (indico.md §2.3). */
  readonly isPoster: boolean;
}

export type EntryKind = "contribution" | "break";

/**
 * A contribution or break placed in the timetable, at top level (`blockId` null) or inside a block.
 * `sessionId` is the contribution's session (null for a contribution without session); it is not consulted for
 * breaks, which belong to no session (indico.md §1.10).
 */
export interface Entry {
  readonly id: string;
  readonly kind: EntryKind;
  readonly sessionId: string | null;
  readonly blockId: string | null;
  readonly startAt: string;
  readonly durationMinutes: number;
}

/** Anything placed in the timetable: a block (top-level) or an entry. */
export type Scheduled = Block | Entry;

/** Why a placement is refused; codes are snake_case and stable, so clients may branch on them. */
export type ProblemCode =
  | "invalid_instant"
  | "invalid_duration"
  | "invalid_gap"
  | "invalid_day"
  | "starts_before_event"
  | "ends_after_event"
  | "crosses_day"
  | "contribution_of_session_at_top_level"
  | "contribution_without_session_in_block"
  | "contribution_of_other_session"
  | "unknown_block"
  | "starts_before_block"
  | "ends_after_block"
  | "block_growth_not_allowed"
  | "break_in_poster_block"
  | "poster_block"
  | "poster_times_mismatch"
  | "cuts_off_children"
  | "gap_too_large"
  | "parallel_entries"
  | "not_in_scope"
  | "no_free_time";

export interface Problem {
  readonly code: ProblemCode;
  /** A sentence for the user that says why, with times in the event's zone. */
  readonly message: string;
  /** The input field at fault, for a 400's `fields` map. */
  readonly field?: string;
  /** The block or entry at fault, when a rule looks at many (invariants, reschedule). */
  readonly subjectId?: string;
}

/** The common refusal: at least one problem. */
export interface Refusal {
  readonly ok: false;
  readonly problems: readonly Problem[];
}

/** A block must end later to hold its content: the new duration, start unchanged (indico.md §3.3). */
export interface BlockGrowth {
  readonly newDurationMinutes: number;
}

/** New time of one block or entry, as a rearranging rule (reschedule, shift, swap) computed it. */
export interface TimeUpdate {
  readonly id: string;
  readonly kind: "block" | EntryKind;
  readonly startAt: string;
  readonly durationMinutes: number;
}

/** Default block duration (conferences.md, "Session blocks"; indico.md §3.2). */
export const DEFAULT_BLOCK_MINUTES = 60;
/** Default break duration (conferences.md, "Breaks"; indico.md §3.2). */
export const DEFAULT_BREAK_MINUTES = 20;
/** The event's default contribution duration when it sets none (conferences.md, "Event"; indico.md §2.4). */
export const DEFAULT_EVENT_CONTRIBUTION_MINUTES = 20;
/** Earliest default start on days after the first (indico.md §2.7, `find_next_start_dt`). */
export const DEFAULT_LATER_DAY_START = "08:00";

/** Tells a block from an entry: entries carry a `kind`. */
export function isBlock(item: Scheduled): item is Block {
  return !("kind" in item);
}

/** The block an item sits in; null for top-level items (blocks are always top-level, indico.md §1.9). */
export function parentIdOf(item: Scheduled): string | null {
  return isBlock(item) ? null : item.blockId;
}

/** The kind a `TimeUpdate` reports for an item. */
export function kindOf(item: Scheduled): TimeUpdate["kind"] {
  return isBlock(item) ? "block" : item.kind;
}

/** A refusal carrying the problems that say why. */
export function refuse(problems: readonly Problem[]): Refusal {
  return { ok: false, problems };
}
