import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AdminUser,
  AdminUserList,
  AdminUserQuery,
  AdminUserUpdate,
  ChangeEmailInput,
  ChangePasswordInput,
  type Me,
  MeResponse,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  SetupInput,
  SetupStatus,
  SignInInput,
  SignUpInput,
  UpdateProfileInput,
} from "../../shared/schemas/accounts";
import { Id, Ok } from "../../shared/schemas/common";
import type { Actor } from "../permissions/actor";
import { authorize, requireActor } from "../permissions/authorize";
import { can, SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { unauthorized } from "../platform/errors";
import { clearSessionCookie, errorResponses, setSessionCookie } from "../platform/request-context";
import { readFeatures } from "../site/settings";
import { completeSetup } from "./bootstrap";
import {
  adminUpdateUser,
  changeEmail,
  changePassword,
  needsFirstAdmin,
  requestPasswordReset,
  resetPassword,
  searchUsers,
  signIn,
  signUp,
  updateProfile,
} from "./operations";
import { findUserById } from "./queries";
import { endSignInSession, startSignInSession } from "./sign-in-sessions";

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

    app.post(
      "/api/v1/auth/sign-up",
      {
        schema: {
          tags: ["accounts"],
          summary: "Create an account and sign in",
          body: SignUpInput,
          response: { 201: MeResponse, ...errorResponses(400, 409) },
        },
      },
      async (req, reply) => {
        const user = await signUp(deps, req.body);
        const token = await startSignInSession(deps.db, user.id, deps.clock.now().toISOString());
        setSessionCookie(reply, token, secure);
        const actor: Actor = {
          id: user.id,
          email: user.email,
          name: user.name,
          isAdmin: false,
          isStaff: false,
          isPremium: false,
        };
        return reply.status(201).send({ user: await me(deps, actor) });
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
        const { user, token } = await signIn(deps, req.body, req.ip);
        setSessionCookie(reply, token, secure);
        const actor: Actor = {
          id: user.id,
          email: user.email,
          name: user.name,
          isAdmin: user.is_admin === 1,
          isStaff: user.is_staff === 1,
          isPremium: user.is_premium === 1,
        };
        return { user: await me(deps, actor) };
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
          description: "Answers the same whether or not the account exists.",
          body: PasswordResetRequestInput,
          response: { 202: Ok, ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        await requestPasswordReset(deps, req.body.email);
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
          body: ChangeEmailInput,
          response: { 200: Ok, ...errorResponses(400, 401, 409) },
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
          body: ChangePasswordInput,
          response: { 200: Ok, ...errorResponses(400, 401) },
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
        const token = await startSignInSession(deps.db, user.id, deps.clock.now().toISOString());
        setSessionCookie(reply, token, secure);
        const actor: Actor = {
          id: user.id,
          email: user.email,
          name: user.name,
          isAdmin: true,
          isStaff: false,
          isPremium: false,
        };
        return reply.status(201).send({ user: await me(deps, actor) });
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
