import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AdminUser,
  AdminUserList,
  AdminUserQuery,
  AdminUserUpdate,
  ChangeEmailInput,
  ChangePasswordInput,
  InvitationAcceptInput,
  type Me,
  MeResponse,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  SetupInput,
  SetupStatus,
  SignInInput,
  SignUpConfirmInput,
  SignUpRequestInput,
  UpdateProfileInput,
} from "../../shared/schemas/accounts";
import { Id, Ok } from "../../shared/schemas/common";
import { type Actor, actorFromUser, isPremium } from "../permissions/actor";
import { authorize, requireActor } from "../permissions/authorize";
import { can, SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { unauthorized } from "../platform/errors";
import { errorResponses } from "../platform/openapi-responses";
import { readFeatures } from "../site/settings";
import { completeSetup } from "./bootstrap";
import {
  acceptInvitation,
  adminUpdateUser,
  changeEmail,
  changePassword,
  confirmSignUp,
  needsFirstAdmin,
  requestPasswordReset,
  requestSignUp,
  resetPassword,
  SIGN_UP_TTL_MS,
  searchUsers,
  signIn,
  updateProfile,
} from "./operations";
import { findUserById, type UserRow } from "./queries";
import { clearSessionCookie, setSessionCookie } from "./request-context";
import { endSignInSession, replaceSignInSession, SESSION_COOKIE } from "./sign-in-sessions";

/** The cookie that lets the browser that signed up confirm with one click (confirmSignUp). */
const SIGN_UP_COOKIE = "convene_sign_up";
const SIGN_UP_COOKIE_PATH = "/api/v1/auth/sign-up";

async function me(deps: Deps, actor: Actor | null): Promise<Me | null> {
  if (!actor) return null;
  const user = await findUserById(deps.db, actor.id);
  if (!user) return null;
  const features = await readFeatures(deps.db);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    timeZone: user.time_zone,
    isAdmin: actor.isAdmin,
    isStaff: actor.isStaff,
    isPremium: actor.isPremium,
    abilities: {
      manageUsers: can(actor, "users.manage", SITE),
      readAudit: can(actor, "audit.read", SITE),
      readMail: can(actor, "mail.read", SITE),
      manageSettings: can(actor, "settings.manage", SITE),
      createCommunitySessions: can(actor, "community.sessions.create", {
        kind: "community",
        allowUserSessionCreation: features.allowUserSessionCreation,
      }),
      takePremiumRoles: isPremium(actor),
    },
  };
}

export function accountRoutes(deps: Deps): FastifyPluginAsyncZod {
  const secure = deps.config.baseUrl.startsWith("https://");
  return async (app) => {
    app.get(
      "/api/v1/auth/me",
      { schema: { tags: ["accounts"], summary: "The signed-in user, or null", response: { 200: MeResponse } } },
      async (req) => ({ user: await me(deps, req.actor) }),
    );

    /** Signs this browser in as `user`, ending the session its cookie carried before. */
    async function signInBrowser(req: FastifyRequest, reply: FastifyReply, user: UserRow) {
      const now = deps.clock.now().toISOString();
      setSessionCookie(reply, await replaceSignInSession(deps.db, req.cookies[SESSION_COOKIE], user.id, now), secure);
      return { user: await me(deps, actorFromUser(user)) };
    }

    app.post(
      "/api/v1/auth/sign-up",
      {
        schema: {
          tags: ["accounts"],
          summary: "Sign up: email a link that creates the account",
          description:
            "Answers the same whether or not the address has an account: a new address gets a link that creates the account and signs in, a registered one an email saying someone tried. Limited per address and per client (429).",
          body: SignUpRequestInput,
          response: { 202: Ok, ...errorResponses(400, 429) },
        },
      },
      async (req, reply) => {
        const { browserToken } = await requestSignUp(deps, req.body, req.ip);
        reply.setCookie(SIGN_UP_COOKIE, browserToken, {
          path: SIGN_UP_COOKIE_PATH,
          httpOnly: true,
          sameSite: "lax",
          secure,
          maxAge: Math.floor(SIGN_UP_TTL_MS / 1000),
        });
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      "/api/v1/auth/sign-up/confirm",
      {
        schema: {
          tags: ["accounts"],
          summary: "Follow a sign-up link: create the account and sign in",
          description:
            "From the browser that signed up, the token is enough; from any other, the password chosen at sign-up is needed too (400 password_required).",
          body: SignUpConfirmInput,
          response: { 200: MeResponse, ...errorResponses(400, 409, 429) },
        },
      },
      async (req, reply) => {
        const user = await confirmSignUp(deps, req.body, req.cookies[SIGN_UP_COOKIE]);
        reply.clearCookie(SIGN_UP_COOKIE, { path: SIGN_UP_COOKIE_PATH, httpOnly: true, sameSite: "lax", secure });
        return signInBrowser(req, reply, user);
      },
    );

    app.post(
      "/api/v1/auth/sign-in",
      {
        schema: {
          tags: ["accounts"],
          summary: "Sign in with email and password",
          description: "Failed attempts are limited per account and per address; over the limit the answer is 429.",
          body: SignInInput,
          response: { 200: MeResponse, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const { user, token } = await signIn(deps, req.body, req.ip, req.cookies[SESSION_COOKIE]);
        setSessionCookie(reply, token, secure);
        return { user: await me(deps, actorFromUser(user)) };
      },
    );

    app.post(
      "/api/v1/auth/sign-out",
      { schema: { tags: ["accounts"], summary: "Sign out of this browser", response: { 200: Ok } } },
      async (req, reply) => {
        const token = req.cookies.convene_session;
        if (token) await endSignInSession(deps.db, token);
        clearSessionCookie(reply, secure);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/auth/password-reset",
      {
        schema: {
          tags: ["accounts"],
          summary: "Email a password reset link",
          description: "Answers the same whether or not the account exists. Limited per address and per client (429).",
          body: PasswordResetRequestInput,
          response: { 202: Ok, ...errorResponses(400, 429) },
        },
      },
      async (req, reply) => {
        await requestPasswordReset(deps, req.body.email, req.ip);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      "/api/v1/auth/password-reset/confirm",
      {
        schema: {
          tags: ["accounts"],
          summary: "Set a new password with a reset link's token",
          body: PasswordResetConfirmInput,
          response: { 200: Ok, ...errorResponses(400) },
        },
      },
      async (req) => {
        await resetPassword(deps, req.body.token, req.body.password);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/auth/invitation/accept",
      {
        schema: {
          tags: ["accounts"],
          summary: "Create the account an admin invited to a session, and sign in",
          description:
            "The invitation's emailed link (7 days, once) sets the name, password and time zone of the account made for the address. A link of an account that already has a password is refused (409 already_set_up).",
          body: InvitationAcceptInput,
          response: { 200: MeResponse, ...errorResponses(400, 403, 409) },
        },
      },
      async (req, reply) => signInBrowser(req, reply, await acceptInvitation(deps, req.body)),
    );

    app.patch(
      "/api/v1/account",
      {
        schema: {
          tags: ["accounts"],
          summary: "Change your name or time zone",
          body: UpdateProfileInput,
          response: { 200: MeResponse, ...errorResponses(400, 401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateProfile(deps, req.actor, req.body);
        return { user: await me(deps, { ...req.actor, name: req.body.name ?? req.actor.name }) };
      },
    );

    app.post(
      "/api/v1/account/email",
      {
        schema: {
          tags: ["accounts"],
          summary: "Change your email (needs the current password; the old address is told)",
          description: "Current-password checks are limited per account (429).",
          body: ChangeEmailInput,
          response: { 200: Ok, ...errorResponses(400, 401, 409, 429) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await changeEmail(deps, req.actor, req.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/account/password",
      {
        schema: {
          tags: ["accounts"],
          summary: "Change your password (signs out your other devices)",
          description: "Current-password checks are limited per account (429).",
          body: ChangePasswordInput,
          response: { 200: Ok, ...errorResponses(400, 401, 429) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await changePassword(deps, req.actor, req.body, req.sessionToken);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/v1/setup",
      {
        schema: {
          tags: ["accounts"],
          summary: "Whether the first admin still has to be created",
          response: { 200: SetupStatus },
        },
      },
      async () => ({ needed: await needsFirstAdmin(deps.db) }),
    );

    app.post(
      "/api/v1/setup",
      {
        schema: {
          tags: ["accounts"],
          summary: "Become the first admin with the one-time setup link",
          body: SetupInput,
          response: { 201: MeResponse, ...errorResponses(400, 403, 409) },
        },
      },
      async (req, reply) => {
        const user = await completeSetup(deps, req.body);
        return reply.status(201).send(await signInBrowser(req, reply, user));
      },
    );

    app.get(
      "/api/v1/admin/users",
      {
        schema: {
          tags: ["admin"],
          summary: "Admin > Users: list and search",
          querystring: AdminUserQuery,
          response: { 200: AdminUserList, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "users.manage", SITE);
        return searchUsers(deps, req.query);
      },
    );

    app.patch(
      "/api/v1/admin/users/:id",
      {
        schema: {
          tags: ["admin"],
          summary: "Admin > Users: set admin, staff, premium; deactivate or reactivate",
          params: z.object({ id: Id }),
          body: AdminUserUpdate,
          response: { 200: AdminUser, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        authorize(req.actor, "users.manage", SITE);
        if (!req.actor) throw unauthorized();
        return adminUpdateUser(deps, req.actor, req.params.id, req.body);
      },
    );
  };
}
