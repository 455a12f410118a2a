import type { Kysely } from "kysely";

/**
 * After a community session (issue #15): its recording link and notes, and when it was wrapped up (the
 * follow-up email goes once, the first time).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("community_sessions").addColumn("recording_url", "text").execute();
  await db.schema.alterTable("community_sessions").addColumn("wrap_up_notes", "text").execute();
  await db.schema.alterTable("community_sessions").addColumn("wrapped_up_at", "text").execute();
}
