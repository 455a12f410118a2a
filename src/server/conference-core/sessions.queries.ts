import type { Insertable, Updateable } from "kysely";
import type { ConferenceSessionsTable } from "../db/schema";
import type { Db } from "../platform/db";
import type { ConferenceSessionRow, SessionWithType } from "./rows";
import { BUMP, changes, rowChanges, SESSION_SHOWN } from "./sequences.queries";

/**
 * Queries of conference sessions (indico.md §1.2: poster-ness comes only from the type).
 */

function sessionsWithType(db: Db) {
  return db
    .selectFrom("conference_sessions as s")
    .leftJoin("session_types as t", "t.id", "s.type_id")
    .selectAll("s")
    .select(["t.name as type_name", "t.code as type_code", "t.is_poster as type_is_poster"]);
}

export function findConferenceSession(db: Db, id: string): Promise<SessionWithType | undefined> {
  return sessionsWithType(db).where("s.id", "=", id).executeTakeFirst();
}

export function listSessionsOfEvent(db: Db, eventId: string): Promise<SessionWithType[]> {
  return sessionsWithType(db).where("s.event_id", "=", eventId).orderBy("s.title").orderBy("s.id").execute();
}

/** Sessions of a type (changing a type's Poster toggle changes them all). */
export function listSessionsOfType(db: Db, typeId: string): Promise<ConferenceSessionRow[]> {
  return db.selectFrom("conference_sessions").selectAll().where("type_id", "=", typeId).execute();
}

export async function insertConferenceSession(db: Db, row: Insertable<ConferenceSessionsTable>): Promise<void> {
  await db.insertInto("conference_sessions").values(row).execute();
}

export async function updateConferenceSession(
  db: Db,
  id: string,
  patch: Updateable<ConferenceSessionsTable>,
): Promise<void> {
  const changed = changes(patch, SESSION_SHOWN, "conference_sessions");
  if (changed) {
    // Its blocks' entries are titled after the session and may take its location.
    await db
      .updateTable("session_blocks")
      .set(BUMP)
      .where("session_id", "=", id)
      .where(rowChanges("conference_sessions", id, changed))
      .execute();
  }
  await db.updateTable("conference_sessions").set(patch).where("id", "=", id).execute();
}

export async function deleteConferenceSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("conference_sessions").where("id", "=", id).execute();
}

/** Colours in use by the event's sessions and breaks (a new session gets an unused pair, indico.md §2.1). */
export async function listUsedColours(db: Db, eventId: string): Promise<{ text: string; background: string }[]> {
  const [sessions, breaks] = await Promise.all([
    db
      .selectFrom("conference_sessions")
      .select(["text_color", "background_color"])
      .where("event_id", "=", eventId)
      .execute(),
    db.selectFrom("breaks").select(["text_color", "background_color"]).where("event_id", "=", eventId).execute(),
  ]);
  return [...sessions, ...breaks].map((r) => ({ text: r.text_color, background: r.background_color }));
}

/** Per session of the event: blocks, materials and contributions (one grouped query each). */
export async function countsBySession(
  db: Db,
  eventId: string,
): Promise<Map<string, { blocks: number; materials: number; contributions: number }>> {
  const [blocks, materials, contributions] = await Promise.all([
    db
      .selectFrom("session_blocks as b")
      .innerJoin("conference_sessions as s", "s.id", "b.session_id")
      .select(["b.session_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("s.event_id", "=", eventId)
      .groupBy("b.session_id")
      .execute(),
    db
      .selectFrom("materials as m")
      .innerJoin("conference_sessions as s", "s.id", "m.session_id")
      .select(["m.session_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("s.event_id", "=", eventId)
      .groupBy("m.session_id")
      .execute(),
    db
      .selectFrom("contributions")
      .select(["session_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("event_id", "=", eventId)
      .where("session_id", "is not", null)
      .groupBy("session_id")
      .execute(),
  ]);
  const result = new Map<string, { blocks: number; materials: number; contributions: number }>();
  const entry = (id: string) => {
    let e = result.get(id);
    if (!e) {
      e = { blocks: 0, materials: 0, contributions: 0 };
      result.set(id, e);
    }
    return e;
  };
  for (const r of blocks) entry(r.session_id).blocks = Number(r.n);
  for (const r of materials) entry(r.session_id).materials = Number(r.n);
  for (const r of contributions) if (r.session_id) entry(r.session_id).contributions = Number(r.n);
  return result;
}
