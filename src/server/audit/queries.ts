import type { Insertable } from "kysely";
import type { AuditLogTable } from "../db/schema";
import type { Db } from "../platform/db";

export async function insertAuditEntry(tx: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await tx.insertInto("audit_log").values(row).execute();
}

export interface AuditFilter {
  objectType?: string | undefined;
  objectId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Keyset position: entries after (older than) this one. */
  after?: { at: string; id: string } | undefined;
}

/** Audit entries newest first, with their actor's name; entries written in one transaction share their instant. */
export function listAuditEntries(db: Db, f: AuditFilter, limit: number) {
  let q = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select([
      "a.id",
      "a.at",
      "a.actor_id",
      "u.name as actor_name",
      "u.email as actor_email",
      "a.action",
      "a.object_type",
      "a.object_id",
      "a.changes",
    ]);
  if (f.objectType) q = q.where("a.object_type", "=", f.objectType);
  if (f.objectId) q = q.where("a.object_id", "=", f.objectId);
  if (f.actorId) q = q.where("a.actor_id", "=", f.actorId);
  if (f.action) q = q.where("a.action", "=", f.action);
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([eb("a.at", "<", after.at), eb.and([eb("a.at", "=", after.at), eb("a.id", ">", after.id)])]),
    );
  }
  return q.orderBy("a.at", "desc").orderBy("a.id").limit(limit).execute();
}
