import type { AdminUser, AdminUserUpdate, SignUpInput } from "../../shared/schemas/accounts";
import { diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import type { Actor } from "../permissions/actor";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { AppError, badRequest, conflict, notFound, unauthorized } from "../platform/errors";
import { newId, newToken, sha256 } from "../platform/ids";
import { clearHits, type Limit, takeAttempt } from "../platform/rate-limit";
import { readSite } from "../site/settings";
import { emailChangedEmail, passwordChangedEmail, passwordResetEmail } from "./emails";
import { hashPassword, passwordWeakness, verifyPassword } from "./passwords";
import {
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  lockActiveAdmins,
  type UserRow,
  updateUser,
} from "./queries";
import { endAllSignInSessions, startSignInSession } from "./sign-in-sessions";

/** Failed sign-ins allowed per account and per address before a pause (platform.md, Accounts). */
export const SIGN_IN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000 } satisfies Limit,
  address: { max: 30, windowMs: 15 * 60_000 } satisfies Limit,
};
const RESET_TTL_MS = 3600_000;

function checkPassword(password: string, email: string, field: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw badRequest(`Password ${weakness}.`, { [field]: weakness });
}

export function toAdminUser(u: UserRow): AdminUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.is_admin === 1,
    isStaff: u.is_staff === 1,
    isPremium: u.is_premium === 1,
    active: u.deactivated_at === null,
    createdAt: u.created_at,
  };
}

/** Creates an account. `asAdmin` is used by the first-admin setup only. */
export async function signUp(deps: Deps, input: SignUpInput, opts: { asAdmin?: boolean } = {}): Promise<UserRow> {
  checkPassword(input.password, input.email, "password");
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw conflict("email_taken", "An account with this email already exists. Sign in or reset the password.", {
        email: "is already registered",
      });
    }
    const user: UserRow = {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      is_admin: opts.asAdmin ? 1 : 0,
      is_staff: 0,
      is_premium: 0,
      time_zone: null,
      deactivated_at: null,
      created_at: now,
      updated_at: now,
      feed_token: null,
    };
    await insertUser(tx, user);
    await recordAudit(tx, {
      actorId: user.id,
      action: opts.asAdmin ? "user.created_as_first_admin" : "user.signed_up",
      objectType: "user",
      objectId: user.id,
      changes: { email: input.email, name: input.name },
      at: now,
    });
    return user;
  });
}

function tooMany(seconds: number): AppError {
  return new AppError(
    429,
    "rate_limited",
    `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s) or reset your password.`,
    undefined,
    { "retry-after": String(seconds) },
  );
}

/**
 * Checks the password; returns a new sign-in session token. Every attempt is counted per account and per
 * address before the password is checked, so simultaneous guesses cannot all slip under the limit; a
 * successful sign-in clears its account's count and gives its address attempt back.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  address: string,
): Promise<{ user: UserRow; token: string }> {
  const now = deps.clock.now();
  const accountKey = `sign-in:account:${input.email}`;
  const addressKey = `sign-in:address:${address}`;
  const account = await takeAttempt(deps.db, accountKey, SIGN_IN_LIMITS.account, now);
  const fromAddress = await takeAttempt(deps.db, addressKey, SIGN_IN_LIMITS.address, now);
  const wait = Math.max(account.retryAfterSeconds, fromAddress.retryAfterSeconds);
  if (wait > 0) throw tooMany(wait);

  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok) throw new AppError(401, "invalid_credentials", "Email or password is wrong.");
  if (user.deactivated_at !== null) {
    throw new AppError(403, "account_deactivated", "This account has been deactivated. Contact the organisers.");
  }
  await clearHits(deps.db, accountKey);
  await takeAttempt(deps.db, addressKey, SIGN_IN_LIMITS.address, now, -1);
  const token = await startSignInSession(deps.db, user.id, now.toISOString());
  return { user, token };
}

/** Emails a one-hour reset link when the account exists; says nothing either way (no account probing). */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.deactivated_at !== null) return;
    const token = newToken();
    await tx
      .insertInto("password_resets")
      .values({
        id: sha256(token),
        user_id: user.id,
        created_at: now,
        expires_at: addMs(now, RESET_TTL_MS),
        used_at: null,
      })
      .execute();
    const link = `${deps.config.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueueEmail(tx, deps, user.email, passwordResetEmail(await readSite(tx), link));
  });
}

/** Retires every unused reset link of the account: a new password, or a new email, makes old links void. */
async function retireResetLinks(tx: Db, userId: string, now: string): Promise<void> {
  await tx
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

/** Sets a new password from a reset link; the link works once, and every other sign-in ends. */
export async function resetPassword(deps: Deps, token: string, password: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  const passwordHashPromise = hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    const reset = await tx.selectFrom("password_resets").selectAll().where("id", "=", sha256(token)).executeTakeFirst();
    if (!reset || reset.used_at !== null || reset.expires_at <= now) {
      throw new AppError(400, "invalid_token", "This reset link is invalid or has expired. Ask for a new one.", {
        token: "is invalid or expired",
      });
    }
    const user = await findUserById(tx, reset.user_id);
    if (!user) throw notFound("The account");
    checkPassword(password, user.email, "password");
    // Marking it used in the same statement that checks it stops two concurrent uses.
    const used = await tx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("id", "=", reset.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new AppError(400, "invalid_token", "This reset link was already used.");
    await updateUser(tx, user.id, { password_hash: await passwordHashPromise, updated_at: now });
    await retireResetLinks(tx, user.id, now);
    await endAllSignInSessions(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.password_reset",
      objectType: "user",
      objectId: user.id,
      at: now,
    });
  });
}

export async function updateProfile(
  deps: Deps,
  actor: Actor,
  input: { name?: string; timeZone?: string | null },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const user = await findUserById(tx, actor.id);
    if (!user) throw unauthorized();
    const patch = { name: input.name, time_zone: input.timeZone };
    const changes = diff(user, patch);
    if (Object.keys(changes).length === 0) return;
    await updateUser(tx, actor.id, { ...patch, updated_at: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.profile_updated",
      objectType: "user",
      objectId: actor.id,
      changes,
      at: now,
    });
  });
}

export async function changeEmail(
  deps: Deps,
  actor: Actor,
  input: { email: string; currentPassword: string },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const user = await findUserById(deps.db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw badRequest("The current password is wrong.", { currentPassword: "is wrong" });
  }
  await deps.db.transaction().execute(async (tx) => {
    const taken = await findUserByEmail(tx, input.email);
    if (taken && taken.id !== actor.id) {
      throw conflict("email_taken", "Another account uses this email.", { email: "is already registered" });
    }
    await updateUser(tx, actor.id, { email: input.email, updated_at: now });
    await retireResetLinks(tx, actor.id, now);
    // Tell the old address, so a hijacked session cannot silently take the account.
    await enqueueEmail(tx, deps, user.email, emailChangedEmail(await readSite(tx), input.email));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.email_changed",
      objectType: "user",
      objectId: actor.id,
      changes: { email: { from: user.email, to: input.email } },
      at: now,
    });
  });
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepToken: string | undefined,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const user = await findUserById(deps.db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw badRequest("The current password is wrong.", { currentPassword: "is wrong" });
  }
  checkPassword(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await updateUser(tx, actor.id, { password_hash: passwordHash, updated_at: now });
    await retireResetLinks(tx, actor.id, now);
    await endAllSignInSessions(tx, actor.id, keepToken);
    await enqueueEmail(tx, deps, user.email, passwordChangedEmail(await readSite(tx)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.password_changed",
      objectType: "user",
      objectId: actor.id,
      at: now,
    });
  });
}

export async function searchUsers(deps: Deps, q: { q?: string; limit: number; offset: number }) {
  const { rows, total } = await listUsers(deps.db, { search: q.q, limit: q.limit, offset: q.offset });
  return { users: rows.map(toAdminUser), total };
}

/** Admin > Users: set admin, staff, premium; deactivate or reactivate. The last active admin stays. */
export async function adminUpdateUser(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: AdminUserUpdate,
): Promise<AdminUser> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    // Lock first, then read: the count and the user must both be the committed state.
    const activeAdmins = await lockActiveAdmins(tx, deps.engine);
    const user = await findUserById(tx, userId);
    if (!user) throw notFound("The user");
    const before = toAdminUser(user);
    const after = { ...before, ...input };
    const changes = diff(before, input);
    if (Object.keys(changes).length === 0) return before;
    const losesAdmin = before.isAdmin && before.active && (!after.isAdmin || !after.active);
    if (losesAdmin && activeAdmins <= 1) {
      throw conflict("last_admin", "This is the last active admin: make someone else admin first.");
    }
    await updateUser(tx, userId, {
      is_admin: after.isAdmin ? 1 : 0,
      is_staff: after.isStaff ? 1 : 0,
      is_premium: after.isPremium ? 1 : 0,
      deactivated_at: after.active ? null : (user.deactivated_at ?? now),
      updated_at: now,
    });
    if (!after.active) await endAllSignInSessions(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.updated_by_admin",
      objectType: "user",
      objectId: userId,
      changes,
      at: now,
    });
    return after;
  });
}

/** Used by the setup page: true while the installation has no admin. */
export async function needsFirstAdmin(db: Db): Promise<boolean> {
  return (await countActiveAdmins(db)) === 0;
}
