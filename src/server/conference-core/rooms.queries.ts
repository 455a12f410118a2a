import { type Insertable, sql, type Updateable } from "kysely";
import type { RoomsTable } from "../db/schema";
import type { Db } from "../platform/db";
import type { RoomRow } from "./rows";
import { bumpEntriesInRoom, changes, ROOM_SHOWN, rowChanges } from "./sequences.queries";

/**
 * Queries of the room directory; renaming or deleting a room raises the calendar sequence of the entries in it.
 */

export function listRooms(db: Db): Promise<RoomRow[]> {
  return db.selectFrom("rooms").selectAll().orderBy("venue_name").orderBy("name").orderBy("id").execute();
}

export function findRoom(db: Db, id: string): Promise<RoomRow | undefined> {
  return db.selectFrom("rooms").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A room with this venue and name, ignoring case (other than `exceptId`). */
export function findRoomByName(db: Db, venueName: string, name: string, exceptId?: string) {
  let q = db
    .selectFrom("rooms")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["venue_name"]), "=", venueName.toLowerCase()))
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()));
  if (exceptId) q = q.where("id", "!=", exceptId);
  return q.executeTakeFirst();
}

export async function insertRoom(db: Db, row: Insertable<RoomsTable>): Promise<void> {
  await db.insertInto("rooms").values(row).execute();
}

export async function updateRoom(db: Db, id: string, patch: Updateable<RoomsTable>): Promise<void> {
  const changed = changes(patch, ROOM_SHOWN, "rooms");
  if (changed) await bumpEntriesInRoom(db, id, rowChanges("rooms", id, changed));
  await db.updateTable("rooms").set(patch).where("id", "=", id).execute();
}

export async function deleteRoom(db: Db, id: string): Promise<void> {
  // The room's users fall back to another location (on delete set null).
  await bumpEntriesInRoom(db, id, sql<boolean>`1 = 1`);
  await db.deleteFrom("rooms").where("id", "=", id).execute();
}

/** The rooms of these ids that exist (one query each; a page names at most a handful). */
export async function findRoomsByIds(db: Db, ids: readonly (string | null)[]): Promise<Map<string, RoomRow>> {
  const rooms = new Map<string, RoomRow>();
  for (const id of new Set(ids.filter((x): x is string => x !== null))) {
    const room = await findRoom(db, id);
    if (room) rooms.set(id, room);
  }
  return rooms;
}
