import type { Db } from "../../platform/db";

export function findCalendarLink(db: Db, sessionId: string) {
  return db.selectFrom("calendar_links").selectAll().where("session_id", "=", sessionId).executeTakeFirst();
}

export async function deleteCalendarLink(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("calendar_links").where("session_id", "=", sessionId).execute();
}

/** The session's Google event matches the session as of `now`. */
export async function recordSynced(db: Db, sessionId: string, googleEventId: string, now: string): Promise<void> {
  await db
    .insertInto("calendar_links")
    .values({
      session_id: sessionId,
      google_event_id: googleEventId,
      synced_at: now,
      last_error: null,
      last_error_at: null,
    })
    .onConflict((oc) => oc.column("session_id").doUpdateSet({ synced_at: now, last_error: null, last_error_at: null }))
    .execute();
}

/** The last sync failed with `message`; what was synced before stays recorded. */
export async function recordSyncError(
  db: Db,
  link: { sessionId: string; googleEventId: string; syncedAt: string | null },
  message: string,
  now: string,
): Promise<void> {
  await db
    .insertInto("calendar_links")
    .values({
      session_id: link.sessionId,
      google_event_id: link.googleEventId,
      synced_at: link.syncedAt,
      last_error: message,
      last_error_at: now,
    })
    .onConflict((oc) => oc.column("session_id").doUpdateSet({ last_error: message, last_error_at: now }))
    .execute();
}

export function latestSync(db: Db) {
  return db
    .selectFrom("calendar_links")
    .select("synced_at")
    .where("synced_at", "is not", null)
    .orderBy("synced_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function latestSyncError(db: Db) {
  return db
    .selectFrom("calendar_links")
    .select(["last_error", "last_error_at"])
    .where("last_error", "is not", null)
    .orderBy("last_error_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Published community sessions that have not ended: what the calendar must show. */
export async function sessionsToShow(db: Db, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom("community_sessions")
    .select("id")
    .where("status", "!=", "draft")
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", now)]))
    .execute();
  return rows.map((r) => r.id);
}
