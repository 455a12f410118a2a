import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Role } from "../../shared/schemas/community-sessions";
import type { CalendarLinksTable, CommunityParticipantsTable, CommunitySessionsTable } from "../db/schema";
import { containsText, type Db, type Engine, lockedRows } from "../platform/db";
import { ROLES, type RoleCounts } from "./slots";

export type SessionRow = Selectable<CommunitySessionsTable>;
export type ParticipantRow = Selectable<CommunityParticipantsTable>;
export type ParticipantWithUser = ParticipantRow & { name: string | null; email: string; time_zone: string | null };

export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("community_sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Reads the session and locks its row until the transaction ends. Every change to a session's participants
 * goes through this lock, which is what keeps slots from overbooking on PostgreSQL; SQLite runs one write
 * transaction at a time already.
 */
export function lockSession(tx: Db, engine: Engine, id: string): Promise<SessionRow | undefined> {
  const q = tx.selectFrom("community_sessions").selectAll().where("id", "=", id);
  return lockedRows(engine, q).executeTakeFirst();
}

/** Several sessions by id, in no particular order (My sessions). */
export function listSessionsByIds(db: Db, ids: readonly string[]): Promise<SessionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("community_sessions").selectAll().where("id", "in", ids).execute();
}

export async function insertSession(db: Db, row: Insertable<CommunitySessionsTable>): Promise<void> {
  await db.insertInto("community_sessions").values(row).execute();
}

export async function updateSession(db: Db, id: string, patch: Updateable<CommunitySessionsTable>): Promise<void> {
  await db.updateTable("community_sessions").set(patch).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("community_sessions").where("id", "=", id).execute();
}

/** Every participant row of a session (cancelled included), with the person's name and email. */
export function listParticipants(db: Db, sessionId: string): Promise<ParticipantWithUser[]> {
  return db
    .selectFrom("community_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .selectAll("p")
    .select(["u.name", "u.email", "u.time_zone"])
    .where("p.session_id", "=", sessionId)
    .orderBy("p.created_at")
    .orderBy("p.id")
    .execute();
}

export async function insertParticipant(db: Db, row: Insertable<CommunityParticipantsTable>): Promise<void> {
  await db.insertInto("community_participants").values(row).execute();
}

export async function updateParticipant(
  db: Db,
  id: string,
  patch: Updateable<CommunityParticipantsTable>,
): Promise<void> {
  await db.updateTable("community_participants").set(patch).where("id", "=", id).execute();
}

/** Active participants per role for many sessions in one query (lists never query per session). */
export async function countActiveBySession(db: Db, sessionIds: string[]): Promise<Map<string, RoleCounts>> {
  const result = new Map<string, RoleCounts>();
  for (const id of sessionIds) result.set(id, { host: 0, presenter: 0, interviewer: 0, guest: 0 });
  if (sessionIds.length === 0) return result;
  const rows = await db
    .selectFrom("community_participants")
    .select(["session_id", "role", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "in", sessionIds)
    .where("status", "!=", "cancelled")
    .groupBy(["session_id", "role"])
    .execute();
  for (const r of rows) {
    const counts = result.get(r.session_id);
    if (counts && ROLES.includes(r.role as Role)) counts[r.role as Role] = Number(r.n);
  }
  return result;
}

export interface SessionListFilter {
  /** Only sessions members may see (not Draft). */
  visibleOnly: boolean;
  /** upcoming: not yet ended (or no date); past: ended. */
  when: "upcoming" | "past" | "all";
  now: string;
  status?: SessionRow["status"];
  titleSearch?: string;
  createdBy?: string;
  limit: number;
  offset: number;
}

export async function listSessions(db: Db, f: SessionListFilter): Promise<{ rows: SessionRow[]; total: number }> {
  let q = db.selectFrom("community_sessions");
  if (f.visibleOnly) q = q.where("status", "!=", "draft");
  if (f.status) q = q.where("status", "=", f.status);
  if (f.createdBy) q = q.where("created_by", "=", f.createdBy);
  if (f.titleSearch) {
    q = q.where(containsText("title", f.titleSearch));
  }
  if (f.when === "upcoming") {
    q = q.where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", f.now)]));
  } else if (f.when === "past") {
    q = q.where("ends_at", "<=", f.now);
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      // Sessions without a date last, on both engines (they disagree on where NULL sorts).
      .orderBy(sql`case when starts_at is null then 1 else 0 end`)
      .orderBy("starts_at", f.when === "past" ? "desc" : "asc")
      .orderBy("id")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** No session lasts longer than this (Duration is at most 720 minutes). */
const LONGEST_SESSION_MS = 720 * 60_000;

/**
 * The member lists (home page and past sessions): published sessions with a date, upcoming (not yet ended)
 * by start, or past (ended) latest first. Bounded by start time so the start index reads only one page.
 */
export function listPublishedSessions(
  db: Db,
  f: { when: "upcoming" | "past"; now: string; limit: number; offset: number },
): Promise<SessionRow[]> {
  let q = db.selectFrom("community_sessions").selectAll().where("status", "!=", "draft");
  if (f.when === "upcoming") {
    const earliestRunning = new Date(Date.parse(f.now) - LONGEST_SESSION_MS).toISOString();
    q = q
      .where("starts_at", ">", earliestRunning)
      .where("ends_at", ">", f.now)
      .orderBy("starts_at", "asc")
      .orderBy("id", "asc");
  } else {
    q = q
      .where("starts_at", "<=", f.now)
      .where("ends_at", "<=", f.now)
      .orderBy("starts_at", "desc")
      .orderBy("id", "desc");
  }
  return q.limit(f.limit).offset(f.offset).execute();
}

/** A member's registrations (active and cancelled), newest session first. */
export function listRegistrationsOf(db: Db, userId: string) {
  return db
    .selectFrom("community_participants as p")
    .innerJoin("community_sessions as s", "s.id", "p.session_id")
    .select(["p.session_id", "p.role", "p.status"])
    .where("p.user_id", "=", userId)
    .where("s.status", "!=", "draft")
    .orderBy("s.starts_at", "desc")
    .execute();
}

/**
 * The payload of a queued notice nobody has tried to send yet (pending, no attempt), by its coalescing key: a
 * newer Session Updated replaces it and keeps what it said the old values were.
 */
export async function findUnsentNotice(db: Db, coalesceKey: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("outbox")
    .select("payload")
    .where("coalesce_key", "=", coalesceKey)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .executeTakeFirst();
  return row?.payload;
}

/** Withdraws a queued notice nobody has tried to send yet; one already tried is left to finish. */
export async function deleteUnsentNotice(db: Db, coalesceKey: string): Promise<void> {
  await db
    .deleteFrom("outbox")
    .where("coalesce_key", "=", coalesceKey)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .execute();
}

export type CalendarLinkRow = Selectable<CalendarLinksTable>;

/** The Google Calendar events of these sessions (Admin > Sessions shows each one's sync state). */
export function listCalendarLinks(db: Db, sessionIds: readonly string[]): Promise<CalendarLinkRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("calendar_links").selectAll().where("session_id", "in", sessionIds).execute();
}

/** Which of these coalescing keys have a calendar sync of `kind` waiting in the outbox. */
export async function pendingCalendarSyncKeys(db: Db, kind: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom("outbox")
    .select("coalesce_key")
    .where("kind", "=", kind)
    .where("status", "=", "pending")
    .where("coalesce_key", "in", keys)
    .execute();
  return new Set(rows.flatMap((r) => (r.coalesce_key === null ? [] : [r.coalesce_key])));
}

/** The next sessions members can register for (a follow-up's "coming up next"), soonest first. */
export function listNextOpenSessions(db: Db, now: string, limit: number): Promise<SessionRow[]> {
  return db
    .selectFrom("community_sessions")
    .selectAll()
    .where("status", "=", "open")
    .where("starts_at", ">", now)
    .orderBy("starts_at", "asc")
    .orderBy("id", "asc")
    .limit(limit)
    .execute();
}

/** A member's attendance: the sessions where they were marked attended or no-show, newest first. */
export function listAttendanceOf(db: Db, userId: string) {
  return db
    .selectFrom("community_participants as p")
    .innerJoin("community_sessions as s", "s.id", "p.session_id")
    .select(["p.session_id", "p.status", "s.title", "s.starts_at"])
    .where("p.user_id", "=", userId)
    .where("p.status", "in", ["attended", "no_show"])
    .orderBy("s.starts_at", "desc")
    .execute();
}
