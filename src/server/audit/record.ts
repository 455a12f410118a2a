import type { Db } from "../platform/db";
import { newId } from "../platform/ids";
import type { AuditAction } from "./actions";
import { insertAuditEntry } from "./queries";

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Field-by-field changes between two versions of an object (old → new), for the audit log. */
export function diff<T extends object>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  objectType: string;
  objectId: string;
  changes?: Changes | Record<string, unknown>;
  at: string;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(tx, {
    id: newId(),
    at: entry.at,
    actor_id: entry.actorId,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    changes: JSON.stringify(entry.changes ?? {}),
  });
}
