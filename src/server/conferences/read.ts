import type { z } from "zod";
import type {
  ConferenceEvent,
  ConferenceSessionList,
  Contribution,
  SessionBlock,
  SessionType,
} from "../../shared/schemas/conferences";
import type { Actor } from "../permissions/actor";
import { can } from "../permissions/policy";
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { loadEventFacts, loadVisibleEvent } from "./access";
import { eventLocation, groupBy, ownLocation, resolveLocation, toBlock, toContribution, toEventDto } from "./present";
import {
  type ContributionFilter,
  type ContributionRow,
  countsBySession,
  type EventRow,
  findBlock,
  findConferenceSession,
  findEvent,
  findRoom,
  listContributions,
  listConvenersOfBlocks,
  listEvents,
  listSessionsOfEvent,
  listSessionTypes,
  listSpeakersOf,
  managedEventIds,
  type RoomRow,
  type SessionTypeRow,
} from "./queries";

/** Read models of conference pages, each a fixed number of queries (style.md §3.3, query budgets). */

async function roomsFor(db: Db, ids: readonly (string | null)[]): Promise<Map<string, RoomRow>> {
  const rooms = new Map<string, RoomRow>();
  for (const id of new Set(ids.filter((x): x is string => x !== null))) {
    const room = await findRoom(db, id);
    if (room) rooms.set(id, room);
  }
  return rooms;
}

/** The event page's data, with the caller's abilities; 404 unless visible. */
export async function readEvent(db: Db, actor: Actor | null, eventId: string): Promise<ConferenceEvent> {
  const { event, facts } = await loadVisibleEvent(db, actor, eventId);
  return toEventDto(event, await roomsFor(db, [event.room_id]), actor, facts);
}

/** The events the caller may see (published ones, those they manage; admins all). */
export async function readEventList(db: Db, actor: Actor | null) {
  const [events, managed] = await Promise.all([
    listEvents(db, { userId: actor?.id ?? null, isAdmin: actor?.isAdmin === true }),
    actor ? managedEventIds(db, actor.id) : Promise.resolve(new Set<string>()),
  ]);
  return {
    events: events.map((e: EventRow) => ({
      id: e.id,
      title: e.title,
      startAt: e.start_at,
      endAt: e.end_at,
      timeZone: e.time_zone,
      timetablePublished: e.timetable_published === 1,
      manage: actor !== null && (actor.isAdmin || managed.has(e.id)),
    })),
  };
}

export function toSessionType(row: SessionTypeRow & { sessions_count?: number | null }): SessionType {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    isPoster: row.is_poster === 1,
    sessionsCount: Number(row.sessions_count ?? 0),
  };
}

export async function readSessionTypes(db: Db, eventId: string): Promise<SessionType[]> {
  return (await listSessionTypes(db, eventId)).map(toSessionType);
}

/** The Sessions page: title, type, code, Blocks and Material counts, colours; the types for the quick picker. */
export async function readSessionList(db: Db, eventId: string): Promise<z.infer<typeof ConferenceSessionList>> {
  const [sessions, counts, types] = await Promise.all([
    listSessionsOfEvent(db, eventId),
    countsBySession(db, eventId),
    readSessionTypes(db, eventId),
  ]);
  return {
    sessions: sessions.map((s) => {
      const c = counts.get(s.id) ?? { blocks: 0, materials: 0, contributions: 0 };
      return {
        id: s.id,
        title: s.title,
        code: s.code,
        type:
          s.type_id && s.type_name !== null
            ? { id: s.type_id, name: s.type_name, code: s.type_code ?? "", isPoster: s.type_is_poster === 1 }
            : null,
        isPoster: s.type_is_poster === 1,
        colours: { text: s.text_color, background: s.background_color },
        defaultContributionMinutes: s.default_contribution_minutes,
        blocksCount: c.blocks,
        materialsCount: c.materials,
        contributionsCount: c.contributions,
      };
    }),
    types,
  };
}

/** A block as its editors see it, with conveners and resolved location. */
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
  const rooms = await roomsFor(db, [block.room_id, session.room_id, event.room_id]);
  const location = resolveLocation(
    [ownLocation("block", block), ownLocation("session", session), eventLocation(event)],
    rooms,
  );
  const showEmails = can(actor, "event.manage", await loadEventFacts(db, event, actor));
  return toBlock(block, conveners, location, event.time_zone, showEmails, notices);
}

export async function readContribution(
  db: Db,
  event: EventRow,
  row: ContributionRow,
  showEmails: boolean,
  notices: string[] = [],
): Promise<Contribution> {
  return toContribution(row, await listSpeakersOf(db, [row.id]), event.time_zone, showEmails, notices);
}

/** The Contributions page: filtered, scheduled first by time, with speakers (two queries). */
export async function readContributionList(
  db: Db,
  event: EventRow,
  filter: ContributionFilter,
): Promise<{ contributions: Contribution[]; total: number }> {
  const { rows, total } = await listContributions(db, event.id, filter);
  const speakers = groupBy(
    await listSpeakersOf(
      db,
      rows.map((r) => r.id),
    ),
    (s) => s.contribution_id,
  );
  return {
    contributions: rows.map((r) => toContribution(r, speakers.get(r.id) ?? [], event.time_zone, true)),
    total,
  };
}
