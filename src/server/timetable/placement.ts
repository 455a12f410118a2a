import type { TimetableEvent } from "../conference-core/time";
import {
  atLocalTime,
  dayBounds,
  eventDays,
  eventWindow,
  formatLocal,
  isLocalDay,
  isValidDuration,
  localDayOf,
  parseInstant,
  sameLocalTimeOn,
  spanOf,
  toInstant,
} from "../conference-core/time";
import {
  type Block,
  type BlockGrowth,
  DEFAULT_BLOCK_MINUTES,
  DEFAULT_BREAK_MINUTES,
  DEFAULT_EVENT_CONTRIBUTION_MINUTES,
  DEFAULT_LATER_DAY_START,
  type Entry,
  type EntryKind,
  type Problem,
  parentIdOf,
  type Refusal,
  refuse,
  type Scheduled,
} from "./model";
import { spansOverlap } from "./parallel";
import { growthProblems, invalidDuration, invalidInstant, NOUN, posterOnly, windowProblems } from "./problems";

/**
 * Where blocks, contributions and breaks may be placed, and how blocks move, grow and shrink
 * (conferences.md, "Session blocks and the timetable"; indico.md §1.11, §2.2, §2.7, §3.2–§3.4).
 * Pure: plain data in, a decision out; the caller writes it and checks permissions (the one exception is the
 * §2.5 boundary guard, which needs to know whether the actor may manage the block and takes it as a flag).
 */

/**
 * A block as created or edited: whole minutes > 0 (at most 24 h), inside the event, within one local day of the
 * event's zone; ending exactly at local midnight is still the same day (conferences.md, "Session blocks";
 * indico.md §1.5, §2.2, §1.11 invariants 5–6). Returns the problems; empty means valid.
 */
export function validateBlock(event: TimetableEvent, block: Block): Problem[] {
  const ev = eventWindow(event);
  const problems: Problem[] = [];
  const start = parseInstant(block.startAt);
  if (start === null) problems.push(invalidInstant("startAt"));
  if (!isValidDuration(block.durationMinutes)) problems.push(invalidDuration("block"));
  if (start === null || problems.length > 0) return problems;
  return windowProblems(ev, { start, end: start + block.durationMinutes }, "block");
}

export interface PlaceEntryOptions {
  /** The actor may manage the target block (§2.5 `can_manage_blocks`), so the block may grow to fit. */
  readonly mayGrowBlock: boolean;
}

export interface PlacedEntry<E extends Entry> {
  readonly ok: true;
  /** The entry as it must be stored: canonical times, `blockId` set, poster times taken from the block. */
  readonly entry: E;
  /** Present when the block must end later to hold the entry. */
  readonly blockChange?: BlockGrowth;
  /** Siblings the entry runs in parallel with; information only, parallel entries are allowed (§1.9). */
  readonly parallelWith: readonly string[];
}

/**
 * Places a contribution or break at top level (`block` null) or inside a block (conferences.md, "Session
 * blocks and the timetable"; indico.md §1.11, §2.3, §2.7, §3.3, §2.5 boundary guard):
 * - a contribution of a session goes only into that session's blocks; one without a session only at top level;
 * - no breaks in poster blocks; in a poster block a contribution takes the block's start and duration;
 * - a child never starts before its block; when it would end after it, the block grows at its end if
 *   `mayGrowBlock`, else the placement is refused and says why; growth never crosses local midnight or the event
 *   end, and the event itself never grows;
 * - top-level entries lie inside the event and within one local day.
 * `others` are the other items already placed (any parent; an entry with the same id is the one being moved).
 */
export function placeEntry<E extends Entry>(
  event: TimetableEvent,
  block: Block | null,
  entry: E,
  others: readonly Scheduled[],
  options: PlaceEntryOptions,
): PlacedEntry<E> | Refusal {
  const ev = eventWindow(event);
  const problems: Problem[] = [];
  if (block === null) {
    if (entry.kind === "contribution" && entry.sessionId !== null) {
      problems.push({
        code: "contribution_of_session_at_top_level",
        field: "blockId",
        message: "A contribution that belongs to a session is scheduled only inside one of that session's blocks.",
      });
    }
  } else if (entry.kind === "break") {
    if (block.isPoster) {
      problems.push({
        code: "break_in_poster_block",
        field: "blockId",
        message: "Breaks cannot be placed inside a poster session's block.",
      });
    }
  } else if (entry.sessionId === null) {
    problems.push({
      code: "contribution_without_session_in_block",
      field: "blockId",
      message: "A contribution without a session is scheduled only at top level, outside session blocks.",
    });
  } else if (entry.sessionId !== block.sessionId) {
    problems.push({
      code: "contribution_of_other_session",
      field: "blockId",
      message: "A contribution is scheduled only inside blocks of its own session.",
    });
  }

  // Quirk §8.3 done right: a poster stores the block's times instead of a sequential time shown differently.
  const isPosterChild = block?.isPoster === true && entry.kind === "contribution";
  const startAt = isPosterChild && block ? block.startAt : entry.startAt;
  const durationMinutes = isPosterChild && block ? block.durationMinutes : entry.durationMinutes;
  const start = parseInstant(startAt);
  if (start === null) problems.push(invalidInstant("startAt"));
  if (!isValidDuration(durationMinutes)) problems.push(invalidDuration(entry.kind));
  if (start === null || problems.length > 0) return refuse(problems);

  const span = { start, end: start + durationMinutes };
  const placed: E = { ...entry, blockId: block?.id ?? null, startAt: toInstant(start), durationMinutes };
  const parentId = block?.id ?? null;
  const siblings = others.filter((other) => other.id !== entry.id && parentIdOf(other) === parentId);
  const parallelWith = isPosterChild
    ? []
    : siblings.filter((other) => spansOverlap(span, spanOf(other))).map((other) => other.id);

  if (block === null) {
    const windowed = windowProblems(ev, span, entry.kind);
    return windowed.length > 0 ? refuse(windowed) : { ok: true, entry: placed, parallelWith };
  }

  const blockSpan = spanOf(block, "block.startAt");
  if (span.start < blockSpan.start) {
    return refuse([
      {
        code: "starts_before_block",
        field: "startAt",
        message: `${NOUN[entry.kind]} would start at ${formatLocal(span.start, ev.zone)}, before its session block starts at ${formatLocal(blockSpan.start, ev.zone)} (${ev.zone}).`,
      },
    ]);
  }
  if (span.end <= blockSpan.end) return { ok: true, entry: placed, parallelWith };

  const newEnd = Math.max(span.end, ...siblings.map((other) => spanOf(other).end));
  const growth = growthProblems(ev, blockSpan, newEnd, options.mayGrowBlock);
  if (growth.length > 0) return refuse(growth);
  return { ok: true, entry: placed, blockChange: { newDurationMinutes: newEnd - blockSpan.start }, parallelWith };
}

export interface FittedBlock<B extends Block> {
  readonly ok: true;
  readonly block: B;
  /** False when nothing changed (already fitted, or empty: an empty block is left as it is). */
  readonly changed: boolean;
}

/**
 * Fit to content: the block starts at its earliest child and ends at its latest child's end; children do not
 * move (conferences.md, "Fit to content"; indico.md §3.4). An empty block is left unchanged. Refused for poster
 * blocks, where every poster spans the whole block (indico.md §2.3).
 */
export function fitBlockToContent<B extends Block>(
  event: TimetableEvent,
  block: B,
  children: readonly Entry[],
): FittedBlock<B> | Refusal {
  if (block.isPoster) return refuse([posterOnly("Fit to content")]);
  const current = spanOf(block, "block.startAt");
  if (children.length === 0) return { ok: true, block, changed: false };
  const spans = children.map((child) => spanOf(child));
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const fitted: B = { ...block, startAt: toInstant(start), durationMinutes: end - start };
  // Children always lie inside their block, so fitting only shrinks; the check guards inconsistent input.
  const problems = validateBlock(event, fitted);
  if (problems.length > 0) return refuse(problems);
  return { ok: true, block: fitted, changed: start !== current.start || end !== current.end };
}

/** Children carried by `offset` minutes; posters take the block's (new) start and duration exactly. */
function carryChildren<E extends Entry>(children: readonly E[], offset: number, block: Block): E[] {
  return children.map((child) =>
    block.isPoster && child.kind === "contribution"
      ? { ...child, startAt: block.startAt, durationMinutes: block.durationMinutes }
      : { ...child, startAt: toInstant(spanOf(child).start + offset) },
  );
}

export interface MovedBlock<B extends Block, E extends Entry> {
  readonly ok: true;
  readonly block: B;
  /** Every child, shifted by the same offset as the block. */
  readonly children: E[];
  readonly offsetMinutes: number;
}

/**
 * Moves a block, possibly to another day (Indico cannot: its top request, indico.md §9.1; conferences.md
 * "Blocks can be moved to another day"), carrying its children by the same offset in real minutes so every
 * child keeps its place inside the block. Refused when the block would leave the event or cross local midnight.
 */
export function moveBlock<B extends Block, E extends Entry>(
  event: TimetableEvent,
  block: B,
  children: readonly E[],
  newStartAt: string,
): MovedBlock<B, E> | Refusal {
  const start = parseInstant(newStartAt);
  if (start === null) return refuse([invalidInstant("startAt")]);
  const offset = start - spanOf(block, "block.startAt").start;
  const moved: B = { ...block, startAt: toInstant(start) };
  const problems = validateBlock(event, moved);
  if (problems.length > 0) return refuse(problems);
  return { ok: true, block: moved, children: carryChildren(children, offset, moved), offsetMinutes: offset };
}

/**
 * Moves a block to another local day at the same wall-clock time (conferences.md, "Blocks can be moved to
 * another day"; indico.md §9.1). A time skipped by a DST change moves forward by the skipped hour.
 */
export function moveBlockToDay<B extends Block, E extends Entry>(
  event: TimetableEvent,
  block: B,
  children: readonly E[],
  day: string,
): MovedBlock<B, E> | Refusal {
  const ev = eventWindow(event);
  if (!isLocalDay(day)) return refuse([{ code: "invalid_day", field: "day", message: "The day must be yyyy-MM-dd." }]);
  const start = sameLocalTimeOn(spanOf(block, "block.startAt").start, day, ev.zone);
  return moveBlock(event, block, children, toInstant(start));
}

export interface ResizedBlock<B extends Block, E extends Entry> {
  readonly ok: true;
  readonly block: B;
  /** The children as they must be stored: unchanged, except posters, which take the new duration. */
  readonly children: E[];
}

/**
 * Changes a block's duration, start unchanged: it cannot cut off children ("This duration is too short to fit
 * the entries within", indico.md §2.2, §3.2) and must stay inside the event and its local day. In a poster block
 * the posters follow the block's new duration (indico.md §2.3).
 */
export function resizeBlock<B extends Block, E extends Entry>(
  event: TimetableEvent,
  block: B,
  children: readonly E[],
  newDurationMinutes: number,
): ResizedBlock<B, E> | Refusal {
  const ev = eventWindow(event);
  if (!isValidDuration(newDurationMinutes)) return refuse([invalidDuration("block")]);
  const start = spanOf(block, "block.startAt").start;
  const resized: B = { ...block, startAt: toInstant(start), durationMinutes: newDurationMinutes };
  if (!block.isPoster && children.length > 0) {
    const lastEnd = Math.max(...children.map((child) => spanOf(child).end));
    if (lastEnd > start + newDurationMinutes) {
      return refuse([
        {
          code: "cuts_off_children",
          field: "durationMinutes",
          message: `This duration is too short to fit the entries within: the last one ends at ${formatLocal(lastEnd, ev.zone)} (${ev.zone}).`,
        },
      ]);
    }
  }
  const problems = validateBlock(event, resized);
  if (problems.length > 0) return refuse(problems);
  return { ok: true, block: resized, children: carryChildren(children, 0, resized) };
}

export interface DurationDefaults {
  /** The event's default contribution duration (conferences.md, "Event": 20 min when unset). */
  readonly eventContributionMinutes?: number;
  /** The session's default contribution duration; pass it only when the contribution goes inside a block. */
  readonly sessionContributionMinutes?: number | null;
}

/**
 * Default duration of a new block (60), break (20) or contribution: the session's default contribution duration
 * inside a block, else the event's (20) (conferences.md, "Contributions"; indico.md §2.4, §3.2).
 */
export function defaultDurationMinutes(kind: "block" | EntryKind, defaults: DurationDefaults = {}): number {
  if (kind === "block") return DEFAULT_BLOCK_MINUTES;
  if (kind === "break") return DEFAULT_BREAK_MINUTES;
  return defaults.sessionContributionMinutes ?? defaults.eventContributionMinutes ?? DEFAULT_EVENT_CONTRIBUTION_MINUTES;
}

/**
 * Default start of a new entry in a block: the latest child's end, or the block start when empty; a poster
 * always starts with its block (indico.md §3.2 "Default start time", §2.3).
 */
export function defaultStartInBlock(block: Block, children: readonly Entry[]): string {
  const start = spanOf(block, "block.startAt").start;
  if (block.isPoster || children.length === 0) return toInstant(start);
  return toInstant(Math.max(start, ...children.map((child) => spanOf(child).end)));
}

export interface NextFreeStart {
  readonly ok: true;
  readonly startAt: string;
}

/**
 * Next free start at top level on a local day (indico.md §2.7 `find_next_start_dt`): after the latest top-level
 * item of that day, no earlier than the event start on the event's first day, or `laterDayStart` (08:00) on
 * later days; the entry must end by the day's end or the event's end. Quirk §8.5 done right: "first day" and
 * "last day" compare local days with local days, never a UTC date with a local one.
 */
export function nextFreeStartOnDay(
  event: TimetableEvent,
  day: string,
  topLevelItems: readonly Scheduled[],
  durationMinutes: number,
  laterDayStart: string = DEFAULT_LATER_DAY_START,
): NextFreeStart | Refusal {
  const ev = eventWindow(event);
  if (!isLocalDay(day) || !eventDays(event).includes(day)) {
    return refuse([{ code: "invalid_day", field: "day", message: `${day} is not a day of the event (${ev.zone}).` }]);
  }
  if (!isValidDuration(durationMinutes)) return refuse([invalidDuration("contribution")]);
  const bounds = dayBounds(day, ev.zone);
  const earliest = localDayOf(ev.start, ev.zone) === day ? ev.start : atLocalTime(day, laterDayStart, ev.zone);
  const latest = Math.min(bounds.end, ev.end);
  const ends = topLevelItems
    .filter((item) => parentIdOf(item) === null)
    .map((item) => spanOf(item))
    .filter((span) => localDayOf(span.start, ev.zone) === day)
    .map((span) => span.end);
  const start = Math.max(earliest, ...ends);
  if (start + durationMinutes > latest) {
    return refuse([
      {
        code: "no_free_time",
        field: "durationMinutes",
        message: `An entry of ${durationMinutes} minutes does not fit on ${day} after ${formatLocal(start, ev.zone)} (${ev.zone}).`,
      },
    ]);
  }
  return { ok: true, startAt: toInstant(start) };
}

export interface PosterBlock<B extends Block, E extends Entry> {
  readonly ok: true;
  readonly block: B;
  /** The contributions as they must be stored: with the block's start and duration. */
  readonly children: E[];
}

/**
 * A block whose session becomes a poster session (it gets a poster type, or its type gets the Poster toggle;
 * indico.md §2.3): refused while breaks sit inside it, since poster blocks hold no breaks; otherwise every
 * contribution takes the block's start and duration (quirk §8.3 done right).
 */
export function becomePosterBlock<B extends Block, E extends Entry>(
  event: TimetableEvent,
  block: B,
  children: readonly E[],
): PosterBlock<B, E> | Refusal {
  const ev = eventWindow(event);
  const breaks = children.filter((child) => child.kind === "break");
  if (breaks.length > 0) {
    return refuse([
      {
        code: "break_in_poster_block",
        field: "typeId",
        subjectId: block.id,
        message: `The session block starting ${formatLocal(spanOf(block, "block.startAt").start, ev.zone)} (${ev.zone}) holds ${breaks.length === 1 ? "a break" : `${breaks.length} breaks`}, and a poster session's blocks cannot: delete or move ${breaks.length === 1 ? "it" : "them"} first.`,
      },
    ]);
  }
  const poster: B = { ...block, isPoster: true };
  return { ok: true, block: poster, children: carryChildren(children, 0, poster) };
}
