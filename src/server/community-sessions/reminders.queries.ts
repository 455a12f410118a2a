import type { Db } from "../platform/db";
import type { SessionRow } from "./queries";

/** Who had this reminder of this session at this start already (a fan-out that ran before a crash). */
export async function listRemindedUsers(
  tx: Db,
  sessionId: string,
  startsAt: string,
  minutesBefore: number,
): Promise<Set<string>> {
  const rows = await tx
    .selectFrom("community_reminders_sent")
    .select("user_id")
    .where("session_id", "=", sessionId)
    .where("starts_at", "=", startsAt)
    .where("minutes_before", "=", minutesBefore)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Writes down the reminders queued, in the transaction that queues their emails. */
export async function insertReminded(
  tx: Db,
  rows: { session_id: string; starts_at: string; minutes_before: number; user_id: string; sent_at: string }[],
): Promise<void> {
  // Chunks keep SQLite under its bound-parameter limit for a session with thousands of participants.
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto("community_reminders_sent")
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The sessions whose reminders a change of the site's reminder times moves: those that will take place, ahead. */
export function listSessionsToRemind(tx: Db, now: string): Promise<SessionRow[]> {
  return tx
    .selectFrom("community_sessions")
    .selectAll()
    .where("status", "in", ["open", "full", "closed"])
    .where("starts_at", ">", now)
    .execute();
}
