import type { EventCreateInput, EventUpdateInput } from "../../shared/schemas/conference-events";
import { firstFreeSlug, slugify } from "../../shared/slug";
import { findUserByEmail } from "../accounts/queries";
import { diff, recordAudit } from "../audit/record";
import { auditEvent, type EventWork, requireEvent, withEvent } from "../conference-core/access";
import {
  deleteEvent,
  deleteEventManager,
  insertEvent,
  insertEventManager,
  isEventManager,
  slugsLike,
  updateEvent,
} from "../conference-core/events.queries";
import { assertRoom, locationPatch } from "../conference-core/locations";
import { listFileKeys } from "../conference-core/materials.queries";
import type { EventRow } from "../conference-core/rows";
import { enqueue } from "../outbox/enqueue";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { badRequest, conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { toModelBlock, toModelBreak, toModelContribution, toTimetableEvent } from "../timetable/from-rows";
import { checkTimetable } from "../timetable/invariants";
import { DEFAULT_EVENT_CONTRIBUTION_MINUTES } from "../timetable/model";
import { listBlocksOfEvent, listBreaksOfEvent, listScheduledContributions } from "../timetable/queries";
import { refusalError } from "../timetable/refusal-error";
import { MATERIAL_FILE_DELETE_KIND } from "./material-storage";
import { tellEventManagers } from "./protection-emails";

/** Events and their managers (conferences.md, Event: "Admins create events; event managers manage them"). */

/** Create an event (admins): title, Markdown description, start and end with the IANA zone, default location. */
export async function createEvent(deps: Deps, actor: Actor, input: EventCreateInput): Promise<EventRow> {
  authorize(actor, "events.create", SITE);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    await assertRoom(tx, input.roomId);
    const base = slugify(input.title);
    // Two events created with one title at the same moment: the unique index turns the second into a 409.
    const slug = firstFreeSlug(base, await slugsLike(tx, base));
    const row: EventRow = {
      id: newId(),
      title: input.title,
      slug,
      description: input.description,
      start_at: new Date(input.startAt).toISOString(),
      end_at: new Date(input.endAt).toISOString(),
      time_zone: input.timeZone,
      room_id: input.roomId ?? null,
      location_text: input.locationText ?? null,
      default_contribution_minutes: input.defaultContributionMinutes ?? DEFAULT_EVENT_CONTRIBUTION_MINUTES,
      timetable_published: input.timetablePublished ? 1 : 0,
      coordinators_manage_contributions: 0,
      coordinators_manage_blocks: 0,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await insertEvent(tx, row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "event.created",
      objectType: "event",
      objectId: row.id,
      changes: { title: row.title, startAt: row.start_at, endAt: row.end_at, timeZone: row.time_zone },
      at: now,
    });
    return row;
  });
}

/**
 * Edit an event (its managers). New dates or a new zone must still hold the whole timetable: the change is
 * refused, naming what would fall outside, rather than moving entries (indico.md §3.3 without "update timetable").
 */
export async function updateEventDetails(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: EventUpdateInput,
): Promise<EventRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    const row = w.event;
    if (input.roomId !== undefined) await assertRoom(w.tx, input.roomId);
    const next: EventRow = {
      ...row,
      title: input.title ?? row.title,
      description: input.description ?? row.description,
      start_at: input.startAt ? new Date(input.startAt).toISOString() : row.start_at,
      end_at: input.endAt ? new Date(input.endAt).toISOString() : row.end_at,
      time_zone: input.timeZone ?? row.time_zone,
      default_contribution_minutes: input.defaultContributionMinutes ?? row.default_contribution_minutes,
      timetable_published:
        input.timetablePublished === undefined ? row.timetable_published : input.timetablePublished ? 1 : 0,
      ...locationPatch(row, input),
    };
    if (Date.parse(next.end_at) <= Date.parse(next.start_at)) {
      throw badRequest("The event must end after it starts.", { endAt: "must be after the start" });
    }
    const changes = diff(row, next);
    if (Object.keys(changes).length === 0) return row;
    if (changes.start_at || changes.end_at || changes.time_zone) await assertTimetableFits(w, next);
    const saved = { ...next, updated_at: w.now };
    await updateEvent(w.tx, row.id, {
      title: saved.title,
      description: saved.description,
      start_at: saved.start_at,
      end_at: saved.end_at,
      time_zone: saved.time_zone,
      default_contribution_minutes: saved.default_contribution_minutes,
      timetable_published: saved.timetable_published,
      room_id: saved.room_id,
      location_text: saved.location_text,
      updated_at: saved.updated_at,
    });
    await auditEvent(w, "event.updated", changes);
    return saved;
  });
}

async function assertTimetableFits(w: EventWork, next: EventRow): Promise<void> {
  const [blocks, contributions, breaks] = await Promise.all([
    listBlocksOfEvent(w.tx, w.event.id),
    listScheduledContributions(w.tx, w.event.id),
    listBreaksOfEvent(w.tx, w.event.id),
  ]);
  const problems = checkTimetable(toTimetableEvent(next), blocks.map(toModelBlock), [
    ...contributions.map(toModelContribution),
    ...breaks.map(toModelBreak),
  ]);
  if (problems.length > 0) {
    const shown = problems.slice(0, 3);
    const more = problems.length > shown.length ? ` …and ${problems.length - shown.length} more.` : "";
    const err = refusalError(shown);
    throw conflict(
      "timetable_outside_event",
      `These dates would leave the timetable outside the event; move or shorten those entries first. ${err.message}${more}`,
      { startAt: "the timetable would not fit", endAt: "the timetable would not fit" },
    );
  }
}

/** Delete an event and everything in it (admins); its uploaded files are removed by the outbox worker. */
export async function deleteEventWithContents(deps: Deps, actor: Actor, eventId: string): Promise<void> {
  await withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.delete");
    const keys = await listFileKeys(w.tx, { eventId });
    for (const key of keys) await enqueue(w.tx, MATERIAL_FILE_DELETE_KIND, { key }, w.now);
    await deleteEvent(w.tx, eventId);
    await auditEvent(w, "event.deleted", { title: w.event.title, files: keys.length });
  });
}

/** Add an event manager by the email of an existing account. */
export async function addEventManager(deps: Deps, actor: Actor, eventId: string, email: string): Promise<string> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    const user = await findUserByEmail(w.tx, email);
    if (!user || user.deactivated_at) {
      throw conflict("unknown_user", `No active account uses ${email}; ask them to sign up first.`, {
        email: "has no active account",
      });
    }
    if (await isEventManager(w.tx, eventId, user.id)) {
      throw conflict("already_manager", `${email} already manages this event.`, {
        email: "already manages this event",
      });
    }
    await insertEventManager(w.tx, eventId, user.id, w.now);
    await auditEvent(w, "event.manager_added", { userId: user.id, email: user.email });
    await tellEventManagers(w.tx, w.deps, actor, w.event, [{ userId: user.id, email: user.email }]);
    return user.id;
  });
}

/** Remove an event manager; admins keep managing every event. */
export async function removeEventManager(deps: Deps, actor: Actor, eventId: string, userId: string): Promise<void> {
  await withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    if ((await deleteEventManager(w.tx, eventId, userId)) === 0) throw notFound("The event manager");
    await auditEvent(w, "event.manager_removed", { userId });
  });
}
