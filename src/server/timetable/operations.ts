import { DEFAULT_BREAK_COLOURS } from "../../shared/palette";
import type {
  BlockCreateInput,
  BlockUpdateInput,
  BreakCreateInput,
  BreakUpdateInput,
  RescheduleInput,
  ScheduleInput,
} from "../../shared/schemas/conferences";
import {
  auditEvent,
  authorizeSession,
  type EventWork,
  maySession,
  requireEvent,
  requireSession,
  requireVisibleContribution,
  requireVisibleTopLevel,
  withEvent,
} from "../conferences/access";
import { assertRoom, locationPatch } from "../conferences/events.operations";
import {
  type BlockRow,
  type BlockWithSession,
  type BreakRow,
  type ContributionRow,
  deleteBlock,
  deleteBreak,
  findBlock,
  findBreak,
  findContribution,
  insertBlock,
  insertBreak,
  listBlocksByIds,
  listBlocksOfSession,
  listBlocksStartingIn,
  listBreaksOfBlocks,
  listContributionsOfBlocks,
  listTopLevelBreaksStartingIn,
  listTopLevelContributionsStartingIn,
  replaceConveners,
  unscheduleBlockContributions,
  updateBlock,
  updateBreak,
  updateContribution,
} from "../conferences/queries";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { badRequest, conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { toModelBlock, toModelBreak, toModelContribution, toTimetableEvent } from "./from-rows";
import { checkTimetable } from "./invariants";
import type { Block, BlockGrowth, Entry, Scheduled, TimeUpdate } from "./model";
import {
  defaultDurationMinutes,
  defaultStartInBlock,
  fitBlockToContent,
  moveBlock,
  moveBlockToDay,
  nextFreeStartOnDay,
  placeEntry,
  resizeBlock,
  validateBlock,
} from "./placement";
import { refusalError } from "./refusal-error";
import { reschedule, type TimetableScope } from "./reschedule";
import { dayBounds, formatLocal, isLocalDay, localDayOf, parseInstant, toInstant } from "./time";

/**
 * Changes to the timetable: blocks, scheduling contributions, breaks, fit to content and reschedule
 * (conferences.md, "Session blocks and the timetable"). Each runs in one transaction with the event locked, asks
 * the policy for the session action it needs (indico.md §2.5), and lets the pure rules decide every placement.
 */

/** A block of the event with everything inside it. */
interface BlockState {
  block: BlockWithSession;
  contributions: ContributionRow[];
  breaks: BreakRow[];
}

async function loadBlock(w: EventWork, blockId: string): Promise<BlockState> {
  const block = await findBlock(w.tx, blockId);
  if (!block || block.event_id !== w.event.id) throw notFound("The session block");
  const [contributions, breaks] = await Promise.all([
    listContributionsOfBlocks(w.tx, [blockId]),
    listBreaksOfBlocks(w.tx, [blockId]),
  ]);
  return { block, contributions, breaks };
}

function childrenOf(state: BlockState, exceptId?: string): Entry[] {
  return [
    ...state.contributions.filter((c) => c.id !== exceptId).map(toModelContribution),
    ...state.breaks.filter((b) => b.id !== exceptId).map(toModelBreak),
  ];
}

const eventOf = (w: EventWork) => toTimetableEvent(w.event);

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

function normalise(iso: string): string {
  const minutes = parseInstant(iso);
  if (minutes === null)
    throw badRequest("The time must name its UTC offset and fall on a whole minute.", {
      startAt: "is not a whole-minute instant",
    });
  return toInstant(minutes);
}

/** "The session block now ends at 16:35 (Europe/Berlin)." and the audit entry of an automatic growth. */
async function growBlock(w: EventWork, block: BlockRow, growth: BlockGrowth): Promise<string> {
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
async function writeChildren(w: EventWork, state: BlockState, children: readonly Entry[]): Promise<number> {
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
async function topLevelOnDay(w: EventWork, day: string) {
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

function requireDay(day: string): void {
  if (!isLocalDay(day)) throw badRequest("The day must be a date like 2026-03-27.", { day: "is not a date" });
}

/** The start of a new top-level entry: as given, or the next free time on `day` (indico.md §2.7). */
async function topLevelStart(
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

// ------------------------------------------------------------------------------------------------ blocks

/** Create a block of a session: default 60 minutes, inside the event, within one local day (indico.md §2.2). */
export async function createBlock(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
  input: BlockCreateInput,
): Promise<BlockRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    const session = await requireSession(w, sessionId, "conference.session.manageBlocks");
    await assertRoom(w.tx, input.roomId);
    const row: BlockRow = {
      id: newId(),
      session_id: sessionId,
      title: input.title,
      start_at: normalise(input.startAt),
      duration_minutes: input.durationMinutes ?? defaultDurationMinutes("block"),
      room_id: input.roomId ?? null,
      location_text: input.roomId ? null : (input.locationText ?? null),
      display_order: input.displayOrder,
      created_at: w.now,
      updated_at: w.now,
    };
    const problems = validateBlock(
      eventOf(w),
      toModelBlock({ ...row, event_id: eventId, is_poster: session.type_is_poster === 1 }),
    );
    if (problems.length > 0) throw refusalError(problems);
    await insertBlock(w.tx, row);
    await replaceConveners(
      w.tx,
      row.id,
      input.conveners.map((p) => ({ id: newId(), ...p })),
    );
    await verifyTimetable(w, [row.id]);
    await auditEvent(w, "session_block.created", {
      blockId: row.id,
      sessionId,
      startAt: row.start_at,
      durationMinutes: row.duration_minutes,
    });
    return row;
  });
}

/** A block after a move and/or resize, with its children carried along (placement.ts rules). */
function rearrangeBlock(
  w: EventWork,
  state: BlockState,
  change: { startAt?: string; day?: string; durationMinutes?: number },
): { block: Block; children: Entry[] } {
  const event = eventOf(w);
  let block = toModelBlock(state.block);
  let children = childrenOf(state);
  if (change.day !== undefined || (change.startAt !== undefined && normalise(change.startAt) !== block.startAt)) {
    const moved =
      change.day !== undefined
        ? moveBlockToDay(event, block, children, change.day)
        : moveBlock(event, block, children, normalise(change.startAt as string));
    if (!moved.ok) throw refusalError(moved);
    block = moved.block;
    children = moved.children;
  }
  if (change.durationMinutes !== undefined && change.durationMinutes !== block.durationMinutes) {
    const resized = resizeBlock(event, block, children, change.durationMinutes);
    if (!resized.ok) throw refusalError(resized);
    block = resized.block;
    children = resized.children;
  }
  return { block, children };
}

async function saveRearranged(
  w: EventWork,
  state: BlockState,
  next: { block: Block; children: Entry[] },
  extra: Partial<BlockRow> = {},
): Promise<{ changes: Record<string, unknown>; carried: number }> {
  const before = state.block;
  const changes: Record<string, unknown> = {};
  if (next.block.startAt !== before.start_at) changes.startAt = { from: before.start_at, to: next.block.startAt };
  if (next.block.durationMinutes !== before.duration_minutes) {
    changes.durationMinutes = { from: before.duration_minutes, to: next.block.durationMinutes };
  }
  await updateBlock(w.tx, before.id, {
    ...extra,
    start_at: next.block.startAt,
    duration_minutes: next.block.durationMinutes,
    updated_at: w.now,
  });
  const carried = await writeChildren(w, state, next.children);
  return { changes, carried };
}

/**
 * Edit a block: title, location, order, conveners (the list is replaced), and its time: a new start moves it with
 * everything inside it, a new duration cannot cut off its entries (indico.md §2.2).
 */
export async function updateBlockDetails(
  deps: Deps,
  actor: Actor,
  eventId: string,
  blockId: string,
  input: BlockUpdateInput,
): Promise<BlockRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    const state = await loadBlock(w, blockId);
    await authorizeSession(w, state.block.session_id, "conference.session.manageBlocks");
    if (input.roomId !== undefined) await assertRoom(w.tx, input.roomId);
    const next = rearrangeBlock(w, state, { startAt: input.startAt, durationMinutes: input.durationMinutes });
    const { event_id: _e, is_poster: _p, ...row } = state.block;
    const fields = {
      title: input.title ?? row.title,
      display_order: input.displayOrder ?? row.display_order,
      ...locationPatch(row, input),
    };
    const { changes, carried } = await saveRearranged(w, state, next, fields);
    for (const key of ["title", "display_order", "room_id", "location_text"] as const) {
      if (fields[key] !== row[key]) changes[key] = { from: row[key], to: fields[key] };
    }
    if (input.conveners) {
      await replaceConveners(
        w.tx,
        blockId,
        input.conveners.map((p) => ({ id: newId(), ...p })),
      );
      changes.conveners = input.conveners.map((p) => p.name);
    }
    await verifyTimetable(w, [blockId]);
    if (Object.keys(changes).length > 0) {
      await auditEvent(w, "session_block.updated", {
        blockId,
        ...changes,
        ...(carried ? { entriesMoved: carried } : {}),
      });
    }
    return { ...row, ...fields, start_at: next.block.startAt, duration_minutes: next.block.durationMinutes };
  });
}

/** Move a block to a new start or to another day at the same wall-clock time, with its contents (§9.1). */
export async function moveBlockWithContents(
  deps: Deps,
  actor: Actor,
  eventId: string,
  blockId: string,
  target: { day?: string; startAt?: string },
): Promise<BlockRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    const state = await loadBlock(w, blockId);
    await authorizeSession(w, state.block.session_id, "conference.session.manageBlocks");
    if (target.day !== undefined) requireDay(target.day);
    const next = rearrangeBlock(w, state, target);
    const { changes, carried } = await saveRearranged(w, state, next);
    await verifyTimetable(w, [blockId]);
    if (Object.keys(changes).length > 0) {
      await auditEvent(w, "session_block.moved", { blockId, ...changes, entriesMoved: carried });
    }
    const { event_id: _e, is_poster: _p, ...row } = state.block;
    return { ...row, start_at: next.block.startAt, duration_minutes: next.block.durationMinutes };
  });
}

/** Fit to content: the block shrinks to its entries, which do not move (indico.md §3.4); not for poster blocks. */
export async function fitBlock(deps: Deps, actor: Actor, eventId: string, blockId: string): Promise<BlockRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    const state = await loadBlock(w, blockId);
    await authorizeSession(w, state.block.session_id, "conference.session.manageBlocks");
    const fitted = fitBlockToContent(eventOf(w), toModelBlock(state.block), childrenOf(state));
    if (!fitted.ok) throw refusalError(fitted);
    const { event_id: _e, is_poster: _p, ...row } = state.block;
    if (!fitted.changed) return row;
    const { changes } = await saveRearranged(w, state, { block: fitted.block, children: [] });
    await verifyTimetable(w, [blockId]);
    await auditEvent(w, "session_block.fitted", { blockId, ...changes });
    return { ...row, start_at: fitted.block.startAt, duration_minutes: fitted.block.durationMinutes };
  });
}

/**
 * Delete a block: its contributions are unscheduled and keep their session, its breaks and conveners go
 * (indico.md §2.2, conference rules).
 */
export async function deleteBlockAndUnschedule(
  deps: Deps,
  actor: Actor,
  eventId: string,
  blockId: string,
): Promise<{ contributionsUnscheduled: number; breaksDeleted: number }> {
  return withEvent(deps, actor, eventId, async (w) => {
    const state = await loadBlock(w, blockId);
    await authorizeSession(w, state.block.session_id, "conference.session.manageBlocks");
    const unscheduled = await unscheduleBlockContributions(w.tx, blockId, w.now);
    await deleteBlock(w.tx, blockId);
    const result = { contributionsUnscheduled: unscheduled, breaksDeleted: state.breaks.length };
    await auditEvent(w, "session_block.deleted", { blockId, sessionId: state.block.session_id, ...result });
    return result;
  });
}

// ------------------------------------------------------------------------------------------------ contributions

/**
 * Places a contribution of this event: into a block of its own session, or at top level when it has none
 * (indico.md §2.7). The block grows when the contribution overflows it, if the actor may manage the session's
 * blocks (§2.5 boundary guard); a poster takes its block's start and duration. Writes the contribution.
 */
export async function placeContribution(
  w: EventWork,
  contribution: ContributionRow,
  target: { blockId: string | null; startAt?: string; day?: string },
  durationMinutes: number = contribution.duration_minutes,
): Promise<{ row: ContributionRow; notices: string[] }> {
  const state = target.blockId ? await loadBlock(w, target.blockId) : null;
  const block = state ? toModelBlock(state.block) : null;
  const siblings = state ? childrenOf(state, contribution.id) : [];
  const startAt = state
    ? target.startAt
      ? normalise(target.startAt)
      : defaultStartInBlock(block as Block, siblings)
    : await topLevelStart(w, target.startAt, target.day, durationMinutes);
  const mayGrowBlock = state ? await maySession(w, state.block.session_id, "conference.session.manageBlocks") : false;
  const placed = placeEntry(
    eventOf(w),
    block,
    {
      id: contribution.id,
      kind: "contribution",
      sessionId: contribution.session_id,
      blockId: block?.id ?? null,
      startAt,
      durationMinutes,
    },
    siblings,
    { mayGrowBlock },
  );
  if (!placed.ok) throw refusalError(placed);
  const row: ContributionRow = {
    ...contribution,
    block_id: placed.entry.blockId,
    start_at: placed.entry.startAt,
    duration_minutes: placed.entry.durationMinutes,
    updated_at: w.now,
  };
  await updateContribution(w.tx, row.id, {
    block_id: row.block_id,
    start_at: row.start_at,
    duration_minutes: row.duration_minutes,
    updated_at: row.updated_at,
  });
  const notices: string[] = [];
  if (placed.blockChange && state) notices.push(await growBlock(w, state.block, placed.blockChange));
  await verifyTimetable(w, [row.block_id], { contributions: [row] });
  return { row, notices };
}

/** Who may (un)schedule a contribution: coordinators of its session and up; the event's managers without one. */
export async function authorizeScheduling(w: EventWork, contribution: ContributionRow): Promise<void> {
  if (contribution.session_id) await authorizeSession(w, contribution.session_id, "conference.session.schedule");
  else requireEvent(w, "event.manage");
}

async function contributionOfEvent(w: EventWork, id: string): Promise<ContributionRow> {
  const row = await findContribution(w.tx, id);
  if (!row || row.event_id !== w.event.id) throw notFound("The contribution");
  await requireVisibleContribution(w, row);
  return row;
}

/**
 * Schedule (or move) a contribution: into a block of its session, or at top level when it has no session; with
 * `durationMinutes` also its length (the time dialog: coordinators may change times, indico.md §2.5).
 */
export async function scheduleContribution(
  deps: Deps,
  actor: Actor,
  eventId: string,
  contributionId: string,
  input: ScheduleInput,
): Promise<{ row: ContributionRow; notices: string[] }> {
  return withEvent(deps, actor, eventId, async (w) => {
    const contribution = await contributionOfEvent(w, contributionId);
    await authorizeScheduling(w, contribution);
    const result = await placeContribution(
      w,
      contribution,
      { blockId: input.blockId ?? null, startAt: input.startAt, day: input.day },
      input.durationMinutes ?? contribution.duration_minutes,
    );
    await auditEvent(w, "contribution.scheduled", {
      contributionId,
      blockId: result.row.block_id,
      startAt: { from: contribution.start_at, to: result.row.start_at },
      ...(result.row.duration_minutes !== contribution.duration_minutes
        ? { durationMinutes: { from: contribution.duration_minutes, to: result.row.duration_minutes } }
        : {}),
    });
    return result;
  });
}

/** Unschedule: the contribution leaves the timetable and keeps its session (indico.md §2.7). */
export async function unscheduleContribution(
  deps: Deps,
  actor: Actor,
  eventId: string,
  contributionId: string,
): Promise<ContributionRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    const contribution = await contributionOfEvent(w, contributionId);
    await authorizeScheduling(w, contribution);
    if (contribution.start_at === null) return contribution;
    await updateContribution(w.tx, contributionId, { block_id: null, start_at: null, updated_at: w.now });
    await auditEvent(w, "contribution.unscheduled", {
      contributionId,
      blockId: contribution.block_id,
      startAt: contribution.start_at,
    });
    return { ...contribution, block_id: null, start_at: null, updated_at: w.now };
  });
}

// ------------------------------------------------------------------------------------------------ breaks

async function breakOfEvent(w: EventWork, id: string): Promise<BreakRow> {
  const row = await findBreak(w.tx, id);
  if (!row || row.event_id !== w.event.id) throw notFound("The break");
  if (row.block_id === null) requireVisibleTopLevel(w, "The break");
  return row;
}

/** Breaks in a block are for the session's coordinators and up; top-level breaks for the event's managers. */
async function authorizeBreakParent(w: EventWork, state: BlockState | null): Promise<void> {
  if (state) await authorizeSession(w, state.block.session_id, "conference.session.schedule");
  else requireEvent(w, "event.manage");
}

async function placeBreak(
  w: EventWork,
  row: BreakRow,
  state: BlockState | null,
  startAt: string | undefined,
  day: string | undefined,
): Promise<{ row: BreakRow; notices: string[] }> {
  const block = state ? toModelBlock(state.block) : null;
  const siblings = state ? childrenOf(state, row.id) : [];
  const start = state
    ? startAt
      ? normalise(startAt)
      : defaultStartInBlock(block as Block, siblings)
    : await topLevelStart(w, startAt, day, row.duration_minutes);
  const mayGrowBlock = state ? await maySession(w, state.block.session_id, "conference.session.manageBlocks") : false;
  const placed = placeEntry(
    eventOf(w),
    block,
    {
      id: row.id,
      kind: "break",
      sessionId: null,
      blockId: block?.id ?? null,
      startAt: start,
      durationMinutes: row.duration_minutes,
    },
    siblings,
    { mayGrowBlock },
  );
  if (!placed.ok) throw refusalError(placed);
  const notices: string[] = [];
  if (placed.blockChange && state) notices.push(await growBlock(w, state.block, placed.blockChange));
  return { row: { ...row, block_id: placed.entry.blockId, start_at: placed.entry.startAt }, notices };
}

/** A break at top level or inside a block that is not a poster block; 20 minutes unless said otherwise. */
export async function createBreak(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: BreakCreateInput,
): Promise<{ row: BreakRow; notices: string[] }> {
  return withEvent(deps, actor, eventId, async (w) => {
    const state = input.blockId ? await loadBlock(w, input.blockId) : null;
    await authorizeBreakParent(w, state);
    const colours = input.colours ?? DEFAULT_BREAK_COLOURS;
    const draft: BreakRow = {
      id: newId(),
      event_id: eventId,
      block_id: state?.block.id ?? null,
      title: input.title,
      start_at: "",
      duration_minutes: input.durationMinutes ?? defaultDurationMinutes("break"),
      text_color: colours.text,
      background_color: colours.background,
      created_at: w.now,
      updated_at: w.now,
    };
    const { row, notices } = await placeBreak(w, draft, state, input.startAt, input.day);
    await insertBreak(w.tx, row);
    await verifyTimetable(w, [row.block_id], { breaks: [row] });
    await auditEvent(w, "break.created", { breakId: row.id, blockId: row.block_id, startAt: row.start_at });
    return { row, notices };
  });
}

/** Edit a break: title, colours, time, or move it into a block or to top level (`blockId`). */
export async function updateBreakDetails(
  deps: Deps,
  actor: Actor,
  eventId: string,
  breakId: string,
  input: BreakUpdateInput,
): Promise<{ row: BreakRow; notices: string[] }> {
  return withEvent(deps, actor, eventId, async (w) => {
    const current = await breakOfEvent(w, breakId);
    const currentState = current.block_id ? await loadBlock(w, current.block_id) : null;
    await authorizeBreakParent(w, currentState);
    const targetId = input.blockId === undefined ? current.block_id : input.blockId;
    const targetState = targetId === current.block_id ? currentState : targetId ? await loadBlock(w, targetId) : null;
    if (targetState !== currentState) await authorizeBreakParent(w, targetState);
    const draft: BreakRow = {
      ...current,
      title: input.title ?? current.title,
      duration_minutes: input.durationMinutes ?? current.duration_minutes,
      text_color: input.colours?.text ?? current.text_color,
      background_color: input.colours?.background ?? current.background_color,
      updated_at: w.now,
    };
    // Kept where it was unless a start is given; moved into another block without one: after its last entry.
    const startAt = input.startAt ?? (targetState === currentState ? current.start_at : undefined);
    const { row, notices } = await placeBreak(
      w,
      draft,
      targetState,
      startAt,
      localDayOf(parseInstant(current.start_at) ?? 0, w.event.time_zone),
    );
    await updateBreak(w.tx, breakId, {
      title: row.title,
      block_id: row.block_id,
      start_at: row.start_at,
      duration_minutes: row.duration_minutes,
      text_color: row.text_color,
      background_color: row.background_color,
      updated_at: row.updated_at,
    });
    await verifyTimetable(w, [row.block_id, current.block_id], { breaks: [row] });
    const changes: Record<string, unknown> = { breakId };
    for (const key of [
      "title",
      "block_id",
      "start_at",
      "duration_minutes",
      "text_color",
      "background_color",
    ] as const) {
      if (row[key] !== current[key]) changes[key] = { from: current[key], to: row[key] };
    }
    await auditEvent(w, "break.updated", changes);
    return { row, notices };
  });
}

/** Delete a break, at top level (event managers) or in a block (the session's coordinators and up). */
export async function deleteBreakEntry(deps: Deps, actor: Actor, eventId: string, breakId: string): Promise<void> {
  await withEvent(deps, actor, eventId, async (w) => {
    const row = await breakOfEvent(w, breakId);
    await authorizeBreakParent(w, row.block_id ? await loadBlock(w, row.block_id) : null);
    await deleteBreak(w.tx, breakId);
    await auditEvent(w, "break.deleted", { breakId, title: row.title, blockId: row.block_id, startAt: row.start_at });
  });
}

// ------------------------------------------------------------------------------------------------ reschedule

/** Writes the new times a rearranging rule computed. */
async function applyUpdates(w: EventWork, updates: readonly TimeUpdate[]): Promise<void> {
  for (const u of updates) {
    const patch = { start_at: u.startAt, duration_minutes: u.durationMinutes, updated_at: w.now };
    if (u.kind === "block") await updateBlock(w.tx, u.id, patch);
    else if (u.kind === "contribution") await updateContribution(w.tx, u.id, patch);
    else await updateBreak(w.tx, u.id, patch);
  }
}

/**
 * Reschedule (indico.md §3.5): compact the entries of one block (its coordinators and up), the top level of a day
 * (the event's managers), or the blocks of one session on a day (those who manage its blocks), with a gap, by
 * start times or by durations, optionally fitting blocks first. Not inside poster blocks.
 */
export async function rescheduleEntries(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: RescheduleInput,
): Promise<{ changed: number; notices: string[] }> {
  return withEvent(deps, actor, eventId, async (w) => {
    const event = eventOf(w);
    const options = { mode: input.mode, gapMinutes: input.gapMinutes, fitBlocks: input.fitBlocks };
    const { scope } = input;
    if (scope.kind === "block") {
      const state = await loadBlock(w, scope.blockId);
      await authorizeSession(w, state.block.session_id, "conference.session.schedule");
      const mayGrowBlock = await maySession(w, state.block.session_id, "conference.session.manageBlocks");
      const block = toModelBlock(state.block);
      const result = reschedule(event, { kind: "block", block }, childrenOf(state), { ...options, mayGrowBlock });
      if (!result.ok) throw refusalError(result);
      await applyUpdates(w, result.updates);
      const notices: string[] = [];
      if (result.blockChange) {
        const grew = result.blockChange.newDurationMinutes > block.durationMinutes;
        if (grew) notices.push(await growBlock(w, state.block, result.blockChange));
        else
          await updateBlock(w.tx, block.id, {
            duration_minutes: result.blockChange.newDurationMinutes,
            updated_at: w.now,
          });
      }
      await verifyTimetable(w, [block.id]);
      await auditEvent(w, "timetable.rescheduled", { scope, ...options, changed: result.updates.length });
      return { changed: result.updates.length + (result.blockChange ? 1 : 0), notices };
    }

    requireDay(scope.day);
    let blocks: BlockWithSession[];
    let top: Scheduled[] = [];
    let timetableScope: TimetableScope;
    if (scope.kind === "session") {
      await requireSession(w, scope.sessionId, "conference.session.manageBlocks");
      const bounds = dayBounds(scope.day, w.event.time_zone);
      blocks = (await listBlocksOfSession(w.tx, scope.sessionId)).filter((b) => {
        const start = parseInstant(b.start_at) ?? 0;
        return start >= bounds.start && start < bounds.end;
      });
      timetableScope = { kind: "session", sessionId: scope.sessionId, day: scope.day };
    } else {
      requireEvent(w, "event.manage");
      const onDay = await topLevelOnDay(w, scope.day);
      blocks = onDay.blocks;
      top = [...onDay.contributions.map(toModelContribution), ...onDay.breaks.map(toModelBreak)];
      timetableScope = { kind: "day", day: scope.day };
    }
    const ids = blocks.map((b) => b.id);
    const [contributions, breaks] = await Promise.all([
      listContributionsOfBlocks(w.tx, ids),
      listBreaksOfBlocks(w.tx, ids),
    ]);
    const result = reschedule(event, timetableScope, [...blocks.map(toModelBlock), ...top], {
      ...options,
      children: [...contributions.map(toModelContribution), ...breaks.map(toModelBreak)],
    });
    if (!result.ok) throw refusalError(result);
    await applyUpdates(w, result.updates);
    if (scope.kind === "day") {
      const after = await topLevelOnDay(w, scope.day);
      await verifyTimetable(w, [...ids, ...after.blocks.map((b) => b.id)], after);
    } else {
      await verifyTimetable(w, ids);
    }
    await auditEvent(w, "timetable.rescheduled", { scope, ...options, changed: result.updates.length });
    return { changed: result.updates.length, notices: [] };
  });
}

/**
 * The organiser-chosen order of parallel blocks (indico.md §9.1 item 3): the blocks listed get display orders
 * 0, 1, 2… in the order given, in one transaction, so "move one place left" is exact whatever the earlier
 * orders were. Each block must be one whose blocks the person may manage.
 */
export async function setParallelOrder(
  deps: Deps,
  actor: Actor,
  eventId: string,
  blockIds: readonly string[],
): Promise<void> {
  if (new Set(blockIds).size !== blockIds.length) {
    throw badRequest("A block is listed twice.", { blockIds: "must list each block once" });
  }
  await withEvent(deps, actor, eventId, async (w) => {
    const blocks = await listBlocksByIds(w.tx, [...blockIds]);
    const byId = new Map(blocks.filter((b) => b.event_id === w.event.id).map((b) => [b.id, b]));
    for (const id of blockIds) {
      const block = byId.get(id);
      if (!block) throw notFound("The session block");
      await authorizeSession(w, block.session_id, "conference.session.manageBlocks");
    }
    const changed: { blockId: string; from: number; to: number }[] = [];
    for (const [index, id] of blockIds.entries()) {
      const block = byId.get(id) as BlockRow;
      if (block.display_order === index) continue;
      await updateBlock(w.tx, id, { display_order: index });
      changed.push({ blockId: id, from: block.display_order, to: index });
    }
    if (changed.length > 0) await auditEvent(w, "session_block.reordered", { changed });
  });
}
