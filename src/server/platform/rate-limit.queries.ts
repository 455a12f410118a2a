import { sql } from "kysely";
import type { Db } from "./db";

/**
 * Adds `delta` to the key's count in one atomic upsert; a window that has ended starts again at `first`
 * and ends at `windowEnd`. Returns the count and the end of the window it counts in.
 */
export function countInWindow(db: Db, key: string, first: number, delta: number, nowIso: string, windowEnd: string) {
  return db
    .insertInto("rate_limits")
    .values({ key, count: first, window_ends_at: windowEnd })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`CASE WHEN rate_limits.window_ends_at <= ${nowIso} THEN ${first} ELSE rate_limits.count + ${delta} END`,
        window_ends_at: sql`CASE WHEN rate_limits.window_ends_at <= ${nowIso} THEN ${windowEnd} ELSE rate_limits.window_ends_at END`,
      }),
    )
    .returning(["count", "window_ends_at"])
    .executeTakeFirstOrThrow();
}

export async function deleteRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}
