import { DEFAULT_BREAK_COLOURS } from "../../shared/palette";
import type { BreakCreateInput, BreakUpdateInput } from "../../shared/schemas/timetable";
import {
  auditEvent,
  authorizeMove,
  authorizeParent,
  type EventWork,
  maySession,
  requireVisibleTopLevel,
  withEvent,
} from "../conference-core/access";
import type { BreakRow } from "../conference-core/rows";
import { localDayOf, parseInstant } from "../conference-core/time";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { toModelBlock } from "./from-rows";
import type { Block } from "./model";
import { defaultDurationMinutes, defaultStartInBlock, placeEntry } from "./placement";
import { deleteBreak, findBreak, insertBreak, updateBreak } from "./queries";
import { refusalError } from "./refusal-error";
import {
  type BlockState,
  childrenOf,
  eventOf,
  growBlock,
  loadBlock,
  normalise,
  topLevelStart,
  verifyTimetable,
} from "./steps";

/**
 * Breaks: at top level or inside a block that is not a poster block (indico.md §1.10).
 */

async function breakOfEvent(w: EventWork, id: string): Promise<BreakRow> {
  const row = await findBreak(w.tx, id);
  if (!row || row.event_id !== w.event.id) throw notFound("The break");
  if (row.block_id === null) requireVisibleTopLevel(w, "The break");
  return row;
}

/** Breaks in a block are for the session's coordinators and up; top-level breaks for the event's managers. */
async function authorizeBreakParent(w: EventWork, state: BlockState | null): Promise<void> {
  await authorizeParent(w, state?.block.session_id ?? null, "conference.session.schedule");
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
    const targetId = input.blockId === undefined ? current.block_id : input.blockId;
    const targetState = targetId === current.block_id ? currentState : targetId ? await loadBlock(w, targetId) : null;
    // Out of a block, into another or to the top level: both ends (issue #11); blocks of one session are one end.
    await authorizeMove(
      w,
      currentState?.block.session_id ?? null,
      targetState?.block.session_id ?? null,
      "conference.session.schedule",
    );
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
