import type { Insertable, Updateable } from "kysely";
import type { ContributionSpeakersTable, ContributionsTable } from "../db/schema";
import { containsText, type Db } from "../platform/db";
import type { ContributionRow, SpeakerRow } from "./rows";
import { bumpWhenChanged, CONTRIBUTION_SHOWN } from "./sequences.queries";

/**
 * Queries of contributions and their speakers; placing them in the timetable is in timetable/queries.ts.
 */

export function findContribution(db: Db, id: string): Promise<ContributionRow | undefined> {
  return db.selectFrom("contributions").selectAll().where("id", "=", id).executeTakeFirst();
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
  await db
    .updateTable("contributions")
    .set({ ...patch, ...bumpWhenChanged(patch, CONTRIBUTION_SHOWN) })
    .where("id", "=", id)
    .execute();
}

export async function deleteContribution(db: Db, id: string): Promise<void> {
  await db.deleteFrom("contributions").where("id", "=", id).execute();
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
  const patch = { session_id: null, block_id: null, start_at: null, updated_at: at };
  const res = await db
    .updateTable("contributions")
    .set({ ...patch, ...bumpWhenChanged(patch, CONTRIBUTION_SHOWN) })
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

/**
 * My sessions' Conferences part: the contributions one of whose speakers has the user's email, once the account
 * has proved it owns that address (`email_verified_at`; speakers are names and emails, not accounts), in events
 * that end after `eventsEndingAfter`, with the session each belongs to.
 */
export function listContributionsSpokenByVerifiedEmailOf(db: Db, userId: string, eventsEndingAfter: string) {
  return db
    .selectFrom("contributions as c")
    .innerJoin("events as e", "e.id", "c.event_id")
    .leftJoin("conference_sessions as s", "s.id", "c.session_id")
    .select([
      "c.id",
      "c.event_id",
      "c.session_id",
      "c.title",
      "c.start_at",
      "c.duration_minutes",
      "s.title as session_title",
      "s.protection_mode",
    ])
    .where("e.end_at", ">", eventsEndingAfter)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("contribution_speakers as p")
          .innerJoin("users as u", "u.email", "p.email")
          .select("p.id")
          .whereRef("p.contribution_id", "=", "c.id")
          .where("u.id", "=", userId)
          .where("u.email_verified_at", "is not", null),
      ),
    )
    .execute();
}
