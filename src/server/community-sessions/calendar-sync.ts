import { enqueue } from "../outbox/enqueue";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { newId } from "../platform/ids";
import { readGoogle } from "../site/google";

/**
 * Asking Google Calendar to follow a session (community.md, Google Calendar sync): the request is an outbox
 * row written with the change; calendars/google/sync.ts is its handler.
 */
export const GOOGLE_SYNC_KIND = "google-calendar.sync";

declare module "../outbox/kinds" {
  interface OutboxPayloads {
    /** Bring the session's Google Calendar event up to date (one pending per session: see the coalesce key). */
    "google-calendar.sync": { sessionId: string };
  }
}

export const calendarSyncKey = (sessionId: string) => `google-calendar:${sessionId}`;

/**
 * Asks for the session's Google event to be brought up to date, in the transaction of the change. One
 * pending request per session: quick successive changes coalesce into one call. Nothing is queued while
 * Google Calendar is not configured.
 */
export async function enqueueCalendarSync(
  tx: Db,
  deps: Pick<Deps, "clock" | "config">,
  sessionId: string,
): Promise<void> {
  if (!(await readGoogle(tx))) return;
  const now = deps.clock.now().toISOString();
  await enqueue(tx, GOOGLE_SYNC_KIND, { sessionId }, now, newId(), {
    coalesceKey: calendarSyncKey(sessionId),
    notBefore: addMs(now, deps.config.calendarSyncDelayMs),
  });
}
