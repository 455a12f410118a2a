import { type Rendered, renderEmail } from "../mail/layout";
import type { SiteSettings } from "../site/settings";

export function passwordResetEmail(site: SiteSettings, link: string): Rendered {
  return renderEmail(site, `Reset your ${site.siteName} password`, [
    "Someone asked to reset the password of your account. If it was you, choose a new password with this link within one hour:",
    { link, label: "Choose a new password" },
    "If it was not you, ignore this email: your password stays as it is.",
  ]);
}

export function emailChangedEmail(site: SiteSettings, newEmail: string): Rendered {
  return renderEmail(site, `Your ${site.siteName} email address was changed`, [
    `The email address of your account was changed to ${newEmail}. If you did not do this, contact the organisers at once.`,
  ]);
}

export function passwordChangedEmail(site: SiteSettings): Rendered {
  return renderEmail(site, `Your ${site.siteName} password was changed`, [
    "The password of your account was changed and your other devices were signed out. If you did not do this, reset your password.",
  ]);
}
