import type { z } from "zod";
import type { SettingsUpdate } from "../../shared/schemas/community-sessions";
import { diff, recordAudit } from "../audit/record";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { clearListCache } from "../platform/list-cache";
import { writeSetting } from "./queries";
import { type FeatureSettings, readFeatures, readSite, type SiteSettings } from "./settings";

/** Admin > Settings: changes only the fields sent, audited field by field, in one transaction. */
export async function updateSettings(
  deps: Deps,
  actor: Actor | null,
  update: z.infer<typeof SettingsUpdate>,
): Promise<{ site: SiteSettings; features: FeatureSettings }> {
  authorize(actor, "settings.manage", SITE);
  const now = deps.clock.now().toISOString();
  const saved = await deps.db.transaction().execute(async (tx) => {
    const site = await readSite(tx);
    const features = await readFeatures(tx);
    const nextSite = { ...site, ...update.site };
    const nextFeatures = { ...features, ...update.features };
    const changes = { ...diff(site, nextSite), ...diff(features, nextFeatures) };
    if (Object.keys(changes).length > 0) {
      await writeSetting(tx, "site", nextSite);
      await writeSetting(tx, "features", nextFeatures);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "settings.updated",
        objectType: "settings",
        objectId: "site",
        changes,
        at: now,
      });
    }
    return { site: nextSite, features: nextFeatures };
  });
  // Cards show which roles are premium-only: drop lists made under the old settings.
  clearListCache();
  return saved;
}
