import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "./errors";
import { newToken } from "./ids";

export const CSRF_COOKIE = "convene_csrf";
export const CSRF_HEADER = "x-csrf-token";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sign(secret: string, nonce: string): string {
  return `${nonce}.${createHmac("sha256", secret).update(nonce).digest("base64url")}`;
}

function isGenuine(secret: string, token: string): boolean {
  const [nonce] = token.split(".");
  if (!nonce) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Signed double-submit cookie: the browser app copies the readable `convene_csrf` cookie into a header,
 * which a cross-site page cannot do; the signature stops a planted cookie. Origin is checked too when sent.
 */
export function registerCsrf(app: FastifyInstance, opts: { secret: string; baseUrl: string; secure: boolean }): void {
  const allowedOrigin = new URL(opts.baseUrl).origin;
  app.addHook("onRequest", async (req, reply) => {
    const cookie = req.cookies[CSRF_COOKIE];
    const valid = cookie !== undefined && isGenuine(opts.secret, cookie);
    if (!valid) {
      reply.setCookie(CSRF_COOKIE, sign(opts.secret, newToken(18)), {
        path: "/",
        sameSite: "lax",
        secure: opts.secure,
        httpOnly: false,
      });
    }
    // Every unsafe request, whatever its path: "/%61pi/…" routes to the API too.
    if (!UNSAFE.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && origin !== allowedOrigin && origin !== `${req.protocol}://${req.host}`) {
      throw new AppError(403, "csrf_failed", "This request came from another site and was refused.");
    }
    const header = req.headers[CSRF_HEADER];
    if (!valid || typeof header !== "string" || header !== cookie) {
      throw new AppError(
        403,
        "csrf_failed",
        `Missing or wrong ${CSRF_HEADER} header: send the value of the ${CSRF_COOKIE} cookie.`,
      );
    }
  });
}
