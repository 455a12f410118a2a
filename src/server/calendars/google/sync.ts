import { findSession, listParticipants } from "../../community-sessions/queries";
import { isActiveParticipant } from "../../community-sessions/slots";
import type { Deps } from "../../platform/deps";
import { readGoogle } from "../../site/google";
import { createCalendarClient, httpStatusOf, keyProblemSentence, parseServiceAccount } from "./client";
import { googleEventBody, googleEventId } from "./event";
import { deleteCalendarLink, findCalendarLink, recordSyncError, recordSynced } from "./queries";

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
  const link = await findCalendarLink(deps.db, sessionId);
  const session = await findSession(deps.db, sessionId);

  try {
    if (!session || session.status === "draft" || !session.starts_at || !session.ends_at) {
      if (link) {
        try {
          await client.events.delete({ calendarId, eventId: link.google_event_id });
        } catch (err) {
          const status = httpStatusOf(err);
          if (status !== 404 && status !== 410) throw err;
        }
        await deleteCalendarLink(deps.db, sessionId);
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
    await recordSynced(deps.db, session.id, eventId, now);
  } catch (err) {
    const message = `${httpStatusOf(err) ?? ""} ${err instanceof Error ? err.message : String(err)}`
      .trim()
      .slice(0, 500);
    const googleEvent = link?.google_event_id ?? googleEventId(sessionId);
    await recordSyncError(
      deps.db,
      { sessionId, googleEventId: googleEvent, syncedAt: link?.synced_at ?? null },
      message,
      now,
    );
    throw err;
  }
}
