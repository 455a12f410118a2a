import type { Db } from "../platform/db";
import { newId } from "../platform/ids";
import type { OutboxKind, OutboxPayloads } from "./kinds";
import { deleteUnclaimedWithKey, insertOutboxRow } from "./queries";

/**
 * Writes a side effect as an outbox row. Call it with the transaction of the change that causes it:
 * if that transaction rolls back, the message never existed.
 */
export async function enqueue<K extends OutboxKind>(
  tx: Db,
  kind: K,
  payload: OutboxPayloads[K],
  at: string,
  id: string = newId(),
  opts: {
    coalesceKey?: string | undefined;
    notBefore?: string | undefined;
    /** false: keep the unclaimed rows with the same key (a group of rows the caller replaced as a whole). */
    replace?: boolean;
  } = {},
): Promise<string> {
  if (opts.coalesceKey && opts.replace !== false) await deleteUnclaimedWithKey(tx, opts.coalesceKey, at);
  await insertOutboxRow(tx, {
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
  });
  return id;
}
