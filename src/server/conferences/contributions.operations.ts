import type { ContributionCreateInput, ContributionUpdateInput } from "../../shared/schemas/conference-contributions";
import {
  auditEvent,
  authorizeMove,
  authorizeParent,
  type EventWork,
  requireVisibleContribution,
  withEvent,
} from "../conference-core/access";
import {
  deleteContribution,
  findContribution,
  insertContribution,
  replaceSpeakers,
  updateContribution,
} from "../conference-core/contributions.queries";
import type { ContributionRow, SessionWithType } from "../conference-core/rows";
import { findConferenceSession } from "../conference-core/sessions.queries";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { badRequest, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { defaultDurationMinutes } from "../timetable/placement";
import { findBlock } from "../timetable/queries";
import { authorizeScheduling, placeContribution } from "../timetable/scheduling.operations";

/** Contributions: talks and posters, with speakers, an optional session and a board number (conferences.md). */

async function sessionOfEvent(w: EventWork, sessionId: string): Promise<SessionWithType> {
  const session = await findConferenceSession(w.tx, sessionId);
  if (!session || session.event_id !== w.event.id) {
    throw badRequest("The session is not one of this event's.", { sessionId: "is not a session of this event" });
  }
  return session;
}

/** Editing a contribution: its session's contribution managers (coordinators with the right), else event managers. */
const EDIT = "conference.session.manageContributions";

const speakersOf = (people: ContributionCreateInput["speakers"]) => people.map((p) => ({ id: newId(), ...p }));

/**
 * New contribution. Its duration defaults to its session's default contribution duration, else the event's
 * (indico.md §2.4). With `blockId` it is scheduled at once inside that block, which must be of its session
 * (the block's session when none is given).
 */
export async function createContribution(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: ContributionCreateInput,
): Promise<{ row: ContributionRow; notices: string[] }> {
  return withEvent(deps, actor, eventId, async (w) => {
    let sessionId = input.sessionId ?? null;
    if (input.blockId && input.sessionId === undefined) {
      const block = await findBlock(w.tx, input.blockId);
      if (!block || block.event_id !== eventId) throw notFound("The session block");
      sessionId = block.session_id;
    }
    const session = sessionId ? await sessionOfEvent(w, sessionId) : null;
    // Creating from nothing: full managers of its session, else the event's managers (indico.md §2.5: coordinators
    // schedule existing contributions; even with the Contributions right they do not create new ones).
    await authorizeParent(w, sessionId, "conference.session.manage");
    const durationMinutes =
      input.durationMinutes ??
      defaultDurationMinutes("contribution", {
        eventContributionMinutes: w.event.default_contribution_minutes,
        sessionContributionMinutes: session?.default_contribution_minutes ?? null,
      });
    const row: ContributionRow = {
      id: newId(),
      event_id: eventId,
      title: input.title,
      description: input.description,
      duration_minutes: durationMinutes,
      session_id: sessionId,
      block_id: null,
      start_at: null,
      board_number: input.boardNumber,
      ics_sequence: 0,
      created_at: w.now,
      updated_at: w.now,
    };
    await insertContribution(w.tx, row);
    await replaceSpeakers(w.tx, row.id, speakersOf(input.speakers));
    await auditEvent(w, "contribution.created", { contributionId: row.id, title: row.title, sessionId });
    if (!input.blockId) {
      if (input.startAt) {
        throw badRequest("A start time needs a block to schedule the contribution in.", {
          startAt: "needs blockId; schedule top-level contributions with the schedule call",
        });
      }
      return { row, notices: [] };
    }
    await authorizeScheduling(w, row);
    const placed = await placeContribution(w, row, { blockId: input.blockId, startAt: input.startAt });
    await auditEvent(w, "contribution.scheduled", {
      contributionId: row.id,
      blockId: placed.row.block_id,
      startAt: placed.row.start_at,
    });
    return placed;
  });
}

/**
 * Edit a contribution. Moving it to another session (or out of its session) unschedules it when it was
 * scheduled, since it may only sit in its own session's blocks (indico.md §2.7); a new duration re-checks its
 * place and may grow its block.
 */
export async function updateContributionDetails(
  deps: Deps,
  actor: Actor,
  eventId: string,
  contributionId: string,
  input: ContributionUpdateInput,
): Promise<{ row: ContributionRow; notices: string[] }> {
  return withEvent(deps, actor, eventId, async (w) => {
    const current = await findContribution(w.tx, contributionId);
    if (!current || current.event_id !== eventId) throw notFound("The contribution");
    await requireVisibleContribution(w, current);
    await authorizeParent(w, current.session_id, EDIT);
    const sessionChanges = input.sessionId !== undefined && input.sessionId !== current.session_id;
    if (sessionChanges) {
      if (input.sessionId) await sessionOfEvent(w, input.sessionId);
      // null moves it to the top level, which is the event managers' (issue #11).
      await authorizeMove(w, current.session_id, input.sessionId ?? null, EDIT);
    }
    const notices: string[] = [];
    let row: ContributionRow = {
      ...current,
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      board_number: input.boardNumber ?? current.board_number,
      session_id: sessionChanges ? (input.sessionId ?? null) : current.session_id,
      updated_at: w.now,
    };
    const changes: Record<string, unknown> = { contributionId };
    for (const key of ["title", "description", "board_number", "session_id"] as const) {
      if (row[key] !== current[key]) changes[key] = { from: current[key], to: row[key] };
    }
    if (sessionChanges && current.start_at !== null) {
      row = { ...row, block_id: null, start_at: null };
      changes.unscheduled = true;
      notices.push(
        "The contribution was unscheduled: it moved to another session, and sits only in its own session's blocks.",
      );
    }
    const newDuration = input.durationMinutes ?? current.duration_minutes;
    await updateContribution(w.tx, contributionId, {
      title: row.title,
      description: row.description,
      board_number: row.board_number,
      session_id: row.session_id,
      block_id: row.block_id,
      start_at: row.start_at,
      duration_minutes: row.start_at === null ? newDuration : row.duration_minutes,
      updated_at: row.updated_at,
    });
    if (row.start_at === null) {
      row = { ...row, duration_minutes: newDuration };
    } else if (newDuration !== current.duration_minutes) {
      const placed = await placeContribution(w, row, { blockId: row.block_id, startAt: row.start_at }, newDuration);
      row = placed.row;
      notices.push(...placed.notices);
    }
    if (row.duration_minutes !== current.duration_minutes) {
      changes.duration_minutes = { from: current.duration_minutes, to: row.duration_minutes };
    }
    if (input.speakers) {
      await replaceSpeakers(w.tx, contributionId, speakersOf(input.speakers));
      changes.speakers = input.speakers.map((p) => p.name);
    }
    if (Object.keys(changes).length > 1) await auditEvent(w, "contribution.updated", changes);
    return { row, notices };
  });
}

/** Delete a contribution with its speakers (its session's contribution managers, else the event's managers). */
export async function removeContribution(
  deps: Deps,
  actor: Actor,
  eventId: string,
  contributionId: string,
): Promise<void> {
  await withEvent(deps, actor, eventId, async (w) => {
    const current = await findContribution(w.tx, contributionId);
    if (!current || current.event_id !== eventId) throw notFound("The contribution");
    await requireVisibleContribution(w, current);
    await authorizeParent(w, current.session_id, EDIT);
    await deleteContribution(w.tx, contributionId);
    await auditEvent(w, "contribution.deleted", {
      contributionId,
      title: current.title,
      sessionId: current.session_id,
    });
  });
}
