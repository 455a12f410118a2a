import type { z } from "zod";
import type {
  AdminListQuery,
  AdminSessionList,
  CalendarSyncState,
  CommunitySession,
  MemberListQuery,
  MyRegistrationList,
  Participant,
  ParticipantList,
  SessionCard,
} from "../../shared/schemas/community-sessions";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { can, SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { readFeatures } from "../site/settings";
import { calendarSyncKey, GOOGLE_SYNC_KIND } from "./calendar-sync";
import { EMPTY_LINE, rosterSort, sessionFacts, toCard, toParticipant, toSessionDto } from "./present";
import {
  type CalendarLinkRow,
  countActiveBySession,
  findSession,
  listCalendarLinks,
  listParticipants,
  listPublishedSessions,
  listRegistrationsOf,
  listSessions,
  listSessionsByIds,
  type ParticipantWithUser,
  pendingCalendarSyncKeys,
  type SessionRow,
} from "./queries";
import { assertManager } from "./session-work";
import { myWaitlistEntry } from "./waitlist.operations";
import { countLiveBySession, listLiveWaitlist, listLiveWaitlistIn, listLiveWaitlistOf } from "./waitlist.queries";

/** Read models of the community pages, each a fixed number of queries (style.md §3.3, query budgets). */

/** One session as the caller may see it; 404 unless visible. */
export async function readSession(deps: Deps, actor: Actor | null, id: string): Promise<CommunitySession> {
  const row = await findSession(deps.db, id);
  if (!row) throw notFound("The session");
  const [participants, waitlist, features] = await Promise.all([
    listParticipants(deps.db, id),
    listLiveWaitlist(deps.db, id),
    readFeatures(deps.db),
  ]);
  if (!can(actor, "community.session.view", sessionFacts(row, actor, participants, features)))
    throw notFound("The session");
  return toSessionDto(row, participants, actor, features, deps.clock.now(), waitlist);
}

/** Cards of these sessions, with free roles from one count query. */
async function cardsOf(deps: Deps, rows: SessionRow[]): Promise<SessionCard[]> {
  const ids = rows.map((r) => r.id);
  const [counts, lines, features] = await Promise.all([
    countActiveBySession(deps.db, ids),
    countLiveBySession(deps.db, ids),
    readFeatures(deps.db),
  ]);
  const now = deps.clock.now();
  const none = { host: 0, presenter: 0, interviewer: 0, guest: 0 };
  return rows.map((r) => toCard(r, counts.get(r.id) ?? none, now, features, lines.get(r.id) ?? EMPTY_LINE));
}

/** The member lists (home page, past sessions): published sessions, upcoming or past. */
export async function readPublishedCards(
  deps: Deps,
  query: z.infer<typeof MemberListQuery>,
): Promise<{ sessions: SessionCard[] }> {
  const rows = await listPublishedSessions(deps.db, {
    when: query.when,
    now: deps.clock.now().toISOString(),
    limit: query.limit,
    offset: query.offset,
  });
  return { sessions: await cardsOf(deps, rows) };
}

/** Google Calendar's state for one session: an error wins, then a sync waiting in the outbox, then the last sync. */
function calendarSyncOf(link: CalendarLinkRow | undefined, isPending: boolean): CalendarSyncState | null {
  if (link?.last_error) return { state: "error", error: link.last_error, at: link.last_error_at };
  if (isPending) return { state: "pending", error: null, at: null };
  if (link) return { state: "synced", error: null, at: link.synced_at };
  return null;
}

/**
 * Admin > Sessions: every session for admins, the ones they created for members who may create sessions
 * (`community.sessions.listAll`), with each one's Google Calendar sync state.
 */
export async function readAdminSessionList(
  deps: Deps,
  actor: Actor | null,
  query: z.infer<typeof AdminListQuery>,
): Promise<AdminSessionList> {
  const features = await readFeatures(deps.db);
  authorize(actor, "community.sessions.create", {
    kind: "community",
    allowUserSessionCreation: features.allowUserSessionCreation,
  });
  const { rows, total } = await listSessions(deps.db, {
    visibleOnly: false,
    when: query.when,
    now: deps.clock.now().toISOString(),
    status: query.status,
    titleSearch: query.q,
    createdBy: can(actor, "community.sessions.listAll", SITE) ? undefined : actor.id,
    limit: query.limit,
    offset: query.offset,
  });
  const ids = rows.map((r) => r.id);
  const [links, pending] = await Promise.all([
    listCalendarLinks(deps.db, ids),
    pendingCalendarSyncKeys(deps.db, GOOGLE_SYNC_KIND, ids.map(calendarSyncKey)),
  ]);
  const linkOf = new Map(links.map((l) => [l.session_id, l]));
  const sessions = (await cardsOf(deps, rows)).map((card) => ({
    ...card,
    calendarSync: calendarSyncOf(linkOf.get(card.id), pending.has(calendarSyncKey(card.id))),
  }));
  return { sessions, total };
}

/** Roster order, then the cancelled registrations (community.md, Participants tab). */
function participantList(participants: ParticipantWithUser[]): ParticipantList {
  const active = rosterSort(participants.filter((p) => p.status !== "cancelled"));
  const cancelled = participants.filter((p) => p.status === "cancelled");
  return { participants: [...active, ...cancelled].map(toParticipant) };
}

/** The Participants tab, for those who manage the session (404 unless visible, 403 unless managing). */
export async function readParticipants(deps: Deps, actor: Actor, sessionId: string): Promise<ParticipantList> {
  const row = await findSession(deps.db, sessionId);
  if (!row) throw notFound("The session");
  const [participants, features] = await Promise.all([listParticipants(deps.db, row.id), readFeatures(deps.db)]);
  assertManager(actor, row, participants, features);
  return participantList(participants);
}

/** The Participants tab after a change the unit of work has authorised. */
export async function readParticipantsAfterChange(deps: Deps, sessionId: string): Promise<ParticipantList> {
  return participantList(await listParticipants(deps.db, sessionId));
}

/** One participant after it was added. */
export async function readParticipant(deps: Deps, sessionId: string, participantId: string): Promise<Participant> {
  const p = (await listParticipants(deps.db, sessionId)).find((x) => x.id === participantId);
  if (!p) throw notFound("The participant");
  return toParticipant(p);
}

/** My sessions: the member's registrations, active and cancelled, newest session first. */
export async function readMyRegistrations(deps: Deps, actor: Actor): Promise<MyRegistrationList> {
  const [regs, mine] = await Promise.all([
    listRegistrationsOf(deps.db, actor.id),
    listLiveWaitlistOf(deps.db, actor.id),
  ]);
  const ids = [...new Set([...regs.map((r) => r.session_id), ...mine.map((e) => e.session_id)])];
  const rows = await listSessionsByIds(deps.db, ids);
  const byId = new Map((await cardsOf(deps, rows)).map((c) => [c.id, c]));
  // Positions need each line as a whole: the lines of the sessions this member waits in, in one query.
  const lines = await listLiveWaitlistIn(
    deps.db,
    mine.map((e) => e.session_id),
  );
  const now = deps.clock.now().getTime();
  return {
    registrations: regs.flatMap((r) => {
      const session = byId.get(r.session_id);
      return session ? [{ session, role: r.role, status: r.status }] : [];
    }),
    waiting: mine.flatMap((e) => {
      const session = byId.get(e.session_id);
      const entry = myWaitlistEntry(
        lines.filter((x) => x.session_id === e.session_id),
        actor.id,
      );
      const upcoming = session?.startsAt ? Date.parse(session.startsAt) > now : false;
      return session && entry && upcoming ? [{ session, waitlist: entry }] : [];
    }),
  };
}
