import type { SessionRow } from "../community-sessions/queries";
import type { Db } from "../platform/db";

export async function feedTokenOf(db: Db, userId: string): Promise<string | null> {
  const user = await db.selectFrom("users").select("feed_token").where("id", "=", userId).executeTakeFirstOrThrow();
  return user.feed_token;
}

export async function setFeedToken(db: Db, userId: string, token: string): Promise<void> {
  await db.updateTable("users").set({ feed_token: token }).where("id", "=", userId).execute();
}

/** The owner of a personal feed, with what deciding their access needs. */
export function findUserByFeedToken(db: Db, token: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "is_admin", "is_staff", "is_premium", "deactivated_at", "time_zone"])
    .where("feed_token", "=", token)
    .executeTakeFirst();
}

/** Published community sessions a member takes part in (cancelled sessions included, cancelled places not). */
export function sessionsJoinedBy(db: Db, userId: string): Promise<SessionRow[]> {
  return db
    .selectFrom("community_sessions as s")
    .innerJoin("community_participants as p", "p.session_id", "s.id")
    .selectAll("s")
    .where("p.user_id", "=", userId)
    .where("p.status", "!=", "cancelled")
    .where("s.status", "!=", "draft")
    .orderBy("s.starts_at")
    .execute();
}

/** Community sessions anyone may see on the community feed: Open, Full or Closed. */
export function listedSessions(db: Db): Promise<SessionRow[]> {
  return db
    .selectFrom("community_sessions")
    .selectAll()
    .where("status", "in", ["open", "full", "closed"])
    .orderBy("starts_at")
    .execute();
}
