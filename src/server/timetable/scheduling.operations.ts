import type { ScheduleInput } from "../../shared/schemas/conference-contributions";
import {
  auditEvent,
  authorizeParent,
  type EventWork,
  maySession,
  requireVisibleContribution,
  withEvent,
} from "../conference-core/access";
import { findContribution, updateContribution } from "../conference-core/contributions.queries";
import type { ContributionRow } from "../conference-core/rows";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { toModelBlock } from "./from-rows";
import type { Block } from "./model";
import { defaultStartInBlock, placeEntry } from "./placement";
import { refusalError } from "./refusal-error";
import { childrenOf, eventOf, growBlock, loadBlock, normalise, topLevelStart, verifyTimetable } from "./steps";

/**
 * Scheduling contributions: placing one into a block of its session or at top level, and taking it out
 * (indico.md §2.7). Each runs in one transaction with the event locked and lets the pure rules decide the placement.
 */

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
  // The body names the target: authorised here, where it is loaded, so no caller can skip it (issue #11).
  await authorizeParent(w, state?.block.session_id ?? null, "conference.session.schedule");
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
  await authorizeParent(w, contribution.session_id, "conference.session.schedule");
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
