import { type RawBuilder, sql } from "kysely";
import type { Db } from "../platform/db";

/**
 * Calendar sequences: the `ics_sequence` raise every update of a shown field makes (RFC 5546 §2.1.4), used by the
 * update queries of conference-core/ and timetable/.
 */

/*
 * What the calendar entry of a block or a top-level contribution shows (exports/conference-ics.ts). An update that
 * changes one of these raises the entry's `ics_sequence` (RFC 5546 §2.1.4) in the same statement, here where every
 * write passes, so no timetable or edit path can forget it. Changes to the session, event or room an entry takes
 * its title, zone or location from raise it too (a few entries more than strictly needed: harmless).
 */
export const BLOCK_SHOWN = ["start_at", "duration_minutes", "title", "room_id", "location_text"] as const;
// block_id: leaving or entering a block adds or removes the top-level entry.
export const CONTRIBUTION_SHOWN = ["start_at", "duration_minutes", "title", "block_id"] as const;
export const SESSION_SHOWN = ["title", "room_id", "location_text"] as const;
export const EVENT_SHOWN = ["time_zone", "room_id", "location_text"] as const;
export const ROOM_SHOWN = ["venue_name", "name"] as const;

export const BUMP = { ics_sequence: sql<number>`ics_sequence + 1` };

/** SQL that is true when `patch` changes one of `fields` of the row it updates; null when it sets none of them. */
export function changes(patch: object, fields: readonly string[], table?: string): RawBuilder<boolean> | null {
  const values = patch as Record<string, unknown>;
  const set = fields.filter((f) => values[f] !== undefined);
  if (set.length === 0) return null;
  const differs = set.map((f) => sql`${sql.ref(table ? `${table}.${f}` : f)} is distinct from ${values[f]}`);
  return sql<boolean>`(${sql.join(differs, sql` or `)})`;
}

/** The `set` part raising `ics_sequence` by one when the update changes a shown field (compared with the old row). */
export function bumpWhenChanged(patch: object, fields: readonly string[]) {
  const changed = changes(patch, fields);
  return changed ? { ics_sequence: sql<number>`ics_sequence + case when ${changed} then 1 else 0 end` } : {};
}

/** True when the row `id` of `table` differs from `patch` in what `changed` compares. */
export function rowChanges(
  table: "events" | "conference_sessions" | "rooms",
  id: string,
  changed: RawBuilder<boolean>,
) {
  return sql<boolean>`exists (select 1 from ${sql.table(table)} where ${sql.ref(`${table}.id`)} = ${id} and ${changed})`;
}

/** Raises every entry whose location may come from the room (its block's, session's or event's room). */
export async function bumpEntriesInRoom(db: Db, roomId: string, when: RawBuilder<boolean>): Promise<void> {
  await db
    .updateTable("session_blocks")
    .set(BUMP)
    .where(when)
    .where((eb) =>
      eb.or([
        eb("room_id", "=", roomId),
        eb(
          "session_id",
          "in",
          eb
            .selectFrom("conference_sessions as s")
            .innerJoin("events as e", "e.id", "s.event_id")
            .select("s.id")
            .where((w) => w.or([w("s.room_id", "=", roomId), w("e.room_id", "=", roomId)])),
        ),
      ]),
    )
    .execute();
  await db
    .updateTable("contributions")
    .set(BUMP)
    .where(when)
    .where("event_id", "in", (eb) => eb.selectFrom("events").select("events.id").where("events.room_id", "=", roomId))
    .execute();
}
