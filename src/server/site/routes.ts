import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Site } from "../../shared/schemas/accounts";
import { Settings, SettingsUpdate } from "../../shared/schemas/community-sessions";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/openapi-responses";
import { updateSettings } from "./operations";
import { readFeatures, readSite } from "./settings";

/** Admin > Settings: Site Information and Feature Flags (community.md, Settings). */
export function siteRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/site",
      { schema: { tags: ["site"], summary: "Public site information", response: { 200: Site } } },
      async () => {
        const [site, features] = await Promise.all([readSite(deps.db), readFeatures(deps.db)]);
        return {
          siteName: site.siteName,
          tagline: site.tagline,
          premiumLabel: features.premiumLabel,
          allowUserSessionCreation: features.allowUserSessionCreation,
        };
      },
    );

    app.get(
      "/api/v1/admin/settings",
      {
        schema: {
          tags: ["admin"],
          summary: "Admin > Settings",
          response: { 200: Settings, ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "settings.manage", SITE);
        return { site: await readSite(deps.db), features: await readFeatures(deps.db) };
      },
    );

    app.patch(
      "/api/v1/admin/settings",
      {
        schema: {
          tags: ["admin"],
          summary: "Change Site Information and Feature Flags (only the fields sent)",
          body: SettingsUpdate,
          response: { 200: Settings, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => updateSettings(deps, req.actor, req.body),
    );
  };
}
