import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  GoogleCalendarSettings,
  GoogleCalendarSettingsInput,
  GoogleConnectionTest,
} from "../../../shared/schemas/community-sessions";
import type { Deps } from "../../platform/deps";
import { errorResponses } from "../../platform/openapi-responses";
import { googleCalendarView, saveGoogleSettings, testGoogleConnection } from "./operations";

const tags = ["admin"];

/** Admin > Settings > Google Calendar (community.md, Settings and Google Calendar sync). */
export function googleCalendarRoutes(deps: Deps): FastifyPluginAsyncZod {
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
      async (req) => googleCalendarView(deps, req.actor),
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
      async (req) => saveGoogleSettings(deps, req.actor, req.body),
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
      async (req) => testGoogleConnection(deps, req.actor),
    );
  };
}
