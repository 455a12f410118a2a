import type { Insertable, Selectable, Updateable } from "kysely";
import type {
  BlockConvenersTable,
  BreaksTable,
  ConferenceSessionsTable,
  ContributionSpeakersTable,
  ContributionsTable,
  EventsTable,
  MaterialsTable,
  RoomsTable,
  SessionBlocksTable,
  SessionPrincipalRole,
  SessionTypesTable,
} from "../db/schema";
import { containsText, type Db, type Engine, lockedRows } from "../platform/db";

/**
 * Every query of conference events, sessions, blocks, contributions, breaks and materials (style.md §3.2 rule 5).
 * Lists that feed a page load one table per query for a whole event and are assembled in memory, so a page costs
 * the same number of queries for 1 block or 150.
 */

export type EventRow = Selectable<EventsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type SessionTypeRow = Selectable<SessionTypesTable>;
export type ConferenceSessionRow = Selectable<ConferenceSessionsTable>;
export type BlockRow = Selectable<SessionBlocksTable>;
export type ConvenerRow = Selectable<BlockConvenersTable>;
export type ContributionRow = Selectable<ContributionsTable>;
export type SpeakerRow = Selectable<ContributionSpeakersTable>;
export type BreakRow = Selectable<BreaksTable>;
export type MaterialRow = Selectable<MaterialsTable>;

/** A session with what its type says: poster or not (indico.md §1.2: poster-ness comes only from the type). */
export type SessionWithType = ConferenceSessionRow & {
  type_name: string | null;
  type_code: string | null;
  type_is_poster: 0 | 1 | null;
};

/** A block with its session's event and poster flag. */
export type BlockWithSession = BlockRow & { event_id: string; is_poster: boolean };

// ------------------------------------------------------------------------------------------------ events

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
  await db.updateTable("events").set(patch).where("id", "=", id).execute();
}

export async function deleteEvent(db: Db, id: string): Promise<void> {
  await db.deleteFrom("events").where("id", "=", id).execute();
}

/**
 * Events the person may see: published ones, those they manage and those with a session they manage or coordinate;
 * admins see all. Soonest first.
 */
export function listEvents(db: Db, viewer: { userId: string | null; isAdmin: boolean }): Promise<EventRow[]> {
  let q = db.selectFrom("events").selectAll();
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
  return q.orderBy("start_at").orderBy("id").execute();
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

// ------------------------------------------------------------------------------------------------ rooms

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
  await db.updateTable("rooms").set(patch).where("id", "=", id).execute();
}

export async function deleteRoom(db: Db, id: string): Promise<void> {
  await db.deleteFrom("rooms").where("id", "=", id).execute();
}

// ------------------------------------------------------------------------------------------------ session types

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

// ------------------------------------------------------------------------------------------------ sessions

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

// ------------------------------------------------------------------------------------------------ blocks

function blocksWithSession(db: Db) {
  return db
    .selectFrom("session_blocks as b")
    .innerJoin("conference_sessions as s", "s.id", "b.session_id")
    .leftJoin("session_types as t", "t.id", "s.type_id")
    .selectAll("b")
    .select(["s.event_id", "t.is_poster"]);
}

type RawBlock = BlockRow & { event_id: string; is_poster: 0 | 1 | null };
const withPoster = (r: RawBlock): BlockWithSession => ({ ...r, is_poster: r.is_poster === 1 });

export async function findBlock(db: Db, id: string): Promise<BlockWithSession | undefined> {
  const row = await blocksWithSession(db).where("b.id", "=", id).executeTakeFirst();
  return row ? withPoster(row) : undefined;
}

export async function listBlocksByIds(db: Db, ids: readonly string[]): Promise<BlockWithSession[]> {
  if (ids.length === 0) return [];
  const rows = await blocksWithSession(db).where("b.id", "in", ids).execute();
  return rows.map(withPoster);
}

export async function listBlocksOfEvent(db: Db, eventId: string): Promise<BlockWithSession[]> {
  const rows = await blocksWithSession(db)
    .where("s.event_id", "=", eventId)
    .orderBy("b.start_at")
    .orderBy("b.id")
    .execute();
  return rows.map(withPoster);
}

export async function listBlocksOfSession(db: Db, sessionId: string): Promise<BlockWithSession[]> {
  const rows = await blocksWithSession(db)
    .where("b.session_id", "=", sessionId)
    .orderBy("b.start_at")
    .orderBy("b.id")
    .execute();
  return rows.map(withPoster);
}

/** Blocks of the event starting in `[fromAt, untilAt)` (a local day). */
export async function listBlocksStartingIn(
  db: Db,
  eventId: string,
  fromAt: string,
  untilAt: string,
): Promise<BlockWithSession[]> {
  const rows = await blocksWithSession(db)
    .where("s.event_id", "=", eventId)
    .where("b.start_at", ">=", fromAt)
    .where("b.start_at", "<", untilAt)
    .execute();
  return rows.map(withPoster);
}

export async function insertBlock(db: Db, row: Insertable<SessionBlocksTable>): Promise<void> {
  await db.insertInto("session_blocks").values(row).execute();
}

export async function updateBlock(db: Db, id: string, patch: Updateable<SessionBlocksTable>): Promise<void> {
  await db.updateTable("session_blocks").set(patch).where("id", "=", id).execute();
}

export async function deleteBlock(db: Db, id: string): Promise<void> {
  await db.deleteFrom("session_blocks").where("id", "=", id).execute();
}

export function listConvenersOfBlocks(db: Db, blockIds: readonly string[]): Promise<ConvenerRow[]> {
  if (blockIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("block_conveners")
    .selectAll()
    .where("block_id", "in", blockIds)
    .orderBy("display_order")
    .orderBy("id")
    .execute();
}

export function listConvenersOfEvent(db: Db, eventId: string): Promise<ConvenerRow[]> {
  return db
    .selectFrom("block_conveners as c")
    .innerJoin("session_blocks as b", "b.id", "c.block_id")
    .innerJoin("conference_sessions as s", "s.id", "b.session_id")
    .selectAll("c")
    .where("s.event_id", "=", eventId)
    .orderBy("c.display_order")
    .orderBy("c.id")
    .execute();
}

/** Replaces a block's conveners with `people`, in that order. */
export async function replaceConveners(
  db: Db,
  blockId: string,
  people: readonly Omit<Insertable<BlockConvenersTable>, "block_id" | "display_order">[],
): Promise<void> {
  await db.deleteFrom("block_conveners").where("block_id", "=", blockId).execute();
  if (people.length === 0) return;
  await db
    .insertInto("block_conveners")
    .values(people.map((p, i) => ({ ...p, block_id: blockId, display_order: i })))
    .execute();
}

// ------------------------------------------------------------------------------------------------ contributions

export function findContribution(db: Db, id: string): Promise<ContributionRow | undefined> {
  return db.selectFrom("contributions").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listContributionsOfBlocks(db: Db, blockIds: readonly string[]): Promise<ContributionRow[]> {
  if (blockIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("contributions").selectAll().where("block_id", "in", blockIds).execute();
}

/** Scheduled contributions of the event (the timetable). */
export function listScheduledContributions(db: Db, eventId: string): Promise<ContributionRow[]> {
  return db
    .selectFrom("contributions")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("start_at", "is not", null)
    .orderBy("start_at")
    .orderBy("id")
    .execute();
}

export function listContributionsOfSession(db: Db, sessionId: string): Promise<ContributionRow[]> {
  return db
    .selectFrom("contributions")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("start_at")
    .orderBy("title")
    .orderBy("id")
    .execute();
}

/** Top-level contributions of the event starting in `[fromAt, untilAt)`. */
export function listTopLevelContributionsStartingIn(db: Db, eventId: string, fromAt: string, untilAt: string) {
  return db
    .selectFrom("contributions")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("block_id", "is", null)
    .where("start_at", ">=", fromAt)
    .where("start_at", "<", untilAt)
    .execute();
}

export interface ContributionFilter {
  scheduled?: boolean;
  /** A session id, or null for contributions without a session. */
  sessionId?: string | null;
  titleSearch?: string;
  limit: number;
  offset: number;
}

/** The managers' contributions list: scheduled first by time, then unscheduled by title. */
export async function listContributions(
  db: Db,
  eventId: string,
  f: ContributionFilter,
): Promise<{ rows: ContributionRow[]; total: number }> {
  let q = db.selectFrom("contributions").where("event_id", "=", eventId);
  if (f.scheduled === true) q = q.where("start_at", "is not", null);
  if (f.scheduled === false) q = q.where("start_at", "is", null);
  if (f.sessionId === null) q = q.where("session_id", "is", null);
  else if (f.sessionId !== undefined) q = q.where("session_id", "=", f.sessionId);
  if (f.titleSearch) q = q.where(containsText("title", f.titleSearch));
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      // Unscheduled (null start) last on both engines.
      .orderBy((eb) => eb.case().when("start_at", "is", null).then(1).else(0).end())
      .orderBy("start_at")
      .orderBy("title")
      .orderBy("id")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertContribution(db: Db, row: Insertable<ContributionsTable>): Promise<void> {
  await db.insertInto("contributions").values(row).execute();
}

export async function updateContribution(db: Db, id: string, patch: Updateable<ContributionsTable>): Promise<void> {
  await db.updateTable("contributions").set(patch).where("id", "=", id).execute();
}

export async function deleteContribution(db: Db, id: string): Promise<void> {
  await db.deleteFrom("contributions").where("id", "=", id).execute();
}

/** Unschedules every contribution in a block; they keep their session (indico.md §2.2). Returns how many. */
export async function unscheduleBlockContributions(db: Db, blockId: string, at: string): Promise<number> {
  const res = await db
    .updateTable("contributions")
    .set({ block_id: null, start_at: null, updated_at: at })
    .where("block_id", "=", blockId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Unschedules every contribution of a session and takes the session away from them (indico.md §2.1: they remain,
 * without a session). Returns how many were scheduled and how many were detached.
 */
export async function detachSessionContributions(
  db: Db,
  sessionId: string,
  at: string,
): Promise<{ unscheduled: number; detached: number }> {
  const scheduled = await db
    .selectFrom("contributions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", sessionId)
    .where("start_at", "is not", null)
    .executeTakeFirstOrThrow();
  const res = await db
    .updateTable("contributions")
    .set({ session_id: null, block_id: null, start_at: null, updated_at: at })
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return { unscheduled: Number(scheduled.n), detached: Number(res.numUpdatedRows) };
}

export function listSpeakersOf(db: Db, contributionIds: readonly string[]): Promise<SpeakerRow[]> {
  if (contributionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("contribution_speakers")
    .selectAll()
    .where("contribution_id", "in", contributionIds)
    .orderBy("display_order")
    .orderBy("id")
    .execute();
}

/** Speakers of the event's contributions (scheduled ones only when `scheduledOnly`). */
export function listSpeakersOfEvent(db: Db, eventId: string, scheduledOnly: boolean): Promise<SpeakerRow[]> {
  let q = db
    .selectFrom("contribution_speakers as p")
    .innerJoin("contributions as c", "c.id", "p.contribution_id")
    .selectAll("p")
    .where("c.event_id", "=", eventId);
  if (scheduledOnly) q = q.where("c.start_at", "is not", null);
  return q.orderBy("p.display_order").orderBy("p.id").execute();
}

export async function replaceSpeakers(
  db: Db,
  contributionId: string,
  people: readonly Omit<Insertable<ContributionSpeakersTable>, "contribution_id" | "display_order">[],
): Promise<void> {
  await db.deleteFrom("contribution_speakers").where("contribution_id", "=", contributionId).execute();
  if (people.length === 0) return;
  await db
    .insertInto("contribution_speakers")
    .values(people.map((p, i) => ({ ...p, contribution_id: contributionId, display_order: i })))
    .execute();
}

// ------------------------------------------------------------------------------------------------ breaks

export function findBreak(db: Db, id: string): Promise<BreakRow | undefined> {
  return db.selectFrom("breaks").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listBreaksOfBlocks(db: Db, blockIds: readonly string[]): Promise<BreakRow[]> {
  if (blockIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("breaks").selectAll().where("block_id", "in", blockIds).execute();
}

export function listBreaksOfEvent(db: Db, eventId: string): Promise<BreakRow[]> {
  return db
    .selectFrom("breaks")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("start_at")
    .orderBy("id")
    .execute();
}

export function listTopLevelBreaksStartingIn(db: Db, eventId: string, fromAt: string, untilAt: string) {
  return db
    .selectFrom("breaks")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("block_id", "is", null)
    .where("start_at", ">=", fromAt)
    .where("start_at", "<", untilAt)
    .execute();
}

export async function insertBreak(db: Db, row: Insertable<BreaksTable>): Promise<void> {
  await db.insertInto("breaks").values(row).execute();
}

export async function updateBreak(db: Db, id: string, patch: Updateable<BreaksTable>): Promise<void> {
  await db.updateTable("breaks").set(patch).where("id", "=", id).execute();
}

export async function deleteBreak(db: Db, id: string): Promise<void> {
  await db.deleteFrom("breaks").where("id", "=", id).execute();
}

// ------------------------------------------------------------------------------------------------ materials

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

// ------------------------------------------------------------------------------------------------ protection

export interface PrincipalRow {
  session_id: string;
  user_id: string;
  role: SessionPrincipalRole;
  name: string | null;
  email: string;
}

/** The entries of a session with their users, by role then email. */
export function listPrincipalsOfSession(db: Db, sessionId: string): Promise<PrincipalRow[]> {
  return db
    .selectFrom("session_principals as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.session_id", "p.user_id", "p.role", "u.name", "u.email"])
    .where("p.session_id", "=", sessionId)
    .orderBy("p.role")
    .orderBy("u.email")
    .execute();
}

/** The roles one user holds on one session. */
export async function rolesOnSession(db: Db, sessionId: string, userId: string): Promise<SessionPrincipalRole[]> {
  const rows = await db
    .selectFrom("session_principals")
    .select("role")
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.role);
}

/** Every entry one user holds on the sessions of one event (the timetable decides all its blocks from these). */
export function rolesInEvent(db: Db, eventId: string, userId: string) {
  return db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select(["p.session_id", "p.role"])
    .where("s.event_id", "=", eventId)
    .where("p.user_id", "=", userId)
    .execute();
}

/** Whether the user manages or coordinates at least one session of the event (indico.md §2.6). */
export async function holdsSessionRole(db: Db, eventId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select("p.user_id")
    .where("s.event_id", "=", eventId)
    .where("p.user_id", "=", userId)
    .where("p.role", "in", ["manage", "coordinate"])
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces every entry of a session. */
export async function replaceSessionPrincipals(
  db: Db,
  sessionId: string,
  entries: readonly { user_id: string; role: SessionPrincipalRole }[],
  at: string,
): Promise<void> {
  await db.deleteFrom("session_principals").where("session_id", "=", sessionId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto("session_principals")
    .values(entries.map((e) => ({ session_id: sessionId, user_id: e.user_id, role: e.role, created_at: at })))
    .execute();
}

export interface MySessionRow {
  session_id: string;
  event_id: string;
  title: string;
  code: string;
  role: SessionPrincipalRole;
  event_title: string;
  event_start_at: string;
  time_zone: string;
}

/**
 * Sessions where the user's own entry gives full management or coordination (indico.md §2.6: user entries only),
 * one row per entry, by lower-case title; one event or all.
 */
export function listMySessions(db: Db, userId: string, eventId?: string): Promise<MySessionRow[]> {
  let q = db
    .selectFrom("session_principals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .innerJoin("events as e", "e.id", "s.event_id")
    .select([
      "s.id as session_id",
      "s.event_id",
      "s.title",
      "s.code",
      "p.role",
      "e.title as event_title",
      "e.start_at as event_start_at",
      "e.time_zone",
    ])
    .where("p.user_id", "=", userId)
    .where("p.role", "in", ["manage", "coordinate"]);
  if (eventId) q = q.where("s.event_id", "=", eventId);
  return q
    .orderBy((eb) => eb.fn("lower", ["s.title"]))
    .orderBy("e.start_at")
    .orderBy("s.id")
    .execute();
}

/** Active accounts with these emails (lower-case). */
export function findActiveUsersByEmails(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "in", [...emails])
    .where("deactivated_at", "is", null)
    .execute();
}

/** Scheduled contributions one of whose speakers has this email (the personal feed: "sessions I speak in"). */
export function listScheduledContributionsSpokenBy(db: Db, email: string) {
  return db
    .selectFrom("contributions as c")
    .innerJoin("contribution_speakers as p", "p.contribution_id", "c.id")
    .select(["c.id", "c.event_id", "c.session_id", "c.block_id"])
    .distinct()
    .where("p.email", "=", email.toLowerCase())
    .where("c.start_at", "is not", null)
    .execute();
}
