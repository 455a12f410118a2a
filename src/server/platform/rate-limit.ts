import type { Db } from "./db";
import { AppError } from "./errors";
import { countInWindow, deleteRateLimit } from "./rate-limit.queries";

export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Counts one attempt against `key` in a fixed window kept in the database (shared by every instance) and
 * returns the count including it, in one atomic statement: concurrent attempts cannot all see "under the
 * limit". A negative `delta` gives an attempt back.
 */
export async function takeAttempt(
  db: Db,
  key: string,
  limit: Limit,
  now: Date,
  delta = 1,
): Promise<{ count: number; retryAfterSeconds: number }> {
  const nowIso = now.toISOString();
  const end = new Date(now.getTime() + limit.windowMs).toISOString();
  const row = await countInWindow(db, key, Math.max(0, delta), delta, nowIso, end);
  const count = Number(row.count);
  const retryAfterSeconds =
    count > limit.max ? Math.max(1, Math.ceil((Date.parse(row.window_ends_at) - now.getTime()) / 1000)) : 0;
  return { count, retryAfterSeconds };
}

export async function clearHits(db: Db, key: string): Promise<void> {
  await deleteRateLimit(db, key);
}

/** 429 with Retry-After, saying how long to wait. */
export function rateLimited(seconds: number, message: string): AppError {
  return new AppError(429, "rate_limited", `${message} Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, {
    "retry-after": String(seconds),
  });
}

/**
 * Counts one attempt against every key before the work is done (so simultaneous requests cannot all slip under
 * a limit) and refuses with 429 when any of them is over, waiting for the longest.
 */
export async function throttle(
  db: Db,
  now: Date,
  limits: [key: string, limit: Limit][],
  message: string,
): Promise<void> {
  let wait = 0;
  for (const [key, limit] of limits) wait = Math.max(wait, (await takeAttempt(db, key, limit, now)).retryAfterSeconds);
  if (wait > 0) throw rateLimited(wait, message);
}
