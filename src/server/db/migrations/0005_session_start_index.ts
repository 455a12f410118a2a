import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // The member home lists sessions by start time from "now": an index on the start lets it read 50 rows
  // instead of sorting every upcoming session.
  await db.schema
    .createIndex("community_sessions_starts")
    .on("community_sessions")
    .columns(["starts_at", "id"])
    .execute();
  // Slot counts per session and role for a page of cards, answered from the index alone.
  await db.schema
    .createIndex("community_participants_counts")
    .on("community_participants")
    .columns(["session_id", "status", "role"])
    .execute();
}
