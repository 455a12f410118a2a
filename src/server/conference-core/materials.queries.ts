import type { Insertable } from "kysely";
import type { MaterialsTable } from "../db/schema";
import type { Db } from "../platform/db";
import type { MaterialRow } from "./rows";

/**
 * Queries of session materials (links and uploaded files).
 */

export type MaterialWithUploader = MaterialRow & { uploader_name: string | null };

function materialsWithUploader(db: Db) {
  return db
    .selectFrom("materials as m")
    .leftJoin("users as u", "u.id", "m.uploaded_by")
    .selectAll("m")
    .select((eb) => eb.fn.coalesce("u.name", "u.email").as("uploader_name"));
}

export function listMaterialsOfSession(db: Db, sessionId: string): Promise<MaterialWithUploader[]> {
  return materialsWithUploader(db)
    .where("m.session_id", "=", sessionId)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
}

export function listMaterialsOfEvent(db: Db, eventId: string): Promise<MaterialWithUploader[]> {
  return materialsWithUploader(db)
    .innerJoin("conference_sessions as s", "s.id", "m.session_id")
    .where("s.event_id", "=", eventId)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
}

export function findMaterial(db: Db, id: string): Promise<MaterialWithUploader | undefined> {
  return materialsWithUploader(db).where("m.id", "=", id).executeTakeFirst();
}

export async function insertMaterial(db: Db, row: Insertable<MaterialsTable>): Promise<void> {
  await db.insertInto("materials").values(row).execute();
}

export async function deleteMaterial(db: Db, id: string): Promise<void> {
  await db.deleteFrom("materials").where("id", "=", id).execute();
}

/** Storage keys of the files of a session, or of every session of an event. */
export async function listFileKeys(db: Db, scope: { sessionId: string } | { eventId: string }): Promise<string[]> {
  let q = db
    .selectFrom("materials as m")
    .innerJoin("conference_sessions as s", "s.id", "m.session_id")
    .select("m.storage_key")
    .where("m.kind", "=", "file");
  q = "sessionId" in scope ? q.where("m.session_id", "=", scope.sessionId) : q.where("s.event_id", "=", scope.eventId);
  const rows = await q.execute();
  return rows.flatMap((r) => (r.storage_key ? [r.storage_key] : []));
}
