import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  GoogleCalendarSettings,
  GoogleCalendarSettingsInput,
  GoogleConnectionTest,
} from "../../../shared/schemas/community-sessions";
import { recordAudit } from "../../audit/record";
import { authorize } from "../../permissions/authorize";
import { SITE } from "../../permissions/policy";
import type { Deps } from "../../platform/deps";
import { badRequest } from "../../platform/errors";
import { errorResponses } from "../../platform/request-context";
import { readSetting, writeSetting } from "../../site/settings";
import { createCalendarClient, httpStatusOf, keyProblemSentence, parseServiceAccount } from "./client";
import { readGoogle } from "./settings";
import { enqueueCalendarSync, GOOGLE_SYNC_KIND } from "./sync";

const tags = ["admin"];

/** Admin > Settings > Google Calendar (community.md, Settings and Google Calendar sync). */
export function googleCalendarRoutes(deps: Deps): FastifyPluginAsyncZod {
  async function view(): Promise<GoogleCalendarSettings> {
    const stored = (await readSetting<{ calendarId?: string; serviceAccountJson?: string }>(deps.db, "google")) ?? {};
    const parsed = stored.serviceAccountJson ? parseServiceAccount(stored.serviceAccountJson) : null;
    const [lastSync, lastError, pending, failed] = await Promise.all([
      deps.db
        .selectFrom("calendar_links")
        .select("synced_at")
        .where("synced_at", "is not", null)
        .orderBy("synced_at", "desc")
        .limit(1)
        .executeTakeFirst(),
      deps.db
        .selectFrom("calendar_links")
        .select(["last_error", "last_error_at"])
        .where("last_error", "is not", null)
        .orderBy("last_error_at", "desc")
        .limit(1)
        .executeTakeFirst(),
      deps.db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("kind", "=", GOOGLE_SYNC_KIND)
        .where("status", "=", "pending")
        .executeTakeFirstOrThrow(),
      deps.db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("kind", "=", GOOGLE_SYNC_KIND)
        .where("status", "=", "failed")
        .executeTakeFirstOrThrow(),
    ]);
    return {
      calendarId: stored.calendarId ?? "",
      configured: (await readGoogle(deps.db)) !== null,
      serviceAccountEmail: parsed?.ok ? parsed.account.client_email : null,
      lastSyncAt: lastSync?.synced_at ?? null,
      lastError: lastError?.last_error ?? null,
      lastErrorAt: lastError?.last_error_at ?? null,
      pendingSyncs: Number(pending.n),
      failedSyncs: Number(failed.n),
    };
  }

  return async (app) => {
    app.get(
      "/api/v1/admin/settings/google",
      {
        schema: {
          tags,
          summary: "Google Calendar settings and sync state",
          response: { 200: GoogleCalendarSettings, ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "settings.manage", SITE);
        return view();
      },
    );

    app.put(
      "/api/v1/admin/settings/google",
      {
        schema: {
          tags,
          summary: "Save the Google Calendar ID and Service Account JSON (validated; write-only)",
          description:
            "Saving queues a sync of every published session that has not ended, so the calendar catches up.",
          body: GoogleCalendarSettingsInput,
          response: { 200: GoogleCalendarSettings, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "settings.manage", SITE);
        const actor = req.actor;
        const current =
          (await readSetting<{ calendarId?: string; serviceAccountJson?: string }>(deps.db, "google")) ?? {};
        let serviceAccountJson = current.serviceAccountJson ?? "";
        if (req.body.serviceAccountJson !== undefined) {
          serviceAccountJson = req.body.serviceAccountJson.trim();
          if (serviceAccountJson) {
            const parsed = parseServiceAccount(serviceAccountJson);
            if (!parsed.ok)
              throw badRequest(keyProblemSentence(parsed.message), { serviceAccountJson: parsed.message });
          }
        }
        const now = deps.clock.now().toISOString();
        await deps.db.transaction().execute(async (tx) => {
          await writeSetting(tx, "google", { calendarId: req.body.calendarId, serviceAccountJson });
          await recordAudit(tx, {
            actorId: actor.id,
            action: "settings.google_updated",
            objectType: "settings",
            objectId: "google",
            changes: {
              calendarId: { from: current.calendarId ?? "", to: req.body.calendarId },
              serviceAccountChanged: req.body.serviceAccountJson !== undefined,
            },
            at: now,
          });
          const sessions = await tx
            .selectFrom("community_sessions")
            .select("id")
            .where("status", "!=", "draft")
            .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", now)]))
            .execute();
          for (const s of sessions) await enqueueCalendarSync(tx, deps, s.id);
        });
        return view();
      },
    );

    app.post(
      "/api/v1/admin/settings/google/test",
      {
        schema: {
          tags,
          summary: "Test connection: sign in as the service account and read the calendar",
          response: { 200: GoogleConnectionTest, ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "settings.manage", SITE);
        const settings = await readGoogle(deps.db);
        if (!settings)
          return { ok: false, message: "Enter the Google Calendar ID and the Service Account JSON first." };
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
      },
    );
  };
}
