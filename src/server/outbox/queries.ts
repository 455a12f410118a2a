import type { Selectable } from "kysely";
import type { OutboxTable } from "../db/schema";
import { type Db, type Engine, lockedRows } from "../platform/db";

export type OutboxRow = Selectable<OutboxTable>;

/** A newer message replaces one with the same key that no worker has claimed yet. */
export async function deleteUnclaimedWithKey(tx: Db, coalesceKey: string, now: string): Promise<void> {
  await tx
    .deleteFrom("outbox")
    .where("coalesce_key", "=", coalesceKey)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .execute();
}

export async function insertOutboxRow(tx: Db, row: Selectable<OutboxTable>): Promise<void> {
  await tx.insertInto("outbox").values(row).execute();
}

/**
 * Takes up to `limit` due rows and leases them until `lease`, counting the attempt. SQLite has one writer at
 * a time, so the UPDATE is already atomic there; PostgreSQL needs row locks that concurrent workers skip
 * instead of waiting on.
 */
export function claimDueRows(db: Db, engine: Engine, now: string, lease: string, limit: number) {
  return db
    .updateTable("outbox")
    .set((eb) => ({ locked_until: lease, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", (eb) => {
      const due = eb
        .selectFrom("outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", now)
        .where((w) => w.or([w("locked_until", "is", null), w("locked_until", "<=", now)]))
        .orderBy("next_attempt_at")
        .limit(limit);
      return lockedRows(engine, due, { skipLocked: true });
    })
    .returningAll()
    .execute();
}

/** Records a delivery's result; only the worker that still holds the lease may. */
export async function settleLeased(
  db: Db,
  id: string,
  lease: string,
  result: Partial<
    Pick<OutboxRow, "status" | "sent_at" | "locked_until" | "last_error" | "next_attempt_at" | "payload">
  >,
): Promise<void> {
  await db.updateTable("outbox").set(result).where("id", "=", id).where("locked_until", "=", lease).execute();
}

export interface OutboxFilter {
  kind?: string | undefined;
  status?: OutboxRow["status"] | undefined;
}

/** One page of the outbox, newest first, with the number of entries matching the filter. */
export async function listOutbox(
  db: Db,
  filter: OutboxFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OutboxRow[]; total: number }> {
  let q = db.selectFrom("outbox");
  if (filter.kind) q = q.where("kind", "=", filter.kind);
  if (filter.status) q = q.where("status", "=", filter.status);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy("created_at", "desc").orderBy("id").limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findOutboxRow(db: Db, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Puts a failed row back in the queue, due now; false when it is no longer failed. */
export async function requeueFailed(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, locked_until: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many messages of `kind` are in `status` (pending deliveries, failures). */
export async function countOutbox(db: Db, kind: string, status: OutboxRow["status"]): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "=", kind)
    .where("status", "=", status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
