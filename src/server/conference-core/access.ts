import type { AuditAction } from "../audit/actions";
import { type Changes, recordAudit } from "../audit/record";
import type { SessionPrincipalRole, SessionProtectionMode } from "../db/schema";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { type Action, type ConferenceSessionFacts, can, type EventFacts } from "../permissions/policy";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { findEvent, isEventManager, lockEvent, managedEventIds } from "./events.queries";
import { holdsSessionRole, rolesInEvent, rolesOnSession } from "./protection.queries";
import type { EventRow, SessionWithType } from "./rows";
import { findConferenceSession } from "./sessions.queries";

/**
 * Who may see and change what in a conference event, loaded once per request or transaction and handed to the
 * one policy module (style.md §3.2 rule 6). Cannot see it: 404; may see but not act: 403 (401 when signed out).
 */

/** The event as the policy sees it, from what the actor holds in it (pure). */
export function eventFactsFrom(
  event: Pick<EventRow, "timetable_published">,
  held: { isEventManager: boolean; holdsSessionRole: boolean },
): EventFacts {
  return {
    kind: "event",
    isTimetablePublished: event.timetable_published === 1,
    isEventManager: held.isEventManager,
    holdsSessionRole: held.holdsSessionRole,
  };
}

/** The event as the policy sees it for this actor. */
export async function loadEventFacts(db: Db, event: EventRow, actor: Actor | null): Promise<EventFacts> {
  // Admins hold every right through the policy; what they hold in the event is not worth two queries.
  const signedIn = actor !== null && !actor.isAdmin;
  const [manager, sessionRole] = signedIn
    ? await Promise.all([isEventManager(db, event.id, actor.id), holdsSessionRole(db, event.id, actor.id)])
    : [false, false];
  return eventFactsFrom(event, { isEventManager: manager, holdsSessionRole: sessionRole });
}

/**
 * For the events list: whether the actor may manage each event (its `manage` flag), asked of the policy with the
 * events they manage loaded in one query. A session role never gives `event.manage`, so the list does not load it.
 */
export async function loadMayManageEvent(db: Db, actor: Actor | null): Promise<(event: EventRow) => boolean> {
  const managed = actor && !actor.isAdmin ? await managedEventIds(db, actor.id) : new Set<string>();
  return (event) =>
    can(
      actor,
      "event.manage",
      eventFactsFrom(event, { isEventManager: managed.has(event.id), holdsSessionRole: false }),
    );
}

/**
 * A session's facts from what the actor holds on it (pure): full management wins over coordination (indico.md
 * §1.3: `full_access` implies every permission); the event's coordinator rights come from the event row.
 */
export function sessionFactsFrom(
  event: Pick<EventRow, "coordinators_manage_contributions" | "coordinators_manage_blocks">,
  eventFacts: EventFacts,
  visibility: SessionProtectionMode,
  roles: readonly SessionPrincipalRole[],
): ConferenceSessionFacts {
  return {
    kind: "conferenceSession",
    isTimetablePublished: eventFacts.isTimetablePublished,
    isEventManager: eventFacts.isEventManager,
    sessionRole: roles.includes("manage") ? "manager" : roles.includes("coordinate") ? "coordinator" : null,
    coordinatorRights: {
      contributions: event.coordinators_manage_contributions === 1,
      blocks: event.coordinators_manage_blocks === 1,
    },
    visibility,
    hasAccess: roles.length > 0,
  };
}

/**
 * A session of the event as the policy sees it for this actor: the session's visibility, the actor's own entries
 * on it (full management, coordination, access) and the event's "Session coordinator rights".
 */
export async function loadSessionFacts(
  db: Db,
  event: EventRow,
  eventFacts: EventFacts,
  session: string | Pick<SessionWithType, "id" | "protection_mode">,
  actor: Actor | null,
): Promise<ConferenceSessionFacts> {
  const row = typeof session === "string" ? await findConferenceSession(db, session) : session;
  const roles = actor && row ? await rolesOnSession(db, row.id, actor.id) : [];
  return sessionFactsFrom(event, eventFacts, row?.protection_mode ?? "inheriting", roles);
}

/** The facts of every session of the event for this actor, in one query (timetables, lists, exports). */
export async function loadSessionFactsOfEvent(
  db: Db,
  event: EventRow,
  eventFacts: EventFacts,
  sessions: readonly Pick<SessionWithType, "id" | "protection_mode">[],
  actor: Actor | null,
): Promise<Map<string, ConferenceSessionFacts>> {
  const entries = actor ? await rolesInEvent(db, event.id, actor.id) : [];
  const roles = new Map<string, SessionPrincipalRole[]>();
  for (const e of entries) roles.set(e.session_id, [...(roles.get(e.session_id) ?? []), e.role]);
  return new Map(
    sessions.map((s) => [s.id, sessionFactsFrom(event, eventFacts, s.protection_mode, roles.get(s.id) ?? [])]),
  );
}

/** The ids of the sessions the actor may see, of those given. */
export async function visibleSessionIds(
  db: Db,
  event: EventRow,
  eventFacts: EventFacts,
  sessions: readonly Pick<SessionWithType, "id" | "protection_mode">[],
  actor: Actor | null,
): Promise<Set<string>> {
  const facts = await loadSessionFactsOfEvent(db, event, eventFacts, sessions, actor);
  return new Set([...facts].filter(([, f]) => can(actor, "conference.session.view", f)).map(([id]) => id));
}

type EventAction = { [A in Action]: A extends `event.${string}` ? A : never }[Action];
type SessionAction = { [A in Action]: A extends `conference.session.${string}` ? A : never }[Action];

/** One locked unit of work on an event. */
export interface EventWork {
  deps: Deps;
  tx: Db;
  actor: Actor;
  event: EventRow;
  facts: EventFacts;
  now: string;
  /** Session facts already loaded in this unit of work, by session id. */
  sessionFacts: Map<string, ConferenceSessionFacts>;
}

/**
 * Runs `fn` in one transaction with the event row locked. 404 when the actor cannot see the event; each operation
 * then asks for the action it needs (`requireEvent`, `requireSession`).
 */
export async function withEvent<T>(
  deps: Deps,
  actor: Actor,
  eventId: string,
  fn: (w: EventWork) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (tx) => {
    const event = await lockEvent(tx, deps.engine, eventId);
    if (!event) throw notFound("The event");
    const facts = await loadEventFacts(tx, event, actor);
    if (!can(actor, "event.view", facts)) throw notFound("The event");
    return fn({ deps, tx, actor, event, facts, now: deps.clock.now().toISOString(), sessionFacts: new Map() });
  });
}

/** 403 unless the actor may do `action` on the event. */
export function requireEvent(w: EventWork, action: EventAction): void {
  authorize(w.actor, action, w.facts);
}

/** The facts of one of the event's sessions, loaded once per unit of work. */
export async function sessionFactsOf(w: EventWork, sessionId: string): Promise<ConferenceSessionFacts> {
  let facts = w.sessionFacts.get(sessionId);
  if (!facts) {
    facts = await loadSessionFacts(w.tx, w.event, w.facts, sessionId, w.actor);
    w.sessionFacts.set(sessionId, facts);
  }
  return facts;
}

/** Whether the actor may do `action` on a session (e.g. grow its blocks: indico.md §2.5 boundary guard). */
export async function maySession(w: EventWork, sessionId: string, action: SessionAction): Promise<boolean> {
  return can(w.actor, action, await sessionFactsOf(w, sessionId));
}

/** 404 unless the actor sees the session, 403 unless they may do `action` on it. */
export async function authorizeSession(w: EventWork, sessionId: string, action: SessionAction): Promise<void> {
  const facts = await sessionFactsOf(w, sessionId);
  if (!can(w.actor, "conference.session.view", facts)) throw notFound("The session");
  authorize(w.actor, action, facts);
}

/**
 * What a contribution or break sits in, for authorisation: a session (directly or through one of its blocks) needs
 * `action` there; the event's top level (null) needs its managers.
 */
export async function authorizeParent(w: EventWork, sessionId: string | null, action: SessionAction): Promise<void> {
  if (sessionId) await authorizeSession(w, sessionId, action);
  else requireEvent(w, "event.manage");
}

/**
 * A change of parent named by the request body is authorised at both ends (issue #11): leaving `from` needs
 * `action` there and entering `to` needs it there, the top level needing the event's managers. The source's
 * right alone would let a session's manager move things out to the top level or into anyone's session.
 */
export async function authorizeMove(
  w: EventWork,
  from: string | null,
  to: string | null,
  action: SessionAction,
): Promise<void> {
  await authorizeParent(w, from, action);
  if (to !== from) await authorizeParent(w, to, action);
}

/** A session of this event (404 for another event's or a missing one), authorized for `action`. */
export async function requireSession(w: EventWork, sessionId: string, action: SessionAction): Promise<SessionWithType> {
  const session = await findConferenceSession(w.tx, sessionId);
  if (!session || session.event_id !== w.event.id) throw notFound("The session");
  await authorizeSession(w, sessionId, action);
  return session;
}

/**
 * Records a change in the event's audit log: every conference change is logged against its event (like Indico's
 * event log), naming the object it touched in `changes`.
 */
export async function auditEvent(
  w: EventWork,
  action: AuditAction,
  changes: Changes | Record<string, unknown>,
): Promise<void> {
  await recordAudit(w.tx, {
    actorId: w.actor.id,
    action,
    objectType: "event",
    objectId: w.event.id,
    changes,
    at: w.now,
  });
}

/** For read routes: the event and its facts, or 404 when the actor cannot see it. */
export async function loadVisibleEvent(
  db: Db,
  actor: Actor | null,
  eventId: string,
): Promise<{ event: EventRow; facts: EventFacts }> {
  const event = await findEvent(db, eventId);
  if (!event) throw notFound("The event");
  const facts = await loadEventFacts(db, event, actor);
  if (!can(actor, "event.view", facts)) throw notFound("The event");
  return { event, facts };
}

/** For read routes: a session of a visible event with its facts, or 404. */
export async function loadVisibleSession(
  db: Db,
  actor: Actor | null,
  eventId: string,
  sessionId: string,
): Promise<{ event: EventRow; facts: EventFacts; session: SessionWithType; sessionFacts: ConferenceSessionFacts }> {
  const { event, facts } = await loadVisibleEvent(db, actor, eventId);
  const session = await findConferenceSession(db, sessionId);
  if (!session || session.event_id !== eventId) throw notFound("The session");
  const sessionFacts = await loadSessionFacts(db, event, facts, session, actor);
  if (!can(actor, "conference.session.view", sessionFacts)) throw notFound("The session");
  return { event, facts, session, sessionFacts };
}

/**
 * Whether the actor may see a contribution: through its session's visibility, or, without a session, when they
 * see the timetable's top level (indico.md §4: a contribution inherits from its session, else from the event).
 */
export async function mayViewContribution(
  db: Db,
  event: EventRow,
  facts: EventFacts,
  actor: Actor | null,
  contribution: { session_id: string | null },
): Promise<boolean> {
  if (!contribution.session_id) return can(actor, "event.viewTimetable", facts);
  return can(
    actor,
    "conference.session.view",
    await loadSessionFacts(db, event, facts, contribution.session_id, actor),
  );
}

/** In a unit of work: 404 unless the actor may see this contribution. */
export async function requireVisibleContribution(w: EventWork, contribution: { session_id: string | null }) {
  const visible = contribution.session_id
    ? can(w.actor, "conference.session.view", await sessionFactsOf(w, contribution.session_id))
    : can(w.actor, "event.viewTimetable", w.facts);
  if (!visible) throw notFound("The contribution");
}

/** In a unit of work: 404 unless the actor may see a top-level entry (a break or a contribution at top level). */
export function requireVisibleTopLevel(w: EventWork, what: string): void {
  if (!can(w.actor, "event.viewTimetable", w.facts)) throw notFound(what);
}
