import { type Actor, actorFromUser } from "../permissions/actor";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import { newToken, sha256 } from "../platform/ids";
import {
  deleteSignInSession,
  deleteSignInSessionsOf,
  extendSignInSession,
  findSignInSession,
  insertSignInSession,
} from "./sign-in-sessions.queries";

export const SESSION_COOKIE = "convene_session";
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 3600 * 1000;

/** Starts a sign-in session; returns the cookie token (only its hash is stored). */
export async function startSignInSession(db: Db, userId: string, nowIso: string): Promise<string> {
  const token = newToken();
  await insertSignInSession(db, {
    id: sha256(token),
    user_id: userId,
    created_at: nowIso,
    expires_at: addMs(nowIso, SESSION_TTL_MS),
    last_seen_at: nowIso,
  });
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
  const row = await findSignInSession(db, id);
  if (!row || row.expires_at <= nowIso || row.deactivated_at !== null) return null;
  if (Date.parse(nowIso) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await extendSignInSession(db, id, nowIso, addMs(nowIso, SESSION_TTL_MS));
  }
  return actorFromUser(row);
}

export async function endSignInSession(db: Db, token: string): Promise<void> {
  await deleteSignInSession(db, sha256(token));
}

/** Signs a user out everywhere (password reset, deactivation), optionally keeping one session. */
export async function endAllSignInSessions(db: Db, userId: string, keepToken?: string): Promise<void> {
  await deleteSignInSessionsOf(db, userId, keepToken === undefined ? undefined : sha256(keepToken));
}
