import type { Insertable, Updateable } from "kysely";
import type { EventsTable } from "../db/schema";
import { containsText, type Db, type Engine, lockedRows } from "../platform/db";
import type { EventRow } from "./rows";
import { BUMP, changes, EVENT_SHOWN, rowChanges } from "./sequences.queries";

/**
 * Queries of conference events and their managers (style.md §3.2 rule 5).
 */

export function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Reads the event and locks its row until the transaction ends. Every change to an event's sessions and timetable
 * goes through this lock, so two changes never check the rules against the same stale timetable on PostgreSQL;
 * SQLite runs one write transaction at a time already.
 */
export function lockEvent(tx: Db, engine: Engine, id: string): Promise<EventRow | undefined> {
  const q = tx.selectFrom("events").selectAll().where("id", "=", id);
  return lockedRows(engine, q).executeTakeFirst();
}

export async function insertEvent(db: Db, row: Insertable<EventsTable>): Promise<void> {
  await db.insertInto("events").values(row).execute();
}

export async function updateEvent(db: Db, id: string, patch: Updateable<EventsTable>): Promise<void> {
  const changed = changes(patch, EVENT_SHOWN, "events");
  if (changed) {
    // Before the update, which the comparison needs: every entry shows the event's zone, many its location.
    const when = rowChanges("events", id, changed);
    await db
      .updateTable("session_blocks")
      .set(BUMP)
      .where(when)
      .where("session_id", "in", (eb) =>
        eb
          .selectFrom("conference_sessions")
          .select("conference_sessions.id")
          .where("conference_sessions.event_id", "=", id),
      )
      .execute();
    await db.updateTable("contributions").set(BUMP).where(when).where("event_id", "=", id).execute();
  }
  await db.updateTable("events").set(patch).where("id", "=", id).execute();
}

export async function deleteEvent(db: Db, id: string): Promise<void> {
  await db.deleteFrom("events").where("id", "=", id).execute();
}

/**
 * Events the person may see: published ones, those they manage and those with a session they manage or coordinate;
 * admins see all. Soonest first.
 */
export interface EventListFilter {
  /** Words of the title. */
  q?: string | undefined;
  /** upcoming: not yet ended at `now`, soonest first; past: ended, most recent first. */
  when?: { kind: "upcoming" | "past"; now: string } | undefined;
}

export function listEvents(
  db: Db,
  viewer: { userId: string | null; isAdmin: boolean },
  filter: EventListFilter = {},
): Promise<EventRow[]> {
  let q = db.selectFrom("events").selectAll();
  if (filter.q?.trim()) q = q.where(containsText("title", filter.q.trim()));
  if (filter.when?.kind === "upcoming") q = q.where("end_at", ">", filter.when.now);
  if (filter.when?.kind === "past") q = q.where("end_at", "<=", filter.when.now);
  if (!viewer.isAdmin) {
    const userId = viewer.userId;
    q = q.where((eb) =>
      eb.or([
        eb("timetable_published", "=", 1),
        ...(userId
          ? [
              eb.exists(
                eb
                  .selectFrom("event_managers as m")
                  .select("m.user_id")
                  .whereRef("m.event_id", "=", "events.id")
                  .where("m.user_id", "=", userId),
              ),
              // Session managers and coordinators reach the event before it is published ("My sessions").
              eb.exists(
                eb
                  .selectFrom("session_principals as p")
                  .innerJoin("conference_sessions as s", "s.id", "p.session_id")
                  .select("p.user_id")
                  .whereRef("s.event_id", "=", "events.id")
                  .where("p.user_id", "=", userId)
                  .where("p.role", "in", ["manage", "coordinate"]),
              ),
            ]
          : []),
      ]),
    );
  }
  return filter.when?.kind === "past"
    ? q.orderBy("start_at", "desc").orderBy("id").execute()
    : q.orderBy("start_at").orderBy("id").execute();
}

export function findEventsByIds(db: Db, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("events")
    .selectAll()
    .where("id", "in", [...ids])
    .execute();
}

export function findEventBySlug(db: Db, slug: string): Promise<EventRow | undefined> {
  return db.selectFrom("events").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** The slugs already taken by `base` and its numbered variants (`base-2`, …). */
export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("events")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base.slice(0, 50)}%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug).filter((s): s is string => s !== null));
}

export async function isEventManager(db: Db, eventId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("event_managers")
    .select("user_id")
    .where("event_id", "=", eventId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the events the user manages. */
export async function managedEventIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom("event_managers").select("event_id").where("user_id", "=", userId).execute();
  return new Set(rows.map((r) => r.event_id));
}

export function listEventManagers(db: Db, eventId: string) {
  return db
    .selectFrom("event_managers as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id as user_id", "u.name", "u.email"])
    .where("m.event_id", "=", eventId)
    .orderBy("u.email")
    .execute();
}

export async function insertEventManager(db: Db, eventId: string, userId: string, at: string): Promise<void> {
  await db.insertInto("event_managers").values({ event_id: eventId, user_id: userId, created_at: at }).execute();
}

export async function deleteEventManager(db: Db, eventId: string, userId: string): Promise<number> {
  const res = await db
    .deleteFrom("event_managers")
    .where("event_id", "=", eventId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
