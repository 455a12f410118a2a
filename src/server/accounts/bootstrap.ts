import { timingSafeEqual } from "node:crypto";
import { recordAudit } from "../audit/record";
import type { Deps } from "../platform/deps";
import { AppError, conflict } from "../platform/errors";
import { newToken } from "../platform/ids";
import { deleteSetting, readSetting, writeSettingIfAbsent } from "../site/queries";
import { needsFirstAdmin, signUp } from "./operations";
import { verifyPassword } from "./passwords";
import { findUserByEmail, updateUser } from "./queries";

const SETUP_KEY = "setup.token";

export type FirstAdmin =
  | { kind: "exists" }
  | { kind: "created"; email: string }
  | { kind: "promoted"; email: string }
  | { kind: "setup-link"; url: string };

/**
 * At start: with ADMIN_EMAIL + ADMIN_PASSWORD, make that account the first admin when there is none;
 * without them, a one-time setup link lets the first visitor become admin (platform.md, Running it).
 */
export async function ensureFirstAdmin(deps: Deps): Promise<FirstAdmin> {
  if (!(await needsFirstAdmin(deps.db))) return { kind: "exists" };
  const { adminEmail, adminPassword } = deps.config;
  if (adminEmail && adminPassword) {
    const email = adminEmail.toLowerCase();
    const existing = await findUserByEmail(deps.db, email);
    const now = deps.clock.now().toISOString();
    if (existing) {
      // Promote only the account that knows ADMIN_PASSWORD: sign-up is open before the first admin exists, so
      // anyone could have registered the address first.
      if (!(await verifyPassword(existing.password_hash, adminPassword))) {
        throw new Error(
          `An account for ${email} already exists and its password is not ADMIN_PASSWORD, so it was not made admin. ` +
            "Sign in with that account's password and set ADMIN_PASSWORD to it, choose another ADMIN_EMAIL, or remove ADMIN_EMAIL to get a one-time setup link.",
        );
      }
      await deps.db.transaction().execute(async (tx) => {
        await updateUser(tx, existing.id, { is_admin: 1, deactivated_at: null, updated_at: now });
        await recordAudit(tx, {
          actorId: null,
          action: "user.promoted_from_config",
          objectType: "user",
          objectId: existing.id,
          at: now,
        });
      });
      return { kind: "promoted", email };
    }
    await signUp(deps, { email, name: "Administrator", password: adminPassword }, { asAdmin: true });
    return { kind: "created", email };
  }
  // The first of several instances starting together stores the token; all of them print that one.
  await writeSettingIfAbsent(deps.db, SETUP_KEY, newToken());
  const token = (await readSetting<string>(deps.db, SETUP_KEY)) ?? "";
  return { kind: "setup-link", url: `${deps.config.baseUrl}/setup?token=${encodeURIComponent(token)}` };
}

/** The first visitor with the setup link becomes admin; the link then stops working. */
export async function completeSetup(
  deps: Deps,
  input: { token: string; name: string; email: string; password: string },
) {
  if (!(await needsFirstAdmin(deps.db))) throw conflict("setup_done", "This installation already has an admin.");
  const stored = await readSetting<string>(deps.db, SETUP_KEY);
  const given = Buffer.from(input.token);
  if (!stored || given.length !== Buffer.byteLength(stored) || !timingSafeEqual(given, Buffer.from(stored))) {
    throw new AppError(403, "invalid_token", "This setup link is not valid. Use the link printed at start.", {
      token: "is invalid",
    });
  }
  const user = await signUp(deps, input, { asAdmin: true });
  await deleteSetting(deps.db, SETUP_KEY);
  return user;
}
