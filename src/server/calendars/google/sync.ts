import { listParticipants } from "../../community-sessions/queries";
import { isActiveParticipant } from "../../community-sessions/slots";
import { enqueue } from "../../outbox/enqueue";
import { addMs } from "../../platform/clock";
import type { Db } from "../../platform/db";
import type { Deps } from "../../platform/deps";
import { newId } from "../../platform/ids";
import { createCalendarClient, httpStatusOf, keyProblemSentence, parseServiceAccount } from "./client";
import { googleEventBody, googleEventId } from "./event";
import { readGoogle } from "./settings";

export const GOOGLE_SYNC_KIND = "google-calendar.sync";

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

/**
 * Outbox handler: makes the Google event match the session as it is now (created, updated, marked
 * cancelled, restored, or deleted), so a retried or repeated call converges on the same single event.
 */
export async function syncSessionToGoogle(deps: Deps, sessionId: string): Promise<void> {
  const settings = await readGoogle(deps.db);
  if (!settings) return;
  const parsed = parseServiceAccount(settings.serviceAccountJson);
  if (!parsed.ok) throw new Error(keyProblemSentence(parsed.message));
  const client = createCalendarClient(parsed.account, {
    apiRoot: deps.config.googleApiRoot,
    tokenUrl: deps.config.googleTokenUrl,
  });
  const calendarId = settings.calendarId;
  const now = deps.clock.now().toISOString();
  const link = await deps.db
    .selectFrom("calendar_links")
    .selectAll()
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  const session = await deps.db
    .selectFrom("community_sessions")
    .selectAll()
    .where("id", "=", sessionId)
    .executeTakeFirst();

  try {
    if (!session || session.status === "draft" || !session.starts_at || !session.ends_at) {
      if (link) {
        try {
          await client.events.delete({ calendarId, eventId: link.google_event_id });
        } catch (err) {
          const status = httpStatusOf(err);
          if (status !== 404 && status !== 410) throw err;
        }
        await deps.db.deleteFrom("calendar_links").where("session_id", "=", sessionId).execute();
      }
      return;
    }
    const participants = (await listParticipants(deps.db, sessionId)).filter((p) => isActiveParticipant(p.status));
    const body = googleEventBody(
      {
        id: session.id,
        title: session.title,
        description: session.description,
        startsAt: session.starts_at,
        endsAt: session.ends_at,
        timeZone: session.time_zone,
        cancelled: session.status === "cancelled",
      },
      participants.map((p) => ({ name: p.name, role: p.role, presenterOrder: p.presenter_order })),
      `${deps.config.baseUrl}/sessions/${session.id}`,
    );
    const eventId = link?.google_event_id ?? googleEventId(session.id);
    const update = () => client.events.update({ calendarId, eventId, requestBody: body });
    const insert = () => client.events.insert({ calendarId, requestBody: { ...body, id: eventId } });
    if (link) {
      // Known event: update it; if it vanished from Google, create it again.
      await update().catch((err) => (httpStatusOf(err) === 404 ? insert() : Promise.reject(err)));
    } else {
      // First sync under the deterministic id; 409 means an earlier attempt created it but did not record it.
      await insert().catch((err) => (httpStatusOf(err) === 409 ? update() : Promise.reject(err)));
    }
    await deps.db
      .insertInto("calendar_links")
      .values({
        session_id: session.id,
        google_event_id: eventId,
        synced_at: now,
        last_error: null,
        last_error_at: null,
      })
      .onConflict((oc) =>
        oc.column("session_id").doUpdateSet({ synced_at: now, last_error: null, last_error_at: null }),
      )
      .execute();
  } catch (err) {
    const message = `${httpStatusOf(err) ?? ""} ${err instanceof Error ? err.message : String(err)}`
      .trim()
      .slice(0, 500);
    await deps.db
      .insertInto("calendar_links")
      .values({
        session_id: sessionId,
        google_event_id: link?.google_event_id ?? googleEventId(sessionId),
        synced_at: link?.synced_at ?? null,
        last_error: message,
        last_error_at: now,
      })
      .onConflict((oc) => oc.column("session_id").doUpdateSet({ last_error: message, last_error_at: now }))
      .execute();
    throw err;
  }
}
