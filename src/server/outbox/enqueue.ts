import type { Db } from "../platform/db";
import { newId } from "../platform/ids";

/**
 * Writes a side effect as an outbox row. Call it with the transaction of the change that causes it:
 * if that transaction rolls back, the message never existed.
 */
export async function enqueue(
  tx: Db,
  kind: string,
  payload: unknown,
  at: string,
  id: string = newId(),
  opts: { coalesceKey?: string; notBefore?: string } = {},
): Promise<string> {
  if (opts.coalesceKey) {
    // A newer message replaces one with the same key that no worker has claimed yet.
    await tx
      .deleteFrom("outbox")
      .where("coalesce_key", "=", opts.coalesceKey)
      .where("status", "=", "pending")
      .where("attempts", "=", 0)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", at)]))
      .execute();
  }
  await tx
    .insertInto("outbox")
    .values({
      id,
      kind,
      payload: JSON.stringify(payload),
      status: "pending",
      attempts: 0,
      next_attempt_at: opts.notBefore ?? at,
      locked_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
      coalesce_key: opts.coalesceKey ?? null,
    })
    .execute();
  return id;
}
