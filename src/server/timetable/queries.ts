import type { Insertable, Updateable } from "kysely";
import type { BlockRow, BlockWithSession, BreakRow, ContributionRow, ConvenerRow } from "../conference-core/rows";
import { BLOCK_SHOWN, bumpWhenChanged, CONTRIBUTION_SHOWN } from "../conference-core/sequences.queries";
import type { BlockConvenersTable, BreaksTable, SessionBlocksTable } from "../db/schema";
import type { Db } from "../platform/db";

/**
 * Placement queries (style.md §3.2 rule 5): blocks and their conveners, breaks, and contributions as timetable
 * entries. Lists that feed a page load one table per query for a whole event and are assembled in memory, so a page
 * costs the same number of queries for 1 block or 150.
 */

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
  await db
    .updateTable("session_blocks")
    .set({ ...patch, ...bumpWhenChanged(patch, BLOCK_SHOWN) })
    .where("id", "=", id)
    .execute();
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

/** Unschedules every contribution in a block; they keep their session (indico.md §2.2). Returns how many. */
export async function unscheduleBlockContributions(db: Db, blockId: string, at: string): Promise<number> {
  const patch = { block_id: null, start_at: null, updated_at: at };
  const res = await db
    .updateTable("contributions")
    .set({ ...patch, ...bumpWhenChanged(patch, CONTRIBUTION_SHOWN) })
    .where("block_id", "=", blockId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

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

/** The start and duration of every block of these sessions (My sessions: each session's next block). */
export function listBlockTimesOfSessions(db: Db, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("session_blocks")
    .select(["session_id", "start_at", "duration_minutes"])
    .where("session_id", "in", [...sessionIds])
    .execute();
}
