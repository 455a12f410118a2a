import type { Db } from "../platform/db";
import { badRequest } from "../platform/errors";
import { findRoom } from "./rooms.queries";

/** The own location of an event, session or block: a room of the directory or a free text, never both. */

/** A room id must name a room of the directory (400 naming the field otherwise). */
export async function assertRoom(db: Db, roomId: string | null | undefined): Promise<void> {
  if (roomId && !(await findRoom(db, roomId))) {
    throw badRequest("The room is not in the room directory.", { roomId: "is not a room of the directory" });
  }
}

/** The own-location fields after an edit: sending a room clears the text and the other way round. */
export function locationPatch(
  row: { room_id: string | null; location_text: string | null },
  input: { roomId?: string | null; locationText?: string | null },
): { room_id: string | null; location_text: string | null } {
  if (input.roomId === undefined && input.locationText === undefined) {
    return { room_id: row.room_id, location_text: row.location_text };
  }
  const roomId = input.roomId === undefined ? null : input.roomId;
  const text = input.locationText === undefined ? null : input.locationText;
  return { room_id: roomId, location_text: roomId ? null : text };
}
