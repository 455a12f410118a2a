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

export function signUpConfirmationEmail(site: SiteSettings, link: string): Rendered {
  return renderEmail(site, `Confirm your email address for ${site.siteName}`, [
    `Someone, probably you, asked to create a ${site.siteName} account with this email address. To create it and sign in, open this link within 24 hours:`,
    { link, label: "Confirm my email address" },
    "If it was not you, ignore this email: no account is created without this link.",
  ]);
}

/** Sign-up with an address that has an account: its owner is told, and nobody else learns anything. */
export function signUpWithRegisteredEmail(site: SiteSettings, signInLink: string, resetLink: string): Rendered {
  return renderEmail(site, "Someone tried to create an account with your address", [
    `Someone tried to create a new ${site.siteName} account with this email address, which already has an account. Nothing was changed.`,
    "If it was you, sign in or reset your password:",
    { link: signInLink, label: "Sign in" },
    { link: resetLink, label: "Reset your password" },
    "If it was not you, you can ignore this email.",
  ]);
}
