import type { z } from "zod";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type { ConferenceEvent, EventListQuery, SessionType } from "../../shared/schemas/conference-events";
import type { ConferenceSessionList, MyConference, MyConferenceItem } from "../../shared/schemas/conference-sessions";
import {
  loadEventFacts,
  loadMayManageEvent,
  loadSessionFactsOfEvent,
  loadVisibleEvent,
} from "../conference-core/access";
import {
  type ContributionFilter,
  listContributions,
  listContributionsSpokenByVerifiedEmailOf,
  listSpeakersOf,
} from "../conference-core/contributions.queries";
import { findEvent, findEventBySlug, listEvents } from "../conference-core/events.queries";
import { groupBy, toContribution, toEventDto } from "../conference-core/present";
import { listSessionsManagedOrCoordinatedBy } from "../conference-core/protection.queries";
import { findRoomsByIds } from "../conference-core/rooms.queries";
import type { ContributionRow, EventRow, SessionTypeRow } from "../conference-core/rows";
import { listSessionTypes } from "../conference-core/session-types.queries";
import { countsBySession, listSessionsOfEvent } from "../conference-core/sessions.queries";
import type { Actor } from "../permissions/actor";
import { can } from "../permissions/policy";
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
 * Two queries, then three per event.
 */
export async function readMyConference(db: Db, actor: Actor, now: Date): Promise<MyConference> {
  const since = eventsEndingAfter(now);
  const [held, spoken] = await Promise.all([
    listSessionsManagedOrCoordinatedBy(db, actor.id, since),
    listContributionsSpokenByVerifiedEmailOf(db, actor.id, since),
  ]);
  const eventIds = [...new Set([...held.map((r) => r.event_id), ...spoken.map((r) => r.event_id)])].sort();
  const sessions: typeof held = [];
  const contributions: typeof spoken = [];
  const events = new Map<string, EventRow>();
  for (const eventId of eventIds) {
    const event = await findEvent(db, eventId);
    if (!event) continue;
    const facts = await loadEventFacts(db, event, actor);
    if (!can(actor, "event.view", facts)) continue;
    events.set(eventId, event);
    const here = [
      ...held.filter((r) => r.event_id === eventId),
      ...spoken.flatMap((r) =>
        r.event_id === eventId && r.session_id && r.protection_mode
          ? [{ id: r.session_id, protection_mode: r.protection_mode }]
          : [],
      ),
    ];
    const sessionFacts = await loadSessionFactsOfEvent(db, event, facts, here, actor);
    const seesSession = (id: string) => {
      const f = sessionFacts.get(id);
      return f !== undefined && can(actor, "conference.session.view", f);
    };
    sessions.push(...held.filter((r) => r.event_id === eventId && seesSession(r.id)));
    contributions.push(
      ...spoken.filter(
        (r) =>
          r.event_id === eventId &&
          (r.session_id ? seesSession(r.session_id) : can(actor, "event.viewTimetable", facts)),
      ),
    );
  }

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
