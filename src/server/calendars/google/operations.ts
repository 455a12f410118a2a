import type { z } from "zod";
import type {
  GoogleCalendarSettings,
  GoogleCalendarSettingsInput,
  GoogleConnectionTest,
} from "../../../shared/schemas/community-sessions";
import { recordAudit } from "../../audit/record";
import { enqueueCalendarSync, GOOGLE_SYNC_KIND } from "../../community-sessions/calendar-sync";
import { countOutbox } from "../../outbox/queries";
import type { Actor } from "../../permissions/actor";
import { authorize } from "../../permissions/authorize";
import { SITE } from "../../permissions/policy";
import type { Deps } from "../../platform/deps";
import { badRequest } from "../../platform/errors";
import { type GoogleSettings, readGoogle } from "../../site/google";
import { readSetting, writeSetting } from "../../site/queries";
import { createCalendarClient, httpStatusOf, keyProblemSentence, parseServiceAccount } from "./client";
import { latestSync, latestSyncError, sessionsToShow } from "./queries";

/** What is stored, complete or not: the form shows a half-filled setting back to the admin. */
const readStored = async (deps: Deps) => (await readSetting<Partial<GoogleSettings>>(deps.db, "google")) ?? {};

/** Admin > Settings > Google Calendar: the settings (never the key itself) and how syncing goes. */
export async function googleCalendarView(deps: Deps, actor: Actor | null): Promise<GoogleCalendarSettings> {
  authorize(actor, "settings.manage", SITE);
  const stored = await readStored(deps);
  const parsed = stored.serviceAccountJson ? parseServiceAccount(stored.serviceAccountJson) : null;
  const [lastSync, lastError, pending, failed, configured] = await Promise.all([
    latestSync(deps.db),
    latestSyncError(deps.db),
    countOutbox(deps.db, GOOGLE_SYNC_KIND, "pending"),
    countOutbox(deps.db, GOOGLE_SYNC_KIND, "failed"),
    readGoogle(deps.db),
  ]);
  return {
    calendarId: stored.calendarId ?? "",
    configured: configured !== null,
    serviceAccountEmail: parsed?.ok ? parsed.account.client_email : null,
    lastSyncAt: lastSync?.synced_at ?? null,
    lastError: lastError?.last_error ?? null,
    lastErrorAt: lastError?.last_error_at ?? null,
    pendingSyncs: pending,
    failedSyncs: failed,
  };
}

/**
 * Saves the Calendar ID and the Service Account JSON (validated; kept when not sent) and queues a sync of every
 * published session that has not ended, so the calendar catches up.
 */
export async function saveGoogleSettings(
  deps: Deps,
  actor: Actor | null,
  input: z.infer<typeof GoogleCalendarSettingsInput>,
): Promise<GoogleCalendarSettings> {
  authorize(actor, "settings.manage", SITE);
  const current = await readStored(deps);
  let serviceAccountJson = current.serviceAccountJson ?? "";
  if (input.serviceAccountJson !== undefined) {
    serviceAccountJson = input.serviceAccountJson.trim();
    if (serviceAccountJson) {
      const parsed = parseServiceAccount(serviceAccountJson);
      if (!parsed.ok) throw badRequest(keyProblemSentence(parsed.message), { serviceAccountJson: parsed.message });
    }
  }
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await writeSetting(tx, "google", { calendarId: input.calendarId, serviceAccountJson });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.google_updated",
      objectType: "settings",
      objectId: "google",
      changes: {
        calendarId: { from: current.calendarId ?? "", to: input.calendarId },
        serviceAccountChanged: input.serviceAccountJson !== undefined,
      },
      at: now,
    });
    for (const id of await sessionsToShow(tx, now)) await enqueueCalendarSync(tx, deps, id);
  });
  return googleCalendarView(deps, actor);
}

/** Test connection: sign in as the service account and read the calendar, saying what to fix if it fails. */
export async function testGoogleConnection(
  deps: Deps,
  actor: Actor | null,
): Promise<z.infer<typeof GoogleConnectionTest>> {
  authorize(actor, "settings.manage", SITE);
  const settings = await readGoogle(deps.db);
  if (!settings) return { ok: false, message: "Enter the Google Calendar ID and the Service Account JSON first." };
  const parsed = parseServiceAccount(settings.serviceAccountJson);
  if (!parsed.ok) return { ok: false, message: keyProblemSentence(parsed.message) };
  try {
    const client = createCalendarClient(parsed.account, {
      apiRoot: deps.config.googleApiRoot,
      tokenUrl: deps.config.googleTokenUrl,
    });
    const cal = await client.calendars.get({ calendarId: settings.calendarId });
    return {
      ok: true,
      message: `Connected to "${cal.data.summary ?? settings.calendarId}" as ${parsed.account.client_email}.`,
    };
  } catch (err) {
    const status = httpStatusOf(err);
    const hint =
      status === 404
        ? "The calendar was not found: check the Calendar ID, and share the calendar with the service account."
        : status === 403
          ? 'The service account may not use this calendar: share it with "Make changes to events".'
          : err instanceof Error
            ? err.message
            : String(err);
    return { ok: false, message: hint };
  }
}
