import type { FastifyRequest } from "fastify";

/** Query parameters whose values are secrets: reset, invitation and setup links, and later sign-in callbacks. */
const SECRET_QUERY = /([?&](?:token|code|state|key|secret|password)=)[^&#\s"']*/gi;
/** A personal calendar feed's path segment is its only credential. */
const FEED_TOKEN = /(\/feeds\/)[^/?#\s"']+/gi;
/** A waitlist offer's link accepts the place for its recipient: its token is a credential too. */
const OFFER_TOKEN = /(\/offers\/)[^/?#\s"']+/gi;

/**
 * Text as it may be written to a log: feed tokens (`/feeds/<token>/…`) and secret query values (`?token=…` of
 * reset and invitation links) are replaced, since logs are read by more people, and kept longer, than the
 * secrets' owners expect.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(FEED_TOKEN, "$1[redacted]")
    .replace(OFFER_TOKEN, "$1[redacted]")
    .replace(SECRET_QUERY, "$1[redacted]");
}

/** pino serializer for requests: Fastify's default fields, with the URL redacted. */
export function redactedRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactSecrets(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** pino hook: messages (e.g. Fastify's "Route GET:/api/v1/feeds/… not found") are redacted too. */
export function redactLogMessages(this: unknown, args: unknown[], method: (...a: unknown[]) => void): void {
  method.apply(
    this,
    args.map((a) => (typeof a === "string" ? redactSecrets(a) : a)),
  );
}
