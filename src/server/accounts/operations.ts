import { safeNext } from "../../shared/next-path";
import type {
  AdminUser,
  AdminUserUpdate,
  InvitationAcceptInput,
  SignUpConfirmInput,
  SignUpInput,
  SignUpRequestInput,
} from "../../shared/schemas/accounts";
import { diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import type { Actor } from "../permissions/actor";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { AppError, badRequest, conflict, notFound, unauthorized } from "../platform/errors";
import { newId, newToken, sha256 } from "../platform/ids";
import { clearHits, type Limit, takeAttempt, throttle } from "../platform/rate-limit";
import { readSite } from "../site/settings";
import {
  emailChangedEmail,
  passwordChangedEmail,
  passwordResetEmail,
  signUpConfirmationEmail,
  signUpWithRegisteredEmail,
} from "./emails";
import { hashPassword, passwordWeakness, verifyPassword } from "./passwords";
import {
  countActiveAdmins,
  deleteExpiredSignUpRequests,
  findPasswordReset,
  findSignUpRequest,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  insertSignUpRequest,
  insertUser,
  listUsers,
  lockActiveAdmins,
  retirePasswordResets,
  takeSignUpRequests,
  type UserRow,
  updateUser,
  usePasswordReset,
} from "./queries";
import { endAllSignInSessions, replaceSignInSession } from "./sign-in-sessions";

/** Failed sign-ins allowed per account and per address before a pause (platform.md, Accounts). */
export const SIGN_IN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000 } satisfies Limit,
  address: { max: 30, windowMs: 15 * 60_000 } satisfies Limit,
};
/** Password-reset requests per email address and per client (issue #11): no mail-bombing, no bulk probing. */
export const PASSWORD_RESET_LIMITS = {
  email: { max: 5, windowMs: 3600_000 } satisfies Limit,
  client: { max: 20, windowMs: 15 * 60_000 } satisfies Limit,
};

/** Sign-ups per email address and per client; generous per client, since a venue's visitors share an address. */
export const SIGN_UP_LIMITS = {
  email: { max: 5, windowMs: 3600_000 } satisfies Limit,
  client: { max: 30, windowMs: 15 * 60_000 } satisfies Limit,
};

/**
 * Current-password checks per account (change password, change email) and password checks per sign-up link:
 * a borrowed session or a forwarded link must not be a way to guess a password without limit.
 */
export const CURRENT_PASSWORD_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000 };

const RESET_TTL_MS = 3600_000;
/** A sign-up link lives one day: long enough to find the email, short enough that few wait in the table. */
export const SIGN_UP_TTL_MS = 24 * 3600_000;

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

/**
 * Creates an account at once, with no emailed link: the first admin (ADMIN_EMAIL, setup link) and test factories.
 * Visitors sign up with requestSignUp + confirmSignUp, which prove the address first.
 */
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
    // Nothing proved the address: ADMIN_EMAIL is typed by the operator, the setup link was printed at start.
    const user = newUserRow(input, passwordHash, now, { isAdmin: opts.asAdmin === true, emailVerifiedAt: null });
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

function newUserRow(
  input: { email: string; name: string; timeZone?: string | null },
  passwordHash: string,
  now: string,
  opts: { isAdmin: boolean; emailVerifiedAt: string | null },
): UserRow {
  return {
    id: newId(),
    email: input.email,
    name: input.name,
    password_hash: passwordHash,
    is_admin: opts.isAdmin ? 1 : 0,
    is_staff: 0,
    is_premium: 0,
    time_zone: input.timeZone ?? null,
    deactivated_at: null,
    created_at: now,
    updated_at: now,
    feed_token: null,
    email_verified_at: opts.emailVerifiedAt,
  };
}

/** The link in a sign-up confirmation email; `next` (a page of this site) is where the person lands after. */
function confirmationLink(baseUrl: string, token: string, next: string | undefined): string {
  const page = safeNext(next, new URL(baseUrl).origin);
  const back = page === "/" ? "" : `&next=${encodeURIComponent(page)}`;
  return `${baseUrl}/confirm-email?token=${encodeURIComponent(token)}${back}`;
}

/**
 * Sign-up, step one: answers the same whether or not the address has an account (no probing), and the time it
 * takes does not tell either (the password is hashed in both cases). A new address gets a link that creates the
 * account; a registered one is told that someone tried. Returns the token of a cookie for this browser, set in
 * both cases, which lets it confirm with one click (confirmSignUp).
 */
export async function requestSignUp(
  deps: Deps,
  input: SignUpRequestInput,
  client: string,
): Promise<{ browserToken: string }> {
  const now = deps.clock.now();
  await throttle(
    deps.db,
    now,
    [
      [`sign-up:email:${input.email}`, SIGN_UP_LIMITS.email],
      [`sign-up:client:${client}`, SIGN_UP_LIMITS.client],
    ],
    "Too many sign-ups for this address or from your network.",
  );
  checkPassword(input.password, input.email, "password");
  const passwordHash = await hashPassword(input.password);
  const token = newToken();
  const browserToken = newToken();
  const nowIso = now.toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await deleteExpiredSignUpRequests(tx, nowIso);
    const site = await readSite(tx);
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      if (existing.deactivated_at === null) {
        const base = deps.config.baseUrl;
        await enqueueEmail(
          tx,
          deps,
          existing.email,
          signUpWithRegisteredEmail(site, `${base}/sign-in`, `${base}/forgot-password`),
        );
      }
      return;
    }
    await insertSignUpRequest(tx, {
      id: sha256(token),
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      browser_hash: sha256(browserToken),
      time_zone: input.timeZone ?? null,
      created_at: nowIso,
      expires_at: addMs(nowIso, SIGN_UP_TTL_MS),
    });
    const link = confirmationLink(deps.config.baseUrl, token, input.next);
    await enqueueEmail(tx, deps, input.email, signUpConfirmationEmail(site, link), { secrets: [token] });
  });
  return { browserToken };
}

const invalidSignUpLink = () =>
  new AppError(400, "invalid_token", "This link is invalid, was already used or has expired. Sign up again.", {
    token: "is invalid or expired",
  });

/**
 * Sign-up, step two: the emailed link creates the account, with the address verified. In the browser that signed
 * up (its cookie), one click does it; anywhere else the password chosen at sign-up is needed too, so that someone
 * who signed up with another person's address cannot have them activate an account whose password they know.
 */
export async function confirmSignUp(
  deps: Deps,
  input: SignUpConfirmInput,
  browserToken: string | undefined,
): Promise<UserRow> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const id = sha256(input.token);
  const request = await findSignUpRequest(deps.db, id);
  if (!request || request.expires_at <= nowIso) throw invalidSignUpLink();
  if (!browserToken || sha256(browserToken) !== request.browser_hash) {
    if (!input.password) {
      throw new AppError(
        400,
        "password_required",
        "This link was opened in another browser: enter the password you chose when you signed up.",
        { password: "is required" },
      );
    }
    await throttle(deps.db, now, [[`sign-up-confirm:${id}`, CURRENT_PASSWORD_LIMIT]], "Too many wrong passwords.");
    if (!(await verifyPassword(request.password_hash, input.password))) {
      throw badRequest("This is not the password chosen when signing up with this link.", {
        password: "is not the one chosen at sign-up",
      });
    }
  }
  return deps.db.transaction().execute(async (tx) => {
    if (!(await takeSignUpRequests(tx, request.email)).includes(id)) throw invalidSignUpLink();
    // An admin may have invited the address, or its owner confirmed another link, in the meantime.
    if (await findUserByEmail(tx, request.email)) {
      throw conflict("email_taken", "This address already has an account. Sign in, or reset your password.");
    }
    const user = newUserRow(
      { email: request.email, name: request.name, timeZone: request.time_zone },
      request.password_hash,
      nowIso,
      { isAdmin: false, emailVerifiedAt: nowIso },
    );
    await insertUser(tx, user);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.signed_up",
      objectType: "user",
      objectId: user.id,
      changes: { email: user.email, name: user.name },
      at: nowIso,
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
 * successful sign-in clears its account's count and gives its address attempt back. The browser's previous
 * session token, if any, ends (no session fixation).
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  address: string,
  previousToken: string | undefined,
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
  const token = await replaceSignInSession(deps.db, previousToken, user.id, now.toISOString());
  return { user, token };
}

/**
 * Emails a one-hour reset link when the account exists; says nothing either way (no account probing). Requests
 * are limited per address and per client, counted whether or not the account exists.
 */
export async function requestPasswordReset(deps: Deps, email: string, client: string): Promise<void> {
  const now = deps.clock.now();
  await throttle(
    deps.db,
    now,
    [
      [`password-reset:email:${email}`, PASSWORD_RESET_LIMITS.email],
      [`password-reset:client:${client}`, PASSWORD_RESET_LIMITS.client],
    ],
    "Too many password reset requests for this address or from your network.",
  );
  const nowIso = now.toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.deactivated_at !== null) return;
    const token = newToken();
    await insertPasswordReset(tx, {
      id: sha256(token),
      user_id: user.id,
      created_at: nowIso,
      expires_at: addMs(nowIso, RESET_TTL_MS),
      used_at: null,
    });
    const link = `${deps.config.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueueEmail(tx, deps, user.email, passwordResetEmail(await readSite(tx), link), { secrets: [token] });
  });
}

/**
 * Sets a new password from a reset link (or an invitation link, which is one); the link works once, every other
 * sign-in ends, and the address counts as verified.
 */
export async function resetPassword(deps: Deps, token: string, password: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  const passwordHashPromise = hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    const reset = await findPasswordReset(tx, sha256(token));
    if (!reset || reset.used_at !== null || reset.expires_at <= now) {
      throw new AppError(400, "invalid_token", "This reset link is invalid or has expired. Ask for a new one.", {
        token: "is invalid or expired",
      });
    }
    const user = await findUserById(tx, reset.user_id);
    if (!user) throw notFound("The account");
    checkPassword(password, user.email, "password");
    if (!(await usePasswordReset(tx, reset.id, now)))
      throw new AppError(400, "invalid_token", "This reset link was already used.");
    // The link reached this address (a new address retires every link), so the address is proved.
    await updateUser(tx, user.id, {
      password_hash: await passwordHashPromise,
      email_verified_at: user.email_verified_at ?? now,
      updated_at: now,
    });
    await retirePasswordResets(tx, user.id, now);
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

/**
 * An invited address creates its account (issue #13): the invitation's link (a reset row for an account that never
 * had a password) sets the name, password and time zone, works once, and proves the address. Returns the account,
 * for the route to sign this browser in. A link of an account that already has a password is refused: that is a
 * password reset, which signs nobody in.
 */
export async function acceptInvitation(deps: Deps, input: InvitationAcceptInput): Promise<UserRow> {
  const now = deps.clock.now().toISOString();
  const passwordHashPromise = hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const link = await findPasswordReset(tx, sha256(input.token));
    const user = link ? await findUserById(tx, link.user_id) : undefined;
    if (!link || !user || link.used_at !== null || link.expires_at <= now) {
      throw new AppError(
        400,
        "invalid_token",
        "This invitation link is invalid, was already used or has expired. Ask the organisers for a new one, or reset your password if you set one.",
        { token: "is invalid or expired" },
      );
    }
    if (user.password_hash !== null) {
      throw conflict("already_set_up", "This account already has a password: sign in, or reset your password.");
    }
    if (user.deactivated_at !== null) {
      throw new AppError(403, "account_deactivated", "This account has been deactivated. Contact the organisers.");
    }
    checkPassword(input.password, user.email, "password");
    if (!(await usePasswordReset(tx, link.id, now)))
      throw new AppError(400, "invalid_token", "This link was already used.");
    const patch = {
      name: input.name,
      time_zone: input.timeZone ?? null,
      password_hash: await passwordHashPromise,
      email_verified_at: user.email_verified_at ?? now,
      updated_at: now,
    };
    await updateUser(tx, user.id, patch);
    await retirePasswordResets(tx, user.id, now);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.invitation_accepted",
      objectType: "user",
      objectId: user.id,
      changes: { name: input.name, timeZone: patch.time_zone },
      at: now,
    });
    return { ...user, ...patch };
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

/**
 * The signed-in user's current password, counted per account like sign-in (CURRENT_PASSWORD_LIMIT): each check
 * is counted before it runs, and a right password clears the count.
 */
async function checkCurrentPassword(deps: Deps, actor: Actor, password: string): Promise<UserRow> {
  const key = `current-password:${actor.id}`;
  await throttle(deps.db, deps.clock.now(), [[key, CURRENT_PASSWORD_LIMIT]], "Too many wrong passwords.");
  const user = await findUserById(deps.db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, password))) {
    throw badRequest("The current password is wrong.", { currentPassword: "is wrong" });
  }
  await clearHits(deps.db, key);
  return user;
}

export async function changeEmail(
  deps: Deps,
  actor: Actor,
  input: { email: string; currentPassword: string },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const user = await checkCurrentPassword(deps, actor, input.currentPassword);
  await deps.db.transaction().execute(async (tx) => {
    const taken = await findUserByEmail(tx, input.email);
    if (taken && taken.id !== actor.id) {
      throw conflict("email_taken", "Another account uses this email.", { email: "is already registered" });
    }
    // The new address has proved nothing yet (single sign-on must not link it by email).
    await updateUser(tx, actor.id, { email: input.email, email_verified_at: null, updated_at: now });
    await retirePasswordResets(tx, actor.id, now);
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
  const user = await checkCurrentPassword(deps, actor, input.currentPassword);
  checkPassword(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await updateUser(tx, actor.id, { password_hash: passwordHash, updated_at: now });
    await retirePasswordResets(tx, actor.id, now);
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
