import type { Insertable } from "kysely";
import type { SignInSessionsTable } from "../db/schema";
import type { Db } from "../platform/db";

export async function insertSignInSession(db: Db, row: Insertable<SignInSessionsTable>): Promise<void> {
  await db.insertInto("sign_in_sessions").values(row).execute();
}

/** A session with its user's facts, by the hash of its token. */
export function findSignInSession(db: Db, id: string) {
  return db
    .selectFrom("sign_in_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.last_seen_at",
      "s.expires_at",
      "u.id",
      "u.email",
      "u.name",
      "u.is_admin",
      "u.is_staff",
      "u.is_premium",
      "u.deactivated_at",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
}

export async function extendSignInSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable("sign_in_sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSignInSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sign_in_sessions").where("id", "=", id).execute();
}

/** Every session of a user, except the one whose id is `keepId`. */
export async function deleteSignInSessionsOf(db: Db, userId: string, keepId?: string): Promise<void> {
  let q = db.deleteFrom("sign_in_sessions").where("user_id", "=", userId);
  if (keepId) q = q.where("id", "!=", keepId);
  await q.execute();
}
