import type { z } from "zod";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type { ConferenceEvent, EventListQuery, SessionType } from "../../shared/schemas/conference-events";
import type { ConferenceSessionList } from "../../shared/schemas/conference-sessions";
import { loadMayManageEvent, loadVisibleEvent } from "../conference-core/access";
import { type ContributionFilter, listContributions, listSpeakersOf } from "../conference-core/contributions.queries";
import { findEventBySlug, listEvents } from "../conference-core/events.queries";
import { groupBy, toContribution, toEventDto } from "../conference-core/present";
import { findRoomsByIds } from "../conference-core/rooms.queries";
import type { ContributionRow, EventRow, SessionTypeRow } from "../conference-core/rows";
import { listSessionTypes } from "../conference-core/session-types.queries";
import { countsBySession, listSessionsOfEvent } from "../conference-core/sessions.queries";
import type { Actor } from "../permissions/actor";
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";

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
