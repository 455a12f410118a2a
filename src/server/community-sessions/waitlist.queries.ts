import type { Insertable, Selectable, Updateable } from "kysely";
import type { CommunityWaitlistTable } from "../db/schema";
import type { Db } from "../platform/db";
import type { RoleCounts } from "./slots";

export type WaitlistRow = Selectable<CommunityWaitlistTable>;
export type WaitlistWithUser = WaitlistRow & { name: string | null; email: string; time_zone: string | null };

/** A session's live waitlist entries (waiting or offered), with each person's name, email and zone. */
export function listLiveWaitlist(db: Db, sessionId: string): Promise<WaitlistWithUser[]> {
  return db
    .selectFrom("community_waitlist as w")
    .innerJoin("users as u", "u.id", "w.user_id")
    .selectAll("w")
    .select(["u.name", "u.email", "u.time_zone"])
    .where("w.session_id", "=", sessionId)
    .where("w.status", "in", ["waiting", "offered"])
    .orderBy("w.position")
    .orderBy("w.created_at")
    .execute();
}

/** The live entries of several sessions in one query (My sessions: positions in each line). */
export function listLiveWaitlistIn(db: Db, sessionIds: readonly string[]): Promise<WaitlistRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("community_waitlist")
    .selectAll()
    .where("session_id", "in", sessionIds)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}

export function findWaitlistByToken(db: Db, tokenHash: string): Promise<WaitlistRow | undefined> {
  return db.selectFrom("community_waitlist").selectAll().where("offer_token_hash", "=", tokenHash).executeTakeFirst();
}

export function findWaitlistEntry(db: Db, id: string): Promise<WaitlistRow | undefined> {
  return db.selectFrom("community_waitlist").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A member's latest entry in a session's waitlists, resolved or not. */
export function findLastEntryOf(db: Db, sessionId: string, userId: string): Promise<WaitlistRow | undefined> {
  return db
    .selectFrom("community_waitlist")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .orderBy("updated_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertWaitlistEntry(db: Db, row: Insertable<CommunityWaitlistTable>): Promise<void> {
  await db.insertInto("community_waitlist").values(row).execute();
}

export async function updateWaitlistEntry(db: Db, id: string, patch: Updateable<CommunityWaitlistTable>) {
  await db.updateTable("community_waitlist").set(patch).where("id", "=", id).execute();
}

/** Held offers and waiting members per role for many sessions in one query (cards never query per session). */
export async function countLiveBySession(
  db: Db,
  sessionIds: string[],
): Promise<Map<string, { held: RoleCounts; waiting: RoleCounts }>> {
  const result = new Map<string, { held: RoleCounts; waiting: RoleCounts }>();
  if (sessionIds.length === 0) return result;
  const rows = await db
    .selectFrom("community_waitlist")
    .select(["session_id", "role", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "in", sessionIds)
    .where("status", "in", ["waiting", "offered"])
    .groupBy(["session_id", "role", "status"])
    .execute();
  for (const r of rows) {
    const zero = () => ({ host: 0, presenter: 0, interviewer: 0, guest: 0 });
    const counts = result.get(r.session_id) ?? { held: zero(), waiting: zero() };
    counts[r.status === "offered" ? "held" : "waiting"][r.role] = Number(r.n);
    result.set(r.session_id, counts);
  }
  return result;
}

/** A member's live waitlist entries in sessions members see (My sessions). */
export function listLiveWaitlistOf(db: Db, userId: string): Promise<WaitlistRow[]> {
  return db
    .selectFrom("community_waitlist as w")
    .innerJoin("community_sessions as s", "s.id", "w.session_id")
    .selectAll("w")
    .where("w.user_id", "=", userId)
    .where("w.status", "in", ["waiting", "offered"])
    .where("s.status", "!=", "draft")
    .execute();
}

/** The start of every session in which this member was marked No-show (the no-show rule counts recent ones). */
export async function listNoShowStarts(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("community_participants as p")
    .innerJoin("community_sessions as s", "s.id", "p.session_id")
    .select("s.starts_at")
    .where("p.user_id", "=", userId)
    .where("p.status", "=", "no_show")
    .execute();
  return rows.flatMap((r) => (r.starts_at ? [r.starts_at] : []));
}
