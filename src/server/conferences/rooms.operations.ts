import type { z } from "zod";
import type { RoomInput, RoomUpdateInput } from "../../shared/schemas/conference-events";
import type { AuditAction } from "../audit/actions";
import { diff, recordAudit } from "../audit/record";
import { deleteRoom, findRoom, findRoomByName, insertRoom, updateRoom } from "../conference-core/rooms.queries";
import type { RoomRow } from "../conference-core/rows";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";

/** The room directory: venues and rooms with capacity, managed by admins (conferences.md, Rooms). */

async function assertNameFree(db: Db, venueName: string, name: string, exceptId?: string): Promise<void> {
  if (await findRoomByName(db, venueName, name, exceptId)) {
    const where = venueName ? ` at ${venueName}` : "";
    throw conflict("room_exists", `A room called ${name}${where} is already in the directory.`, {
      name: "is already in the directory for this venue",
    });
  }
}

async function audit(
  db: Db,
  actor: Actor,
  action: AuditAction,
  id: string,
  changes: Record<string, unknown>,
  at: string,
) {
  await recordAudit(db, { actorId: actor.id, action, objectType: "room", objectId: id, changes, at });
}

/** Add a room to the directory (admins); a venue cannot hold two rooms of the same name, ignoring case. */
export async function createRoom(deps: Deps, actor: Actor, input: z.infer<typeof RoomInput>): Promise<RoomRow> {
  authorize(actor, "rooms.manage", SITE);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    await assertNameFree(tx, input.venueName, input.name);
    const row: RoomRow = {
      id: newId(),
      venue_name: input.venueName,
      name: input.name,
      capacity: input.capacity ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertRoom(tx, row);
    await audit(tx, actor, "room.created", row.id, { venueName: row.venue_name, name: row.name }, now);
    return row;
  });
}

/** Edit a room's venue, name or capacity (admins). */
export async function updateRoomDetails(
  deps: Deps,
  actor: Actor,
  roomId: string,
  input: z.infer<typeof RoomUpdateInput>,
): Promise<RoomRow> {
  authorize(actor, "rooms.manage", SITE);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const row = await findRoom(tx, roomId);
    if (!row) throw notFound("The room");
    const next: RoomRow = {
      ...row,
      venue_name: input.venueName ?? row.venue_name,
      name: input.name ?? row.name,
      capacity: input.capacity === undefined ? row.capacity : input.capacity,
    };
    const changes = diff(row, next);
    if (Object.keys(changes).length === 0) return row;
    if (changes.venue_name || changes.name) await assertNameFree(tx, next.venue_name, next.name, row.id);
    await updateRoom(tx, row.id, {
      venue_name: next.venue_name,
      name: next.name,
      capacity: next.capacity,
      updated_at: now,
    });
    await audit(tx, actor, "room.updated", row.id, changes, now);
    return { ...next, updated_at: now };
  });
}

/** Removing a room leaves the events, sessions and blocks that used it without that room (they inherit). */
export async function removeRoom(deps: Deps, actor: Actor, roomId: string): Promise<void> {
  authorize(actor, "rooms.manage", SITE);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const row = await findRoom(tx, roomId);
    if (!row) throw notFound("The room");
    await deleteRoom(tx, roomId);
    await audit(tx, actor, "room.deleted", roomId, { venueName: row.venue_name, name: row.name }, now);
  });
}
