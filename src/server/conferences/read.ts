import type { z } from "zod";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type { ConferenceEvent, EventListQuery, SessionType } from "../../shared/schemas/conference-events";
import type { ConferenceSessionList, MyConference, MyConferenceItem } from "../../shared/schemas/conference-sessions";
import { eventFactsFrom, loadMayManageEvent, loadVisibleEvent, sessionFactsFrom } from "../conference-core/access";
import {
  type ContributionFilter,
  listContributions,
  listContributionsSpokenByVerifiedEmailOf,
  listSpeakersOf,
} from "../conference-core/contributions.queries";
import { findEventBySlug, findEventsByIds, listEvents, managedEventIds } from "../conference-core/events.queries";
import { groupBy, toContribution, toEventDto } from "../conference-core/present";
import { listSessionsManagedOrCoordinatedBy, rolesOnSessions } from "../conference-core/protection.queries";
import { findRoomsByIds } from "../conference-core/rooms.queries";
import type { ContributionRow, EventRow, SessionTypeRow } from "../conference-core/rows";
import { listSessionTypes } from "../conference-core/session-types.queries";
import { countsBySession, listSessionsOfEvent } from "../conference-core/sessions.queries";
import type { SessionProtectionMode } from "../db/schema";
import type { Actor } from "../permissions/actor";
import { can, type EventFacts } from "../permissions/policy";
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { listBlockTimesOfSessions } from "../timetable/queries";
import { contributionPath, sessionPath } from "./links";
import { byTime, eventsEndingAfter, nextBlockOf, rangeOf } from "./my-conference";

/** Read models of conference pages, each a fixed number of queries (style.md §3.3, query budgets). */

/** The event behind a readable address, if the caller may see it (else 404, as for an unknown slug). */
export async function readEventBySlug(db: Db, actor: Actor | null, slug: string): Promise<ConferenceEvent> {
  const row = await findEventBySlug(db, slug);
  if (!row) throw notFound("The event");
  return readEvent(db, actor, row.id);
}

/** The event page's data, with the caller's abilities; 404 unless visible. */
export async function readEvent(db: Db, actor: Actor | null, eventId: string): Promise<ConferenceEvent> {
  const { event, facts } = await loadVisibleEvent(db, actor, eventId);
  return toEventDto(event, await findRoomsByIds(db, [event.room_id]), actor, facts);
}

/** The events the caller may see (published ones, those they manage; admins all), searched and by time. */
export async function readEventList(
  db: Db,
  actor: Actor | null,
  query: z.output<typeof EventListQuery> = { when: "all" },
  now = new Date().toISOString(),
) {
  const when = query.when === "all" ? undefined : { kind: query.when, now };
  const [events, mayManage] = await Promise.all([
    listEvents(db, { userId: actor?.id ?? null, isAdmin: actor?.isAdmin === true }, { q: query.q, when }),
    loadMayManageEvent(db, actor),
  ]);
  return {
    events: events.map((e: EventRow) => ({
      id: e.id,
      title: e.title,
      slug: e.slug,
      startAt: e.start_at,
      endAt: e.end_at,
      timeZone: e.time_zone,
      timetablePublished: e.timetable_published === 1,
      manage: mayManage(e),
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

/**
 * My sessions' Conferences part (issue #14): the sessions the caller manages or coordinates by their own entry and
 * the contributions where a speaker has their verified email, in events that ended at most `RECENT_DAYS` ago, each
 * only while the policy lets the caller see it (the event, then the session or the timetable's top level), by time.
 * Six queries, however many events.
 */
export async function readMyConference(db: Db, actor: Actor, now: Date): Promise<MyConference> {
  const since = eventsEndingAfter(now);
  const [held, spoken] = await Promise.all([
    listSessionsManagedOrCoordinatedBy(db, actor.id, since),
    listContributionsSpokenByVerifiedEmailOf(db, actor.id, since),
  ]);
  const eventIds = [...new Set([...held.map((r) => r.event_id), ...spoken.map((r) => r.event_id)])];
  const sessionIds = [
    ...new Set([...held.map((r) => r.id), ...spoken.flatMap((r) => (r.session_id ? [r.session_id] : []))]),
  ];
  const [eventRows, managed, entries] = await Promise.all([
    findEventsByIds(db, eventIds),
    actor.isAdmin ? new Set<string>() : managedEventIds(db, actor.id),
    rolesOnSessions(db, actor.id, sessionIds),
  ]);
  // The policy's facts from what was loaded: `held` lists every session role the actor has in these events.
  const events = new Map<string, EventRow>();
  const eventFacts = new Map<string, EventFacts>();
  for (const event of eventRows) {
    const facts = eventFactsFrom(event, {
      isEventManager: managed.has(event.id),
      holdsSessionRole: held.some((r) => r.event_id === event.id),
    });
    if (!can(actor, "event.view", facts)) continue;
    events.set(event.id, event);
    eventFacts.set(event.id, facts);
  }
  const roles = groupBy(entries, (e) => e.session_id);
  const seesSession = (eventId: string, sessionId: string, visibility: SessionProtectionMode) => {
    const event = events.get(eventId);
    const facts = eventFacts.get(eventId);
    if (!event || !facts) return false;
    const own = (roles.get(sessionId) ?? []).map((e) => e.role);
    return can(actor, "conference.session.view", sessionFactsFrom(event, facts, visibility, own));
  };
  const sessions = held.filter((r) => seesSession(r.event_id, r.id, r.protection_mode));
  const contributions = spoken.filter((r) => {
    const facts = eventFacts.get(r.event_id);
    if (!facts) return false;
    if (r.session_id && r.protection_mode) return seesSession(r.event_id, r.session_id, r.protection_mode);
    return can(actor, "event.viewTimetable", facts);
  });

  const blocks = groupBy(
    await listBlockTimesOfSessions(db, [...new Set(sessions.map((r) => r.id))]),
    (b) => b.session_id,
  );
  const eventOf = (id: string) => {
    const e = events.get(id) as EventRow;
    return { id: e.id, title: e.title, slug: e.slug, timeZone: e.time_zone };
  };
  const items: MyConferenceItem[] = [];
  for (const [id, entries] of groupBy(sessions, (r) => r.id)) {
    const first = entries[0];
    if (!first) continue;
    const roles = entries.map((r) => r.role);
    items.push({
      kind: "session",
      id,
      title: first.title,
      code: first.code,
      event: eventOf(first.event_id),
      roles: [
        ...(roles.includes("manage") ? (["manager"] as const) : []),
        ...(roles.includes("coordinate") ? (["coordinator"] as const) : []),
      ],
      time: nextBlockOf(blocks.get(id) ?? [], now),
      path: sessionPath(first.event_id, id),
    });
  }
  for (const r of contributions) {
    items.push({
      kind: "contribution",
      id: r.id,
      title: r.title,
      event: eventOf(r.event_id),
      roles: ["speaker"],
      sessionTitle: r.session_title,
      time: r.start_at ? rangeOf(r.start_at, r.duration_minutes) : null,
      path: contributionPath(r.event_id, r.id),
    });
  }
  return { items: items.sort(byTime) };
}
