import { enqueue } from "../outbox/enqueue";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { newId } from "../platform/ids";
import type { Rendered } from "./layout";
import { EMAIL_KIND, type OutboundEmail } from "./message";

/** Queues a rendered email in the caller's transaction; its Message-ID is derived from the outbox row id. */
export async function enqueueEmail(
  tx: Db,
  deps: Pick<Deps, "config" | "clock">,
  to: string,
  rendered: Rendered,
  extra: Pick<OutboundEmail, "attachments" | "icalEvent" | "secrets"> = {},
  opts: { coalesceKey?: string; notBefore?: string; meta?: unknown } = {},
): Promise<string> {
  const id = newId();
  const host = new URL(deps.config.baseUrl).hostname || "convene.local";
  const message: OutboundEmail = { to, ...rendered, ...extra, messageId: `<${id}@${host}>` };
  // `meta` rides along in the outbox row (never in the email) for a later message that replaces this one.
  const payload = opts.meta === undefined ? message : { ...message, meta: opts.meta };
  return enqueue(tx, EMAIL_KIND, payload, deps.clock.now().toISOString(), id, opts);
}
