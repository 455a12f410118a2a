import { type Actor, actorFromUser } from "../permissions/actor";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import { newToken, sha256 } from "../platform/ids";

export const SESSION_COOKIE = "convene_session";
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 3600 * 1000;

/** Starts a sign-in session; returns the cookie token (only its hash is stored). */
export async function startSignInSession(db: Db, userId: string, nowIso: string): Promise<string> {
  const token = newToken();
  await db
    .insertInto("sign_in_sessions")
    .values({
      id: sha256(token),
      user_id: userId,
      created_at: nowIso,
      expires_at: addMs(nowIso, SESSION_TTL_MS),
      last_seen_at: nowIso,
    })
    .execute();
  return token;
}

/**
 * Signs a browser in: the token it already carried, whoever it belonged to (planted, or the previous user's),
 * ends, and a new one starts (no session fixation).
 */
export async function replaceSignInSession(
  db: Db,
  previousToken: string | undefined,
  userId: string,
  nowIso: string,
): Promise<string> {
  if (previousToken) await endSignInSession(db, previousToken);
  return startSignInSession(db, userId, nowIso);
}

/** The active user behind a cookie token, or null. Sliding expiry, refreshed at most hourly. */
export async function resolveSignInSession(db: Db, token: string, nowIso: string): Promise<Actor | null> {
  const id = sha256(token);
  const row = await db
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
  if (!row || row.expires_at <= nowIso || row.deactivated_at !== null) return null;
  if (Date.parse(nowIso) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable("sign_in_sessions")
      .set({ last_seen_at: nowIso, expires_at: addMs(nowIso, SESSION_TTL_MS) })
      .where("id", "=", id)
      .execute();
  }
  return actorFromUser(row);
}

export async function endSignInSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("sign_in_sessions").where("id", "=", sha256(token)).execute();
}

/** Signs a user out everywhere (password reset, deactivation), optionally keeping one session. */
export async function endAllSignInSessions(db: Db, userId: string, keepToken?: string): Promise<void> {
  let q = db.deleteFrom("sign_in_sessions").where("user_id", "=", userId);
  if (keepToken) q = q.where("id", "!=", sha256(keepToken));
  await q.execute();
}
