import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The browser's own defences, on every response (pages, API, assets, /api/docs): a Content-Security-Policy
 * under which the app runs without violations (scripts only from our origin; Mantine sets inline styles, so
 * styles allow 'unsafe-inline'), no framing (clickjacking), no MIME sniffing, a referrer that never carries a
 * path (meeting links, tokens) to another site, and HSTS when the site is served over https.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
