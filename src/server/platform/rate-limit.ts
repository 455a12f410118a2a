import { sql } from "kysely";
import type { Db } from "./db";

export interface Limit {
  max: number;
  windowMs: number;
}

/** Counts one event against `key` in a fixed window kept in the database (shared by every instance). */
export async function countHit(db: Db, key: string, limit: Limit, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const end = new Date(now.getTime() + limit.windowMs).toISOString();
  await db
    .insertInto("rate_limits")
    .values({ key, count: 1, window_ends_at: end })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`CASE WHEN rate_limits.window_ends_at <= ${nowIso} THEN 1 ELSE rate_limits.count + 1 END`,
        window_ends_at: sql`CASE WHEN rate_limits.window_ends_at <= ${nowIso} THEN ${end} ELSE rate_limits.window_ends_at END`,
      }),
    )
    .execute();
}

/** Seconds until `key` may try again, or 0 when it is under its limit. */
export async function retryAfter(db: Db, key: string, limit: Limit, now: Date): Promise<number> {
  const row = await db.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst();
  if (!row || row.window_ends_at <= now.toISOString() || row.count < limit.max) return 0;
  return Math.max(1, Math.ceil((Date.parse(row.window_ends_at) - now.getTime()) / 1000));
}

export async function clearHits(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}
