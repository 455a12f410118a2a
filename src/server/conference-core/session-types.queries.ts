import type { Insertable, Updateable } from "kysely";
import type { SessionTypesTable } from "../db/schema";
import type { Db } from "../platform/db";
import type { SessionTypeRow } from "./rows";

/**
 * Queries of an event's session types.
 */

export function listSessionTypes(db: Db, eventId: string) {
  return db
    .selectFrom("session_types as t")
    .selectAll("t")
    .select((eb) =>
      eb
        .selectFrom("conference_sessions as s")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("s.type_id", "=", "t.id")
        .as("sessions_count"),
    )
    .where("t.event_id", "=", eventId)
    .orderBy("t.name")
    .orderBy("t.id")
    .execute();
}

export function findSessionType(db: Db, id: string): Promise<SessionTypeRow | undefined> {
  return db.selectFrom("session_types").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A type of the event with this name, ignoring case (other than `exceptId`). */
export function findSessionTypeByName(db: Db, eventId: string, name: string, exceptId?: string) {
  let q = db
    .selectFrom("session_types")
    .select("id")
    .where("event_id", "=", eventId)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()));
  if (exceptId) q = q.where("id", "!=", exceptId);
  return q.executeTakeFirst();
}

export async function insertSessionType(db: Db, row: Insertable<SessionTypesTable>): Promise<void> {
  await db.insertInto("session_types").values(row).execute();
}

export async function updateSessionType(db: Db, id: string, patch: Updateable<SessionTypesTable>): Promise<void> {
  await db.updateTable("session_types").set(patch).where("id", "=", id).execute();
}

export async function deleteSessionType(db: Db, id: string): Promise<void> {
  await db.deleteFrom("session_types").where("id", "=", id).execute();
}
