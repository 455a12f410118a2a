import type { FastifyInstance, FastifyReply } from "fastify";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { resolveSignInSession, SESSION_COOKIE, SESSION_TTL_MS } from "./sign-in-sessions";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, or null. Resolved once per API request from the session cookie. */
    actor: Actor | null;
    sessionToken: string | undefined;
  }
}

export function registerRequestContext(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", undefined);
  app.addHook("onRequest", async (req) => {
    // The matched route, not the raw URL: "/%61pi/…" is an API route too.
    if (!(req.routeOptions.url ?? "").startsWith("/api/")) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.actor = await resolveSignInSession(deps.db, token, deps.clock.now().toISOString());
    req.sessionToken = req.actor ? token : undefined;
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
