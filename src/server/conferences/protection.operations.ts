import type {
  EventProtection,
  EventProtectionInput,
  MySession,
  PeopleFound,
  PrincipalUser,
  SessionProtection,
  SessionProtectionInput,
} from "../../shared/schemas/conference-sessions";
import {
  auditEvent,
  type EventWork,
  loadVisibleEvent,
  loadVisibleSession,
  requireEvent,
  requireSession,
  withEvent,
} from "../conference-core/access";
import {
  deleteEventManager,
  insertEventManager,
  listEventManagers,
  updateEvent,
} from "../conference-core/events.queries";
import {
  findActiveUsersByEmails,
  listMySessions,
  listPrincipalsOfSession,
  type MySessionRow,
  type PrincipalRow,
  replaceSessionPrincipals,
  searchActiveUsers,
} from "../conference-core/protection.queries";
import { updateConferenceSession } from "../conference-core/sessions.queries";
import type { SessionPrincipalRole } from "../db/schema";
import type { Actor } from "../permissions/actor";
import { authorize, requireActor } from "../permissions/authorize";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { conflict } from "../platform/errors";
import { type Limit, throttle } from "../platform/rate-limit";
import { sessionPath, sessionTimetablePath } from "./links";
import { type SessionRole, tellEventManagers, tellSessionRoles } from "./protection-emails";

/**
 * Protection (conferences.md, Protection; indico.md §1.3, §2.5, §2.6): the shield of a session (its managers,
 * coordinators, visibility and access list) and the event's Protection page (managers, Session coordinator rights).
 * People are named by the email of an existing account, like event managers.
 */

const LISTS = { managers: "manage", coordinators: "coordinate", accessList: "access" } as const;
type ListName = keyof typeof LISTS;

const toUser = (r: { user_id: string; name: string | null; email: string }): PrincipalUser => ({
  userId: r.user_id,
  name: r.name,
  email: r.email,
});

export function toSessionProtection(sessionId: string, visibility: string, rows: readonly PrincipalRow[]) {
  const of = (role: SessionPrincipalRole) => rows.filter((r) => r.role === role).map(toUser);
  return {
    sessionId,
    visibility: visibility as SessionProtection["visibility"],
    managers: of("manage"),
    coordinators: of("coordinate"),
    accessList: of("access"),
  } satisfies SessionProtection;
}

/**
 * The accounts behind lists of emails, or 409 `unknown_user` naming every email without an active account (and
 * the list it is in), so the whole form can be corrected at once.
 */
async function usersByEmail(db: Db, lists: Partial<Record<string, readonly string[]>>): Promise<Map<string, string>> {
  const emails = [...new Set(Object.values(lists).flatMap((l) => l ?? []))];
  const users = await findActiveUsersByEmails(db, emails);
  const ids = new Map(users.map((u) => [u.email, u.id]));
  const fields: Record<string, string> = {};
  const unknown = emails.filter((e) => !ids.has(e));
  for (const [name, list] of Object.entries(lists)) {
    const missing = (list ?? []).filter((e) => !ids.has(e));
    if (missing.length > 0) fields[name] = `no active account uses ${missing.join(", ")}`;
  }
  if (unknown.length > 0) {
    throw conflict("unknown_user", `No active account uses ${unknown.join(", ")}; ask them to sign up first.`, fields);
  }
  return ids;
}

/** The shield, as its full managers see it. */
export async function readSessionProtection(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
): Promise<SessionProtection> {
  return withEvent(deps, actor, eventId, async (w) => {
    const session = await requireSession(w, sessionId, "conference.session.manage");
    return toSessionProtection(sessionId, session.protection_mode, await listPrincipalsOfSession(w.tx, sessionId));
  });
}

/**
 * The shield (full session managers, indico.md §2.5): replaces the session's managers, coordinators and access list
 * and sets its visibility. Every change is audited with who was added and removed in which role.
 */
export async function updateSessionProtection(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
  input: SessionProtectionInput,
): Promise<SessionProtection> {
  return withEvent(deps, actor, eventId, async (w) => {
    const session = await requireSession(w, sessionId, "conference.session.manage");
    const before = await listPrincipalsOfSession(w.tx, sessionId);
    const ids = await usersByEmail(w.tx, {
      managers: input.managers,
      coordinators: input.coordinators,
      accessList: input.accessList,
    });
    const entries = new Map<string, { user_id: string; role: SessionPrincipalRole; email: string }>();
    for (const list of Object.keys(LISTS) as ListName[]) {
      for (const email of input[list]) {
        const userId = ids.get(email) as string;
        entries.set(`${userId}|${LISTS[list]}`, { user_id: userId, role: LISTS[list], email });
      }
    }
    const key = (r: { user_id: string; role: string }) => `${r.user_id}|${r.role}`;
    const old = new Set(before.map(key));
    const added = [...entries.values()].filter((e) => !old.has(key(e)));
    const removed = before.filter((r) => !entries.has(key(r)));
    const changes: Record<string, unknown> = { sessionId };
    if (session.protection_mode !== input.visibility) {
      changes.visibility = { from: session.protection_mode, to: input.visibility };
      await updateConferenceSession(w.tx, sessionId, { protection_mode: input.visibility, updated_at: w.now });
    }
    if (added.length > 0 || removed.length > 0) {
      await replaceSessionPrincipals(w.tx, sessionId, [...entries.values()], w.now);
      const byRole = (list: readonly { role: string; email: string }[]) => {
        const out: Record<string, string[]> = {};
        for (const e of list) out[e.role] = [...(out[e.role] ?? []), e.email];
        return out;
      };
      if (added.length > 0) changes.added = byRole(added);
      if (removed.length > 0) changes.removed = byRole(removed);
      // Whoever is newly given management or coordination is told (manager wins when given both at once).
      const given = new Map<string, { userId: string; email: string; role: SessionRole }>();
      for (const a of added) {
        if (a.role === "access" || given.get(a.user_id)?.role === "manager") continue;
        given.set(a.user_id, {
          userId: a.user_id,
          email: a.email,
          role: a.role === "manage" ? "manager" : "coordinator",
        });
      }
      // A manager who is also made a coordinator keeps managing: nothing new to tell.
      const told = [...given.values()].filter((g) => g.role === "manager" || !entries.has(`${g.userId}|manage`));
      await tellSessionRoles(w.tx, w.deps, actor, w.event, session, told);
    }
    if (Object.keys(changes).length > 1) await auditEvent(w, "conference_session.protection_updated", changes);
    return toSessionProtection(sessionId, input.visibility, await listPrincipalsOfSession(w.tx, sessionId));
  });
}

async function eventProtectionOf(w: EventWork): Promise<EventProtection> {
  const managers = await listEventManagers(w.tx, w.event.id);
  return {
    eventId: w.event.id,
    managers: managers.map((m) => ({ userId: m.user_id, name: m.name, email: m.email })),
    coordinatorRights: {
      contributions: w.event.coordinators_manage_contributions === 1,
      blocks: w.event.coordinators_manage_blocks === 1,
    },
  };
}

/** The event's Protection page (its managers). */
export async function readEventProtection(deps: Deps, actor: Actor, eventId: string): Promise<EventProtection> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    return eventProtectionOf(w);
  });
}

/**
 * The event's Protection page (its managers): replace the managers and switch the Session coordinator rights
 * ("Coordinator privileges updated" in Indico's log, indico.md §2.5).
 */
export async function updateEventProtection(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: EventProtectionInput,
): Promise<EventProtection> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    if (input.managers) {
      const ids = await usersByEmail(w.tx, { managers: input.managers });
      const current = await listEventManagers(w.tx, eventId);
      const wanted = new Map(input.managers.map((e) => [ids.get(e) as string, e]));
      const added: { userId: string; email: string }[] = [];
      for (const [userId, email] of wanted) {
        if (current.some((m) => m.user_id === userId)) continue;
        await insertEventManager(w.tx, eventId, userId, w.now);
        await auditEvent(w, "event.manager_added", { userId, email });
        added.push({ userId, email });
      }
      await tellEventManagers(w.tx, w.deps, actor, w.event, added);
      for (const m of current) {
        if (wanted.has(m.user_id)) continue;
        await deleteEventManager(w.tx, eventId, m.user_id);
        await auditEvent(w, "event.manager_removed", { userId: m.user_id, email: m.email });
      }
    }
    const rights = input.coordinatorRights ?? {};
    const next = {
      coordinators_manage_contributions:
        rights.contributions === undefined ? w.event.coordinators_manage_contributions : rights.contributions ? 1 : 0,
      coordinators_manage_blocks:
        rights.blocks === undefined ? w.event.coordinators_manage_blocks : rights.blocks ? 1 : 0,
    } as const;
    const changes: Record<string, unknown> = {};
    if (next.coordinators_manage_contributions !== w.event.coordinators_manage_contributions) {
      changes.contributions = {
        from: w.event.coordinators_manage_contributions === 1,
        to: next.coordinators_manage_contributions === 1,
      };
    }
    if (next.coordinators_manage_blocks !== w.event.coordinators_manage_blocks) {
      changes.blocks = { from: w.event.coordinators_manage_blocks === 1, to: next.coordinators_manage_blocks === 1 };
    }
    if (Object.keys(changes).length > 0) {
      await updateEvent(w.tx, eventId, { ...next, updated_at: w.now });
      await auditEvent(w, "event.coordinator_rights_updated", changes);
      w.event = { ...w.event, ...next, updated_at: w.now };
    }
    return eventProtectionOf(w);
  });
}

/**
 * My sessions (indico.md §2.6): the sessions where the user's own entry gives full management or coordination,
 * by title ignoring case, each with its role (manager wins) and the paths of its page and timetable.
 */
export async function listSessionsOf(db: Db, actor: Actor, eventId?: string): Promise<MySession[]> {
  const rows = await listMySessions(db, actor.id, eventId);
  const bySession = new Map<string, MySessionRow & { isManager: boolean }>();
  for (const r of rows) {
    const seen = bySession.get(r.session_id);
    bySession.set(r.session_id, { ...r, isManager: (seen?.isManager ?? false) || r.role === "manage" });
  }
  return [...bySession.values()].map((r) => ({
    id: r.session_id,
    eventId: r.event_id,
    eventTitle: r.event_title,
    title: r.title,
    code: r.code,
    role: r.isManager ? ("manager" as const) : ("coordinator" as const),
    sessionPath: sessionPath(r.event_id, r.session_id),
    timetablePath: sessionTimetablePath(r.event_id, r.session_id),
  }));
}

/** At most this many people per search, and this many searches per account (a directory is not for browsing). */
const PEOPLE_PER_SEARCH = 10;
const PEOPLE_SEARCHES: Limit = { max: 120, windowMs: 10 * 60_000 };

/**
 * Finds active accounts by part of a name or the start of an email, for the person who may change a protection
 * list: the event's managers (`sessionId` null: its managers) or the session's full managers (its shield). Only
 * names and emails come back, at most 10, and each account may search 120 times in 10 minutes. What the caller
 * may not see is 404 before anyone is asked to sign in, like every conference read.
 */
export async function findPeople(
  deps: Deps,
  actor: Actor | null,
  eventId: string,
  sessionId: string | null,
  text: string,
): Promise<PeopleFound> {
  if (sessionId) {
    const { sessionFacts } = await loadVisibleSession(deps.db, actor, eventId, sessionId);
    requireActor(actor);
    authorize(actor, "conference.session.findPeople", sessionFacts);
  } else {
    const { facts } = await loadVisibleEvent(deps.db, actor, eventId);
    requireActor(actor);
    authorize(actor, "event.findPeople", facts);
  }
  await throttle(deps.db, deps.clock.now(), [[`people-search:${actor.id}`, PEOPLE_SEARCHES]], "Too many searches.");
  return { people: await searchActiveUsers(deps.db, text, PEOPLE_PER_SEARCH) };
}
