import type { BlockCreateInput, BlockUpdateInput } from "../../shared/schemas/timetable";
import { auditEvent, authorizeSession, type EventWork, requireSession, withEvent } from "../conference-core/access";
import { assertRoom, locationPatch } from "../conference-core/locations";
import type { BlockRow } from "../conference-core/rows";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { newId } from "../platform/ids";
import { toModelBlock } from "./from-rows";
import type { Block, Entry } from "./model";
import {
  defaultDurationMinutes,
  fitBlockToContent,
  moveBlock,
  moveBlockToDay,
  resizeBlock,
  validateBlock,
} from "./placement";
import { deleteBlock, insertBlock, replaceConveners, unscheduleBlockContributions, updateBlock } from "./queries";
import { refusalError } from "./refusal-error";
import {
  type BlockState,
  childrenOf,
  eventOf,
  loadBlock,
  normalise,
  requireDay,
  verifyTimetable,
  writeChildren,
} from "./steps";

/**
 * Changes to session blocks: create, edit, move (with contents), fit to content and delete
 * (conferences.md, "Session blocks and the timetable"). Each runs in one transaction with the event locked, asks the
 * policy for the session action it needs (indico.md §2.5), and lets the pure rules decide every placement.
 */

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
      ics_sequence: 0,
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
