import {
  dayBounds,
  type EventWindow,
  eventWindow,
  formatLocal,
  isLocalDay,
  localDayOf,
  MAX_DURATION_MINUTES,
  spanOf,
  type TimetableEvent,
  toInstant,
} from "../conference-core/time";
import {
  type Block,
  type BlockGrowth,
  type Entry,
  isBlock,
  kindOf,
  type Problem,
  parentIdOf,
  type Refusal,
  refuse,
  type Scheduled,
  type TimeUpdate,
} from "./model";
import { groupByOverlap, spansOverlap } from "./parallel";
import { growthProblems, NOUN, posterOnly, windowProblems } from "./problems";

/**
 * Rearranging siblings: reschedule (compact), shift later entries, swap with a neighbour (conferences.md,
 * "Reschedule"; indico.md §3.5, §3.6). Blocks that move carry their children by the same offset.
 */

/**
 * What a rearranging rule works on (indico.md §3.5 scopes):
 * - `block`: the children of one block;
 * - `day`: the top-level items (blocks, top-level contributions and breaks) starting on a local day;
 * - `session`: the blocks of one session starting on a local day (the session timetable).
 */
export type TimetableScope =
  | { readonly kind: "block"; readonly block: Block }
  | { readonly kind: "day"; readonly day: string }
  | { readonly kind: "session"; readonly sessionId: string; readonly day: string };

/** `time`: "Start times"; `duration`: "Durations"; `none`: only fit blocks (indico.md §3.5). */
export type RescheduleMode = "none" | "time" | "duration";

/** The items of `items` that belong to the scope; any others are ignored (quirk §8.1 done right). */
export function itemsInScope(event: TimetableEvent, scope: TimetableScope, items: readonly Scheduled[]): Scheduled[] {
  const zone = eventWindow(event).zone;
  const onDay = (item: Scheduled, day: string) => localDayOf(spanOf(item).start, zone) === day;
  switch (scope.kind) {
    case "block":
      return items.filter((item) => parentIdOf(item) === scope.block.id);
    case "day":
      return items.filter((item) => parentIdOf(item) === null && onDay(item, scope.day));
    case "session":
      return items.filter((item) => isBlock(item) && item.sessionId === scope.sessionId && onDay(item, scope.day));
  }
}

export interface Rearranged {
  readonly ok: true;
  /** New times of every block and entry that changed (children carried by a block included), in time order. */
  readonly updates: TimeUpdate[];
  /** Block scope only: the block's new duration when it must grow (or, with `fitBlocks`, shrink). */
  readonly blockChange?: BlockGrowth;
}

/** A block or entry being rearranged, in epoch minutes. */
interface Work {
  readonly item: Scheduled;
  readonly origStart: number;
  readonly origDuration: number;
  /** Where the item stood before the mode moved it (after fitting): children move by `start - baseStart`. */
  baseStart: number;
  start: number;
  duration: number;
}

function toWork(item: Scheduled): Work {
  const { start, end } = spanOf(item);
  return { item, origStart: start, origDuration: end - start, baseStart: start, start, duration: end - start };
}

const workSpan = (work: Work) => ({ start: work.start, end: work.start + work.duration });

function scopeProblems(scope: TimetableScope): Problem[] {
  if (scope.kind !== "block" && !isLocalDay(scope.day)) {
    return [{ code: "invalid_day", field: "day", message: "The day must be a date, yyyy-MM-dd." }];
  }
  return [];
}

interface Arrangement {
  readonly works: Work[];
  readonly children: Map<string, Work[]>;
}

function arrange(
  event: TimetableEvent,
  scope: TimetableScope,
  items: readonly Scheduled[],
  children: readonly Entry[],
) {
  const works = itemsInScope(event, scope, items)
    .map(toWork)
    .sort((a, b) => a.start - b.start || a.duration - b.duration || (a.item.id < b.item.id ? -1 : 1));
  const blockIds = new Set(works.filter((work) => isBlock(work.item)).map((work) => work.item.id));
  const byBlock = new Map<string, Work[]>();
  for (const child of children) {
    if (child.blockId === null || !blockIds.has(child.blockId)) continue;
    const list = byBlock.get(child.blockId) ?? [];
    list.push(toWork(child));
    byBlock.set(child.blockId, list);
  }
  return { works, children: byBlock } satisfies Arrangement;
}

interface FinishOptions {
  readonly mayGrowBlock: boolean;
  /** Block scope: the block ends exactly where its content ends (it may shrink). */
  readonly fitBlock: boolean;
  /** Block scope: the end of an entry placed outside this rule that the block must also hold. */
  readonly alsoHoldEnd?: number;
}

/** Carries children, checks the result against the block, the event and local days, and lists the changes. */
function finish(
  ev: EventWindow,
  scope: TimetableScope,
  { works, children }: Arrangement,
  options: FinishOptions,
): Rearranged | Refusal {
  const problems: Problem[] = [];
  for (const work of works) {
    if (!isBlock(work.item)) continue;
    const block = work.item;
    const kids = children.get(block.id) ?? [];
    for (const kid of kids) {
      if (block.isPoster && !isBlock(kid.item) && kid.item.kind === "contribution") {
        kid.start = work.start;
        kid.duration = work.duration;
      } else {
        kid.start = kid.origStart + (work.start - work.baseStart);
      }
    }
    const lastEnd = Math.max(...kids.map((kid) => kid.start + kid.duration));
    if (!block.isPoster && kids.length > 0 && lastEnd > work.start + work.duration) {
      problems.push({
        code: "cuts_off_children",
        subjectId: block.id,
        message: `A session block would end at ${formatLocal(work.start + work.duration, ev.zone)}, before its last entry ends at ${formatLocal(lastEnd, ev.zone)} (${ev.zone}).`,
      });
    }
  }

  let blockChange: BlockGrowth | undefined;
  if (scope.kind === "block") {
    const block = spanOf(scope.block, "block.startAt");
    const ends = works.map((work) => work.start + work.duration);
    if (options.alsoHoldEnd !== undefined) ends.push(options.alsoHoldEnd);
    for (const work of works) {
      if (work.start < block.start) {
        problems.push({
          code: "starts_before_block",
          subjectId: work.item.id,
          message: `An entry would start at ${formatLocal(work.start, ev.zone)}, before its block starts (${ev.zone}).`,
        });
      }
    }
    if (ends.length > 0) {
      const contentEnd = Math.max(...ends);
      const newEnd = options.fitBlock ? contentEnd : Math.max(contentEnd, block.end);
      if (newEnd > block.end) problems.push(...growthProblems(ev, block, newEnd, options.mayGrowBlock));
      if (newEnd !== block.end) blockChange = { newDurationMinutes: newEnd - block.start };
    }
  } else {
    // Rearranging a day keeps everything on that day: checking each item's own start day would let an item
    // pushed to start at midnight slip onto the next day.
    const day = dayBounds(scope.day, ev.zone);
    for (const work of works) {
      const span = workSpan(work);
      for (const problem of windowProblems(ev, span, kindOf(work.item))) {
        if (problem.code !== "crosses_day") problems.push({ ...problem, subjectId: work.item.id });
      }
      if (span.start < day.start || span.end > day.end) {
        problems.push({
          code: "crosses_day",
          subjectId: work.item.id,
          message: `${NOUN[kindOf(work.item)]} would run from ${formatLocal(span.start, ev.zone)} to ${formatLocal(span.end, ev.zone)}, outside ${scope.day}; entries stay within their day in ${ev.zone}.`,
        });
      }
    }
  }
  if (problems.length > 0) return refuse(problems);

  const all = [...works, ...[...children.values()].flat()];
  const updates = all
    .filter((work) => work.start !== work.origStart || work.duration !== work.origDuration)
    .sort((a, b) => a.start - b.start || (a.item.id < b.item.id ? -1 : 1))
    .map((work) => ({
      id: work.item.id,
      kind: kindOf(work.item),
      startAt: toInstant(work.start),
      durationMinutes: work.duration,
    }));
  return blockChange ? { ok: true, updates, blockChange } : { ok: true, updates };
}

export interface RescheduleOptions {
  readonly mode: RescheduleMode;
  /** Minutes between consecutive entries: a whole number ≥ 0. */
  readonly gapMinutes: number;
  /** Fit the scope's (non-poster) blocks to their content first; in block scope, fit the block afterwards. */
  readonly fitBlocks?: boolean;
  /** Block scope: the actor may manage the block, so it may grow when the compacted content overflows it. */
  readonly mayGrowBlock?: boolean;
  /** Children of the blocks in a day or session scope: they move with their block. */
  readonly children?: readonly Entry[];
}

/**
 * Reschedule: compact the entries of a block, of a day's top level, or of a session's blocks on a day, with a
 * fixed gap (conferences.md, "Reschedule"; indico.md §3.5). Entries are taken in start order.
 * - `time`: the first entry starts at the scope start, each next one at the previous end + gap; durations stay.
 *   The scope start is the block start for a block, else the first entry of the day, so a session's blocks
 *   anchor at the session's first block (quirk §8.4 done right). Entries that run in parallel move together
 *   as a group, keeping their relative times, instead of being strung out one after another.
 * - `duration`: start times stay; each entry but the last lasts until the next start − gap. Refused if any
 *   duration would drop below one minute, or if entries run in parallel (there is no single "next" one).
 * - `none`: only `fitBlocks`.
 * `fitBlocks` runs first (indico.md §3.5 order). Not available inside a poster block (indico.md §2.3). Content
 * that overflows its block makes the block grow at its end if `mayGrowBlock`, else the reschedule is refused
 * (§2.5 boundary guard); nothing may leave the event or its local day.
 */
export function reschedule(
  event: TimetableEvent,
  scope: TimetableScope,
  items: readonly Scheduled[],
  options: RescheduleOptions,
): Rearranged | Refusal {
  const ev = eventWindow(event);
  const problems = scopeProblems(scope);
  const gap = options.gapMinutes;
  if (!Number.isInteger(gap) || gap < 0 || gap > MAX_DURATION_MINUTES) {
    problems.push({
      code: "invalid_gap",
      field: "gapMinutes",
      message: `The gap must be a whole number of minutes from 0 to ${MAX_DURATION_MINUTES}.`,
    });
  }
  if (scope.kind === "block" && scope.block.isPoster) problems.push(posterOnly("Reschedule"));
  if (problems.length > 0) return refuse(problems);

  const arrangement = arrange(event, scope, items, options.children ?? []);
  const { works, children } = arrangement;
  if (options.fitBlocks && scope.kind !== "block") {
    for (const work of works) {
      const kids = children.get(work.item.id) ?? [];
      if (!isBlock(work.item) || work.item.isPoster || kids.length === 0) continue;
      const start = Math.min(...kids.map((kid) => kid.origStart));
      work.start = start;
      work.baseStart = start;
      work.duration = Math.max(...kids.map((kid) => kid.origStart + kid.origDuration)) - start;
    }
    // A fitted block may now start later than an entry that came after it.
    works.sort((a, b) => a.start - b.start || a.duration - b.duration || (a.item.id < b.item.id ? -1 : 1));
  }

  const groups = groupByOverlap(works, workSpan, (work) => work.item.id);
  if (options.mode === "time" && works.length > 0) {
    let cursor =
      scope.kind === "block" ? spanOf(scope.block, "block.startAt").start : Math.min(...works.map((w) => w.start));
    for (const group of groups) {
      const groupStart = Math.min(...group.map((work) => work.start));
      const groupEnd = Math.max(...group.map((work) => work.start + work.duration));
      const offset = cursor - groupStart;
      for (const work of group) work.start += offset;
      cursor = groupEnd + offset + gap;
    }
  } else if (options.mode === "duration") {
    const parallel = groups.find((group) => group.length > 1);
    if (parallel) {
      return refuse([
        {
          code: "parallel_entries",
          subjectId: parallel[0]?.item.id,
          message:
            "Durations cannot be rescheduled while entries run in parallel; reschedule start times or move the parallel entries apart first.",
        },
      ]);
    }
    for (const [index, work] of works.entries()) {
      const next = works[index + 1];
      if (!next) break;
      const duration = next.start - work.start - gap;
      if (duration <= 0) {
        return refuse([
          {
            code: "gap_too_large",
            field: "gapMinutes",
            subjectId: work.item.id,
            message:
              "The chosen gap would leave an entry with a duration of less than a minute. Choose a smaller gap between entries.",
          },
        ]);
      }
      if (duration > MAX_DURATION_MINUTES) {
        return refuse([
          {
            code: "invalid_duration",
            subjectId: work.item.id,
            message: `The chosen gap would make an entry last more than ${MAX_DURATION_MINUTES} minutes.`,
          },
        ]);
      }
      work.duration = duration;
    }
  }
  return finish(ev, scope, arrangement, {
    mayGrowBlock: options.mayGrowBlock ?? false,
    fitBlock: scope.kind === "block" && options.fitBlocks === true,
  });
}

export interface RearrangeOptions {
  /** Block scope: the actor may manage the block, so it may grow. */
  readonly mayGrowBlock?: boolean;
  /** Children of the blocks in a day or session scope: they move with their block. */
  readonly children?: readonly Entry[];
}

/**
 * Shift later entries (indico.md §3.6, the option in the time dialog): when an entry's end moves from
 * `before` to `after`, every sibling in the scope that starts at or after its old end moves by the same delta.
 * Quirk §8.1 done right: in a session scope only that session's blocks on that day move, never other sessions'
 * blocks or top-level entries. Blocks carry their children; a block scope grows only if `mayGrowBlock`.
 */
export function shiftLaterEntries(
  event: TimetableEvent,
  scope: TimetableScope,
  before: Scheduled,
  after: Scheduled,
  items: readonly Scheduled[],
  options: RearrangeOptions = {},
): Rearranged | Refusal {
  const ev = eventWindow(event);
  const problems = scopeProblems(scope);
  if (problems.length > 0) return refuse(problems);
  const oldEnd = spanOf(before).end;
  const newEnd = spanOf(after).end;
  const siblings = items.filter((item) => item.id !== before.id && spanOf(item).start >= oldEnd);
  const arrangement = arrange(event, scope, siblings, options.children ?? []);
  for (const work of arrangement.works) work.start += newEnd - oldEnd;
  return finish(ev, scope, arrangement, {
    mayGrowBlock: options.mayGrowBlock ?? false,
    fitBlock: false,
    alsoHoldEnd: scope.kind === "block" ? newEnd : undefined,
  });
}

/**
 * Swap up/down (indico.md §3.6): exchange an entry with its nearest sibling above or below in the scope. If a gap
 * separates them, the entry instead moves to butt against that sibling. Refused for an entry, or a neighbour,
 * that runs in parallel with something. Blocks carry their children. No sibling in that direction: no change.
 */
export function swapWithSibling(
  event: TimetableEvent,
  scope: TimetableScope,
  itemId: string,
  direction: "up" | "down",
  items: readonly Scheduled[],
  options: RearrangeOptions = {},
): Rearranged | Refusal {
  const ev = eventWindow(event);
  const problems = scopeProblems(scope);
  if (problems.length > 0) return refuse(problems);
  const arrangement = arrange(event, scope, items, options.children ?? []);
  const target = arrangement.works.find((work) => work.item.id === itemId);
  if (!target) {
    return refuse([{ code: "not_in_scope", subjectId: itemId, message: "This entry is not in this timetable view." }]);
  }
  const siblings = arrangement.works.filter((work) => work !== target);
  const isParallel = (work: Work) =>
    siblings.some((other) => other !== work && spansOverlap(workSpan(other), workSpan(work)));
  const parallel = (work: Work): Refusal =>
    refuse([
      {
        code: "parallel_entries",
        subjectId: work.item.id,
        message: "Entries that run in parallel with others cannot be swapped; move them with exact times instead.",
      },
    ]);
  if (isParallel(target)) return parallel(target);

  const end = target.start + target.duration;
  if (direction === "down") {
    const below = siblings
      .filter((work) => work.start >= end)
      .sort((a, b) => a.start - b.start || (a.item.id < b.item.id ? -1 : 1))[0];
    if (!below) return finish(ev, scope, arrangement, { mayGrowBlock: false, fitBlock: false });
    if (below.start !== end) {
      target.start = below.start - target.duration;
    } else {
      if (isParallel(below)) return parallel(below);
      below.start = target.origStart;
      target.start = below.start + below.duration;
    }
  } else {
    const above = siblings
      .filter((work) => work.start + work.duration <= target.start)
      .sort((a, b) => b.start + b.duration - (a.start + a.duration) || (a.item.id < b.item.id ? -1 : 1))[0];
    if (!above) return finish(ev, scope, arrangement, { mayGrowBlock: false, fitBlock: false });
    const aboveEnd = above.start + above.duration;
    if (aboveEnd !== target.start) {
      target.start = aboveEnd;
    } else {
      if (isParallel(above)) return parallel(above);
      target.start = above.origStart;
      above.start = target.start + target.duration;
    }
  }
  return finish(ev, scope, arrangement, { mayGrowBlock: false, fitBlock: false });
}
