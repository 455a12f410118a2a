import { sql } from "kysely";
import type { SessionPrincipalRole } from "../db/schema";
import { containsText, type Db } from "../platform/db";

/**
 * Queries of session protection: who holds which role on which session.
 */

export interface PrincipalRow {
  session_id: string;
  user_id: string;
  role: SessionPrincipalRole;
  name: string | null;
  email: string;
}

/** The entries of a session with their users, by role then email. */
export function listPrincipalsOfSession(db: Db, sessionId: string): Promise<PrincipalRow[]> {
  return db
    .selectFrom("session_principals as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.session_id", "p.user_id", "p.role", "u.name", "u.email"])
    .where("p.session_id", "=", sessionId)
    .orderBy("p.role")
    .orderBy("u.email")
    .execute();
}

/** The roles one user holds on one session. */
export async function rolesOnSession(db: Db, sessionId: string, userId: string): Promise<SessionPrincipalRole[]> {
  const rows = await db
    .selectFrom("session_principals")
    .select("role")
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.role);
}

/** Every entry one user holds on these sessions (their facts for the policy, in one query). */
export function rolesOnSessions(db: Db, userId: string, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("session_principals")
    .select(["session_id", "role"])
    .where("user_id", "=", userId)
    .where("session_id", "in", [...sessionIds])
    .execute();
}

/** Every entry one user holds on the sessions of one event (the timetable decides all its blocks from these). */
export function rolesInEvent(db: Db, eventId: string, userId: string) {
  return db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select(["p.session_id", "p.role"])
    .where("s.event_id", "=", eventId)
    .where("p.user_id", "=", userId)
    .execute();
}

/** Whether the user manages or coordinates at least one session of the event (indico.md §2.6). */
export async function holdsSessionRole(db: Db, eventId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select("p.user_id")
    .where("s.event_id", "=", eventId)
    .where("p.user_id", "=", userId)
    .where("p.role", "in", ["manage", "coordinate"])
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces every entry of a session. */
export async function replaceSessionPrincipals(
  db: Db,
  sessionId: string,
  entries: readonly { user_id: string; role: SessionPrincipalRole }[],
  at: string,
): Promise<void> {
  await db.deleteFrom("session_principals").where("session_id", "=", sessionId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto("session_principals")
    .values(entries.map((e) => ({ session_id: sessionId, user_id: e.user_id, role: e.role, created_at: at })))
    .execute();
}

export interface MySessionRow {
  session_id: string;
  event_id: string;
  title: string;
  code: string;
  role: SessionPrincipalRole;
  event_title: string;
  event_start_at: string;
  time_zone: string;
}

/**
 * Sessions where the user's own entry gives full management or coordination (indico.md §2.6: user entries only),
 * one row per entry, by lower-case title; one event or all.
 */
export function listMySessions(db: Db, userId: string, eventId?: string): Promise<MySessionRow[]> {
  let q = db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .innerJoin("events as e", "e.id", "s.event_id")
    .select([
      "s.id as session_id",
      "s.event_id",
      "s.title",
      "s.code",
      "p.role",
      "e.title as event_title",
      "e.start_at as event_start_at",
      "e.time_zone",
    ])
    .where("p.user_id", "=", userId)
    .where("p.role", "in", ["manage", "coordinate"]);
  if (eventId) q = q.where("s.event_id", "=", eventId);
  return q
    .orderBy((eb) => eb.fn("lower", ["s.title"]))
    .orderBy("e.start_at")
    .orderBy("s.id")
    .execute();
}

/** Active accounts with these emails (lower-case). */
export function findActiveUsersByEmails(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "in", [...emails])
    .where("deactivated_at", "is", null)
    .execute();
}

/**
 * Active accounts whose name contains `text` or whose email starts with it (case-insensitive), by name then email:
 * a start of an address finds one person, while a domain alone ("@example.org") lists nobody.
 */
export function searchActiveUsers(db: Db, text: string, limit: number) {
  const prefix = `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("users")
    .select(["name", "email"])
    .where("deactivated_at", "is", null)
    .where((eb) => eb.or([containsText("name", text), sql<boolean>`lower(email) like ${prefix} escape '\\'`]))
    .orderBy((eb) => eb.fn("lower", [eb.fn.coalesce("name", "email")]))
    .orderBy("email")
    .limit(limit)
    .execute();
}

/**
 * Scheduled contributions one of whose speakers has this user's verified email (the personal feed: "sessions I
 * speak in").
 */
export function listScheduledContributionsSpokenBy(db: Db, userId: string) {
  return (
    db
      .selectFrom("contributions as c")
      .innerJoin("contribution_speakers as p", "p.contribution_id", "c.id")
      .innerJoin("users as u", "u.email", "p.email")
      .select(["c.id", "c.event_id", "c.session_id", "c.block_id"])
      .distinct()
      .where("u.id", "=", userId)
      // As My sessions: a speaker's email counts once the account has proved it owns it.
      .where("u.email_verified_at", "is not", null)
      .where("c.start_at", "is not", null)
      .execute()
  );
}

/**
 * My sessions' Conferences part: the sessions where the user's own entry gives full management or coordination
 * (as `listMySessions`), one row per entry, in events that end after `eventsEndingAfter`.
 */
export function listSessionsManagedOrCoordinatedBy(db: Db, userId: string, eventsEndingAfter: string) {
  return db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .innerJoin("events as e", "e.id", "s.event_id")
    .select(["s.id", "s.event_id", "s.title", "s.code", "s.protection_mode", "p.role"])
    .where("p.user_id", "=", userId)
    .where("p.role", "in", ["manage", "coordinate"])
    .where("e.end_at", ">", eventsEndingAfter)
    .execute();
}
