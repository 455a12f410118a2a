import type {
  ConferenceSession,
  EventTimetable,
  SessionAbilities,
  SessionBlock,
  SessionTimetable,
} from "../../shared/schemas/timetable";
import { loadEventFacts, loadVisibleEvent, loadVisibleSession, visibleSessionIds } from "../conference-core/access";
import { listSpeakersOf, listSpeakersOfEvent } from "../conference-core/contributions.queries";
import { findEvent } from "../conference-core/events.queries";
import { listMaterialsOfEvent } from "../conference-core/materials.queries";
import {
  eventLocation,
  groupBy,
  ownLocation,
  resolveLocation,
  toBlock,
  toContribution,
  toMaterial,
} from "../conference-core/present";
import { findRoomsByIds, listRooms } from "../conference-core/rooms.queries";
import type { EventRow } from "../conference-core/rows";
import { findConferenceSession, listSessionsOfEvent } from "../conference-core/sessions.queries";
import type { Actor } from "../permissions/actor";
import { type ConferenceSessionFacts, can, type EventFacts } from "../permissions/policy";
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { renderMarkdown } from "../platform/markdown";
import {
  assembleEventTimetable,
  assembleSessionTimetable,
  sessionBlocksByDay,
  type TimetableData,
  visiblePart,
} from "./assemble";
import {
  findBlock,
  listBlocksOfEvent,
  listBreaksOfEvent,
  listContributionsOfSession,
  listConvenersOfBlocks,
  listConvenersOfEvent,
  listScheduledContributions,
} from "./queries";

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

/**
 * The part of the timetable this viewer may see: the blocks of the sessions they may see (protected sessions
 * disappear for others), and the top level once the timetable is published or for the event's managers.
 */
export async function loadVisibleTimetableData(
  db: Db,
  actor: Actor | null,
  event: EventRow,
  facts: EventFacts,
): Promise<TimetableData> {
  const data = await loadTimetableData(db, event);
  if (can(actor, "event.manage", facts)) return data;
  const visible = await visibleSessionIds(db, event, facts, data.sessions, actor);
  return visiblePart(data, visible, can(actor, "event.viewTimetable", facts));
}

/**
 * The event timetable: anyone once published, else its managers (404 for others); session managers and
 * coordinators of an unpublished event see their own sessions' blocks only. Protected sessions' blocks are left
 * out for whoever may not see them.
 */
export async function readEventTimetable(db: Db, actor: Actor | null, eventId: string): Promise<EventTimetable> {
  const { event, facts } = await loadVisibleEvent(db, actor, eventId);
  const manage = can(actor, "event.manage", facts);
  return assembleEventTimetable(await loadVisibleTimetableData(db, actor, event, facts), {
    showEmails: manage,
    manage,
  });
}

/** What the actor may do with a session, as the pages need it. */
export function sessionAbilities(actor: Actor | null, facts: ConferenceSessionFacts): SessionAbilities {
  return {
    manage: can(actor, "conference.session.manage", facts),
    manageBlocks: can(actor, "conference.session.manageBlocks", facts),
    schedule: can(actor, "conference.session.schedule", facts),
    manageContributions: can(actor, "conference.session.manageContributions", facts),
  };
}

/** The session timetable (the clock icon): only that session's blocks, day by day, with the caller's abilities. */
export async function readSessionTimetable(
  db: Db,
  actor: Actor | null,
  eventId: string,
  sessionId: string,
): Promise<SessionTimetable> {
  const { event, facts, session, sessionFacts } = await loadVisibleSession(db, actor, eventId, sessionId);
  const data = await loadTimetableData(db, event);
  return {
    ...assembleSessionTimetable(data, session, { showEmails: can(actor, "event.manage", facts) }),
    abilities: sessionAbilities(actor, sessionFacts),
  };
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
    abilities: sessionAbilities(actor, sessionFacts),
  };
}

/** A block as its editor sees it; conveners' emails only for those who manage the event, as on every page. */
export async function readBlock(
  db: Db,
  actor: Actor | null,
  blockId: string,
  notices: string[] = [],
): Promise<SessionBlock> {
  const block = await findBlock(db, blockId);
  if (!block) throw notFound("The session block");
  const [session, event, conveners] = await Promise.all([
    findConferenceSession(db, block.session_id),
    findEvent(db, block.event_id),
    listConvenersOfBlocks(db, [blockId]),
  ]);
  if (!session || !event) throw notFound("The session block");
  const rooms = await findRoomsByIds(db, [block.room_id, session.room_id, event.room_id]);
  const location = resolveLocation(
    [ownLocation("block", block), ownLocation("session", session), eventLocation(event)],
    rooms,
  );
  const showEmails = can(actor, "event.manage", await loadEventFacts(db, event, actor));
  return toBlock(block, conveners, location, event.time_zone, showEmails, notices);
}
