import { pickUnusedColours } from "../../shared/palette";
import type {
  ConferenceSessionCreateInput,
  ConferenceSessionUpdateInput,
} from "../../shared/schemas/conference-sessions";
import { diff } from "../audit/record";
import { auditEvent, type EventWork, requireEvent, requireSession, withEvent } from "../conference-core/access";
import { detachSessionContributions, updateContribution } from "../conference-core/contributions.queries";
import { assertRoom, locationPatch } from "../conference-core/locations";
import { listFileKeys } from "../conference-core/materials.queries";
import type { ConferenceSessionRow, SessionTypeRow } from "../conference-core/rows";
import { findSessionType } from "../conference-core/session-types.queries";
import {
  deleteConferenceSession,
  insertConferenceSession,
  listUsedColours,
  updateConferenceSession,
} from "../conference-core/sessions.queries";
import { enqueue } from "../outbox/enqueue";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { badRequest } from "../platform/errors";
import { newId } from "../platform/ids";
import { toModelBlock, toModelBreak, toModelContribution, toTimetableEvent } from "../timetable/from-rows";
import type { Problem } from "../timetable/model";
import { becomePosterBlock } from "../timetable/placement";
import { listBlocksOfSession, listBreaksOfBlocks, listContributionsOfBlocks } from "../timetable/queries";
import { refusalError } from "../timetable/refusal-error";
import { verifyTimetable } from "../timetable/steps";
import { MATERIAL_FILE_DELETE_KIND } from "./material-storage";

/** Sessions of a conference (conferences.md, Sessions; indico.md §2.1). */

/** A type id must name one of this event's session types (400 naming the field otherwise). */
async function typeOfEvent(w: EventWork, typeId: string | null | undefined): Promise<SessionTypeRow | null> {
  if (!typeId) return null;
  const type = await findSessionType(w.tx, typeId);
  if (!type || type.event_id !== w.event.id) {
    throw badRequest("The session type is not one of this event's.", { typeId: "is not a session type of this event" });
  }
  return type;
}

/**
 * Sessions that become poster sessions: in each of their blocks every contribution takes the block's start and
 * duration; refused, naming every block, while breaks sit in any of them (indico.md §2.3).
 */
export async function convertSessionsToPoster(w: EventWork, sessionIds: readonly string[]): Promise<number> {
  const blocks = (await Promise.all(sessionIds.map((id) => listBlocksOfSession(w.tx, id)))).flat();
  if (blocks.length === 0) return 0;
  const ids = blocks.map((b) => b.id);
  const [contributions, breaks] = await Promise.all([
    listContributionsOfBlocks(w.tx, ids),
    listBreaksOfBlocks(w.tx, ids),
  ]);
  const event = toTimetableEvent(w.event);
  const problems: Problem[] = [];
  let moved = 0;
  for (const block of blocks) {
    const children = [
      ...contributions.filter((c) => c.block_id === block.id).map(toModelContribution),
      ...breaks.filter((b) => b.block_id === block.id).map(toModelBreak),
    ];
    const result = becomePosterBlock(event, toModelBlock(block), children);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    for (const child of result.children) {
      const before = contributions.find((c) => c.id === child.id);
      if (before && (before.start_at !== child.startAt || before.duration_minutes !== child.durationMinutes)) {
        await updateContribution(w.tx, child.id, {
          start_at: child.startAt,
          duration_minutes: child.durationMinutes,
          updated_at: w.now,
        });
        moved += 1;
      }
    }
  }
  if (problems.length > 0) throw refusalError(problems);
  await verifyTimetable(w, ids);
  return moved;
}

/** Add new session (event managers): defaults from the event, an unused palette pair (conferences.md, Sessions). */
export async function createConferenceSession(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: ConferenceSessionCreateInput,
): Promise<ConferenceSessionRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    const type = await typeOfEvent(w, input.typeId);
    await assertRoom(w.tx, input.roomId);
    const colours = input.colours ?? pickUnusedColours(await listUsedColours(w.tx, eventId));
    const row: ConferenceSessionRow = {
      id: newId(),
      event_id: eventId,
      title: input.title,
      code: input.code,
      description: input.description,
      type_id: type?.id ?? null,
      default_contribution_minutes: input.defaultContributionMinutes ?? w.event.default_contribution_minutes,
      room_id: input.roomId ?? null,
      location_text: input.roomId ? null : (input.locationText ?? null),
      text_color: colours.text,
      background_color: colours.background,
      protection_mode: "inheriting",
      created_at: w.now,
      updated_at: w.now,
    };
    await insertConferenceSession(w.tx, row);
    await auditEvent(w, "conference_session.created", { sessionId: row.id, title: row.title });
    return row;
  });
}

/**
 * Edit a session (its full managers), including the quick type picker: `typeId` sets the type, `null` clears it.
 * Getting a poster type turns the session's blocks into poster blocks.
 */
export async function updateConferenceSessionDetails(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
  input: ConferenceSessionUpdateInput,
): Promise<ConferenceSessionRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    const session = await requireSession(w, sessionId, "conference.session.manage");
    const { type_name: _n, type_code: _c, type_is_poster: wasPoster, ...row } = session;
    const newType = input.typeId === undefined ? undefined : await typeOfEvent(w, input.typeId);
    if (input.roomId !== undefined) await assertRoom(w.tx, input.roomId);
    const next: ConferenceSessionRow = {
      ...row,
      title: input.title ?? row.title,
      code: input.code ?? row.code,
      description: input.description ?? row.description,
      type_id: newType === undefined ? row.type_id : (newType?.id ?? null),
      default_contribution_minutes: input.defaultContributionMinutes ?? row.default_contribution_minutes,
      text_color: input.colours?.text ?? row.text_color,
      background_color: input.colours?.background ?? row.background_color,
      ...locationPatch(row, input),
    };
    const changes = diff(row, next);
    if (Object.keys(changes).length === 0) return row;
    let postersAligned = 0;
    if (changes.type_id && newType?.is_poster === 1 && wasPoster !== 1) {
      postersAligned = await convertSessionsToPoster(w, [sessionId]);
    }
    const saved = { ...next, updated_at: w.now };
    await updateConferenceSession(w.tx, sessionId, {
      title: saved.title,
      code: saved.code,
      description: saved.description,
      type_id: saved.type_id,
      default_contribution_minutes: saved.default_contribution_minutes,
      room_id: saved.room_id,
      location_text: saved.location_text,
      text_color: saved.text_color,
      background_color: saved.background_color,
      updated_at: saved.updated_at,
    });
    await auditEvent(w, "conference_session.updated", {
      sessionId,
      ...changes,
      ...(postersAligned > 0 ? { postersAligned } : {}),
    });
    return saved;
  });
}

export interface SessionDeletion {
  blocksDeleted: number;
  contributionsUnscheduled: number;
  contributionsDetached: number;
}

/**
 * Delete a session (indico.md §2.1): its blocks go (with their breaks and conveners), its contributions are
 * unscheduled and remain without a session, its materials go and their files are removed after commit.
 */
export async function deleteConferenceSessionWithBlocks(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
): Promise<SessionDeletion> {
  return withEvent(deps, actor, eventId, async (w) => {
    const session = await requireSession(w, sessionId, "conference.session.manage");
    const blocks = await listBlocksOfSession(w.tx, sessionId);
    // Contributions first: the compound key refuses to delete a block that still holds one.
    const { unscheduled, detached } = await detachSessionContributions(w.tx, sessionId, w.now);
    const keys = await listFileKeys(w.tx, { sessionId });
    for (const key of keys) await enqueue(w.tx, MATERIAL_FILE_DELETE_KIND, { key }, w.now);
    await deleteConferenceSession(w.tx, sessionId);
    const result = {
      blocksDeleted: blocks.length,
      contributionsUnscheduled: unscheduled,
      contributionsDetached: detached,
    };
    await auditEvent(w, "conference_session.deleted", { sessionId, title: session.title, ...result });
    return result;
  });
}
