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
): Promise<string> {
  await tx
    .insertInto("outbox")
    .values({
      id,
      kind,
      payload: JSON.stringify(payload),
      status: "pending",
      attempts: 0,
      next_attempt_at: at,
      locked_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  return id;
}
