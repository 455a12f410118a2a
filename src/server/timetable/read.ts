import type { ConferenceSession, EventTimetable, SessionTimetable } from "../../shared/schemas/conferences";
import { loadVisibleEvent, loadVisibleSession } from "../conferences/access";
import {
  eventLocation,
  groupBy,
  ownLocation,
  resolveLocation,
  toContribution,
  toMaterial,
} from "../conferences/present";
import {
  type EventRow,
  listBlocksOfEvent,
  listBreaksOfEvent,
  listContributionsOfSession,
  listConvenersOfEvent,
  listMaterialsOfEvent,
  listRooms,
  listScheduledContributions,
  listSessionsOfEvent,
  listSpeakersOf,
  listSpeakersOfEvent,
} from "../conferences/queries";
import type { Actor } from "../permissions/actor";
import { can } from "../permissions/policy";
import type { Db } from "../platform/db";
import { renderMarkdown } from "../platform/markdown";
import { assembleEventTimetable, assembleSessionTimetable, sessionBlocksByDay, type TimetableData } from "./assemble";

/**
 * Reading the timetable: one query per table for the whole event, assembled in memory, so the number of queries
 * does not grow with the event (style.md §3.3, query budgets).
 */
export async function loadTimetableData(db: Db, event: EventRow): Promise<TimetableData> {
  const [rooms, sessions, blocks, conveners, contributions, speakers, breaks, materials] = await Promise.all([
    listRooms(db),
    listSessionsOfEvent(db, event.id),
    listBlocksOfEvent(db, event.id),
    listConvenersOfEvent(db, event.id),
    listScheduledContributions(db, event.id),
    listSpeakersOfEvent(db, event.id, true),
    listBreaksOfEvent(db, event.id),
    listMaterialsOfEvent(db, event.id),
  ]);
  return {
    event,
    rooms: new Map(rooms.map((r) => [r.id, r])),
    sessions,
    blocks,
    conveners,
    contributions,
    speakers,
    breaks,
    materials,
  };
}

/** The event timetable: anyone once published, else its managers (404 for others). */
export async function readEventTimetable(db: Db, actor: Actor | null, eventId: string): Promise<EventTimetable> {
  const { event, facts } = await loadVisibleEvent(db, actor, eventId);
  const manage = can(actor, "event.manage", facts);
  return assembleEventTimetable(await loadTimetableData(db, event), { showEmails: manage, manage });
}

/** The session timetable (the clock icon): only that session's blocks, day by day. */
export async function readSessionTimetable(
  db: Db,
  actor: Actor | null,
  eventId: string,
  sessionId: string,
): Promise<SessionTimetable> {
  const { event, facts, session } = await loadVisibleSession(db, actor, eventId, sessionId);
  const data = await loadTimetableData(db, event);
  return assembleSessionTimetable(data, session, { showEmails: can(actor, "event.manage", facts) });
}

/**
 * The session page: details, its blocks with conveners and entries, every contribution of the session and its
 * Presentation materials.
 */
export async function readConferenceSession(
  db: Db,
  actor: Actor | null,
  eventId: string,
  sessionId: string,
): Promise<ConferenceSession> {
  const { event, facts, session, sessionFacts } = await loadVisibleSession(db, actor, eventId, sessionId);
  const showEmails = can(actor, "event.manage", facts);
  const [data, contributions] = await Promise.all([
    loadTimetableData(db, event),
    listContributionsOfSession(db, sessionId),
  ]);
  const speakers = groupBy(
    await listSpeakersOf(
      db,
      contributions.map((c) => c.id),
    ),
    (s) => s.contribution_id,
  );
  const zone = event.time_zone;
  const scheduledFirst = [...contributions].sort((a, b) => Number(a.start_at === null) - Number(b.start_at === null));
  return {
    id: session.id,
    eventId,
    title: session.title,
    code: session.code,
    description: session.description,
    descriptionHtml: renderMarkdown(session.description),
    type:
      session.type_id && session.type_name !== null
        ? {
            id: session.type_id,
            name: session.type_name,
            code: session.type_code ?? "",
            isPoster: session.type_is_poster === 1,
          }
        : null,
    isPoster: session.type_is_poster === 1,
    defaultContributionMinutes: session.default_contribution_minutes,
    roomId: session.room_id,
    locationText: session.location_text,
    location: resolveLocation([ownLocation("session", session), eventLocation(event)], data.rooms),
    colours: { text: session.text_color, background: session.background_color },
    blocks: sessionBlocksByDay(data, sessionId, { showEmails }).flatMap((d) => d.blocks),
    contributions: scheduledFirst.map((c) => toContribution(c, speakers.get(c.id) ?? [], zone, showEmails)),
    materials: data.materials.filter((m) => m.session_id === sessionId).map((m) => toMaterial(eventId, m)),
    abilities: {
      manage: can(actor, "conference.session.manage", sessionFacts),
      manageBlocks: can(actor, "conference.session.manageBlocks", sessionFacts),
      schedule: can(actor, "conference.session.schedule", sessionFacts),
    },
  };
}
