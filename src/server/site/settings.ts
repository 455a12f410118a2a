import type { Db } from "../platform/db";
import { newToken } from "../platform/ids";
import { readSetting, writeSettingIfAbsent } from "./queries";

/** Site Information (community.md, Settings). Feature flags join in the community-sessions issue. */
export interface SiteSettings {
  siteName: string;
  tagline: string;
  contactEmail: string;
  physicalAddress: string;
}

export const DEFAULT_SITE: SiteSettings = {
  siteName: "Convene",
  tagline: "Sessions of talks, run together.",
  contactEmail: "",
  physicalAddress: "",
};

/** Feature Flags (community.md, Settings). */
export interface FeatureSettings {
  allowUserSessionCreation: boolean;
  requirePremiumForPresenting: boolean;
  requirePremiumForHosting: boolean;
  premiumLabel: string;
}

export const DEFAULT_FEATURES: FeatureSettings = {
  allowUserSessionCreation: false,
  requirePremiumForPresenting: false,
  requirePremiumForHosting: false,
  premiumLabel: "Premium",
};

export async function readSite(db: Db): Promise<SiteSettings> {
  return { ...DEFAULT_SITE, ...(await readSetting<Partial<SiteSettings>>(db, "site")) };
}

export async function readFeatures(db: Db): Promise<FeatureSettings> {
  return { ...DEFAULT_FEATURES, ...(await readSetting<Partial<FeatureSettings>>(db, "features")) };
}

/**
 * The secret that signs CSRF tokens: SESSION_SECRET when set, otherwise one made at first start and kept in
 * the database, so every instance shares it.
 */
export async function instanceSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const existing = await readSetting<string>(db, "instance.secret");
  if (existing) return existing;
  const fresh = newToken(32);
  await writeSettingIfAbsent(db, "instance.secret", fresh);
  return (await readSetting<string>(db, "instance.secret")) as string;
}
