import { auditEvent, type EventWork } from "../conference-core/access";
import { updateContribution } from "../conference-core/contributions.queries";
import type { BlockRow, BlockWithSession, BreakRow, ContributionRow } from "../conference-core/rows";
import { dayBounds, formatLocal, isLocalDay, parseInstant, toInstant } from "../conference-core/time";
import { badRequest, conflict, notFound } from "../platform/errors";
import { toModelBlock, toModelBreak, toModelContribution, toTimetableEvent } from "./from-rows";
import { checkTimetable } from "./invariants";
import type { BlockGrowth, Entry, Scheduled } from "./model";
import { nextFreeStartOnDay } from "./placement";
import {
  findBlock,
  listBlocksByIds,
  listBlocksStartingIn,
  listBreaksOfBlocks,
  listContributionsOfBlocks,
  listTopLevelBreaksStartingIn,
  listTopLevelContributionsStartingIn,
  updateBlock,
  updateBreak,
} from "./queries";
import { refusalError } from "./refusal-error";

/**
 * Steps the timetable operations share inside one `withEvent` transaction: load a block with its contents,
 * normalise a time, grow a block, write carried children, find the next free time, and the check before commit.
 */

/** A block of the event with everything inside it. */
export interface BlockState {
  block: BlockWithSession;
  contributions: ContributionRow[];
  breaks: BreakRow[];
}

export async function loadBlock(w: EventWork, blockId: string): Promise<BlockState> {
  const block = await findBlock(w.tx, blockId);
  if (!block || block.event_id !== w.event.id) throw notFound("The session block");
  const [contributions, breaks] = await Promise.all([
    listContributionsOfBlocks(w.tx, [blockId]),
    listBreaksOfBlocks(w.tx, [blockId]),
  ]);
  return { block, contributions, breaks };
}

export function childrenOf(state: BlockState, exceptId?: string): Entry[] {
  return [
    ...state.contributions.filter((c) => c.id !== exceptId).map(toModelContribution),
    ...state.breaks.filter((b) => b.id !== exceptId).map(toModelBreak),
  ];
}

export const eventOf = (w: EventWork) => toTimetableEvent(w.event);

/**
 * The transaction-scoped check of indico.md §10 (invariants.ts): before commit, the blocks an operation touched,
 * with everything now stored inside them, and the top-level entries it placed must be consistent. The rules above
 * already refused anything else, so a failure here is a bug; it rolls the whole change back.
 */
export async function verifyTimetable(
  w: EventWork,
  blockIds: readonly (string | null)[],
  topLevel: { contributions?: readonly ContributionRow[]; breaks?: readonly BreakRow[] } = {},
): Promise<void> {
  const ids = [...new Set(blockIds.filter((id): id is string => id !== null))];
  const [blocks, contributions, breaks] = await Promise.all([
    listBlocksByIds(w.tx, ids),
    listContributionsOfBlocks(w.tx, ids),
    listBreaksOfBlocks(w.tx, ids),
  ]);
  const entries = [
    ...contributions.map(toModelContribution),
    ...breaks.map(toModelBreak),
    ...(topLevel.contributions ?? [])
      .filter((c) => c.start_at !== null && c.block_id === null)
      .map(toModelContribution),
    ...(topLevel.breaks ?? []).filter((b) => b.block_id === null).map(toModelBreak),
  ];
  const problems = checkTimetable(eventOf(w), blocks.map(toModelBlock), entries);
  if (problems.length > 0) {
    throw conflict(
      "timetable_inconsistent",
      `Not saved: the timetable would be inconsistent. ${problems.map((p) => p.message).join(" ")}`,
    );
  }
}

export function normalise(iso: string): string {
  const minutes = parseInstant(iso);
  if (minutes === null)
    throw badRequest("The time must name its UTC offset and fall on a whole minute.", {
      startAt: "is not a whole-minute instant",
    });
  return toInstant(minutes);
}

/** "The session block now ends at 16:35 (Europe/Berlin)." and the audit entry of an automatic growth. */
export async function growBlock(w: EventWork, block: BlockRow, growth: BlockGrowth): Promise<string> {
  await updateBlock(w.tx, block.id, { duration_minutes: growth.newDurationMinutes, updated_at: w.now });
  await auditEvent(w, "session_block.grown", {
    blockId: block.id,
    durationMinutes: { from: block.duration_minutes, to: growth.newDurationMinutes },
    automatic: true,
  });
  const end = (parseInstant(block.start_at) ?? 0) + growth.newDurationMinutes;
  return `The session block now ends at ${formatLocal(end, w.event.time_zone)} (${w.event.time_zone}) to hold its content.`;
}

/** Writes the new times of children a block move, resize or poster change carried along. */
export async function writeChildren(w: EventWork, state: BlockState, children: readonly Entry[]): Promise<number> {
  let changed = 0;
  for (const child of children) {
    const before =
      child.kind === "contribution"
        ? state.contributions.find((c) => c.id === child.id)
        : state.breaks.find((b) => b.id === child.id);
    if (!before || (before.start_at === child.startAt && before.duration_minutes === child.durationMinutes)) continue;
    const patch = { start_at: child.startAt, duration_minutes: child.durationMinutes, updated_at: w.now };
    if (child.kind === "contribution") await updateContribution(w.tx, child.id, patch);
    else await updateBreak(w.tx, child.id, patch);
    changed += 1;
  }
  return changed;
}

/** Top-level blocks and entries starting on a local day of the event (for "next free time" and day scope). */
export async function topLevelOnDay(w: EventWork, day: string) {
  const bounds = dayBounds(day, w.event.time_zone);
  const from = toInstant(bounds.start);
  const until = toInstant(bounds.end);
  const [blocks, contributions, breaks] = await Promise.all([
    listBlocksStartingIn(w.tx, w.event.id, from, until),
    listTopLevelContributionsStartingIn(w.tx, w.event.id, from, until),
    listTopLevelBreaksStartingIn(w.tx, w.event.id, from, until),
  ]);
  return { blocks, contributions, breaks };
}

export function requireDay(day: string): void {
  if (!isLocalDay(day)) throw badRequest("The day must be a date like 2026-03-27.", { day: "is not a date" });
}

/** The start of a new top-level entry: as given, or the next free time on `day` (indico.md §2.7). */
export async function topLevelStart(
  w: EventWork,
  startAt: string | undefined,
  day: string | undefined,
  durationMinutes: number,
): Promise<string> {
  if (startAt) return normalise(startAt);
  if (!day)
    throw badRequest("Give a start time, or a day to take its next free time.", {
      startAt: "is required at top level without a day",
    });
  requireDay(day);
  const top = await topLevelOnDay(w, day);
  const items: Scheduled[] = [
    ...top.blocks.map(toModelBlock),
    ...top.contributions.map(toModelContribution),
    ...top.breaks.map(toModelBreak),
  ];
  const next = nextFreeStartOnDay(eventOf(w), day, items, durationMinutes);
  if (!next.ok) throw refusalError(next);
  return next.startAt;
}
