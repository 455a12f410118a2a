import type { RescheduleInput } from "../../shared/schemas/timetable";
import {
  auditEvent,
  authorizeSession,
  type EventWork,
  maySession,
  requireEvent,
  requireSession,
  withEvent,
} from "../conference-core/access";
import { updateContribution } from "../conference-core/contributions.queries";
import type { BlockRow, BlockWithSession } from "../conference-core/rows";
import { dayBounds, parseInstant } from "../conference-core/time";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { badRequest, notFound } from "../platform/errors";
import { toModelBlock, toModelBreak, toModelContribution } from "./from-rows";
import type { Scheduled, TimeUpdate } from "./model";
import {
  listBlocksByIds,
  listBlocksOfSession,
  listBreaksOfBlocks,
  listContributionsOfBlocks,
  updateBlock,
  updateBreak,
} from "./queries";
import { refusalError } from "./refusal-error";
import { reschedule, type TimetableScope } from "./reschedule";
import { childrenOf, eventOf, growBlock, loadBlock, requireDay, topLevelOnDay, verifyTimetable } from "./steps";

/**
 * Rearranging many entries at once: reschedule (indico.md §3.5) and the order of parallel blocks.
 */

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
