import type { z } from "zod";
import type { SessionTypeInput, SessionTypeUpdateInput } from "../../shared/schemas/conference-events";
import { diff } from "../audit/record";
import { auditEvent, type EventWork, requireEvent, withEvent } from "../conference-core/access";
import type { SessionTypeRow } from "../conference-core/rows";
import {
  deleteSessionType,
  findSessionType,
  findSessionTypeByName,
  insertSessionType,
  updateSessionType,
} from "../conference-core/session-types.queries";
import { listSessionsOfType } from "../conference-core/sessions.queries";
import type { Actor } from "../permissions/actor";
import type { Deps } from "../platform/deps";
import { conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { convertSessionsToPoster } from "./sessions.operations";

/** Session types: Settings ▸ Session types on the Sessions page (conferences.md, Session types; indico.md §1.4). */

/** Names are unique per event ignoring case; the unique index on (event_id, lower(name)) backs this up. */
async function assertNameFree(w: EventWork, name: string, exceptId?: string): Promise<void> {
  if (await findSessionTypeByName(w.tx, w.event.id, name, exceptId)) {
    throw conflict("session_type_exists", `A session type called "${name}" already exists in this event.`, {
      name: "is already used by another session type of this event (names ignore case)",
    });
  }
}

async function typeOfEvent(w: EventWork, typeId: string): Promise<SessionTypeRow> {
  const type = await findSessionType(w.tx, typeId);
  if (!type || type.event_id !== w.event.id) throw notFound("The session type");
  return type;
}

/** New session type (Settings ▸ Session types ▸ New session type): name, code, Poster. */
export async function createSessionType(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: z.infer<typeof SessionTypeInput>,
): Promise<SessionTypeRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    await assertNameFree(w, input.name);
    const row: SessionTypeRow = {
      id: newId(),
      event_id: eventId,
      name: input.name,
      code: input.code,
      is_poster: input.isPoster ? 1 : 0,
      created_at: w.now,
      updated_at: w.now,
    };
    await insertSessionType(w.tx, row);
    await auditEvent(w, "session_type.created", { typeId: row.id, name: row.name, isPoster: input.isPoster });
    return row;
  });
}

/** Edit a type; switching Poster on turns the blocks of every session of the type into poster blocks. */
export async function updateSessionTypeDetails(
  deps: Deps,
  actor: Actor,
  eventId: string,
  typeId: string,
  input: z.infer<typeof SessionTypeUpdateInput>,
): Promise<SessionTypeRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    const row = await typeOfEvent(w, typeId);
    const next: SessionTypeRow = {
      ...row,
      name: input.name ?? row.name,
      code: input.code ?? row.code,
      is_poster: input.isPoster === undefined ? row.is_poster : input.isPoster ? 1 : 0,
    };
    const changes = diff(row, next);
    if (Object.keys(changes).length === 0) return row;
    if (changes.name) await assertNameFree(w, next.name, row.id);
    if (next.is_poster === 1 && row.is_poster === 0) {
      const sessions = await listSessionsOfType(w.tx, typeId);
      await convertSessionsToPoster(
        w,
        sessions.map((s) => s.id),
      );
    }
    await updateSessionType(w.tx, typeId, {
      name: next.name,
      code: next.code,
      is_poster: next.is_poster,
      updated_at: w.now,
    });
    await auditEvent(w, "session_type.updated", { typeId, ...changes });
    return { ...next, updated_at: w.now };
  });
}

/** Delete a type: its sessions remain, without a type (the foreign key sets it to null). */
export async function removeSessionType(deps: Deps, actor: Actor, eventId: string, typeId: string): Promise<number> {
  return withEvent(deps, actor, eventId, async (w) => {
    requireEvent(w, "event.manage");
    const row = await typeOfEvent(w, typeId);
    const sessions = await listSessionsOfType(w.tx, typeId);
    await deleteSessionType(w.tx, typeId);
    await auditEvent(w, "session_type.deleted", { typeId, name: row.name, sessionsUntyped: sessions.length });
    return sessions.length;
  });
}
