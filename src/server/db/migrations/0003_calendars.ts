import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // SEQUENCE of the session's iCalendar invitations: increases with every change participants are told of.
  await db.schema
    .alterTable("community_sessions")
    .addColumn("ics_sequence", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // The Google event of each session. No foreign key: the row must outlive a deleted session until its
  // event is deleted from Google.
  await db.schema
    .createTable("calendar_links")
    .addColumn("session_id", "text", (c) => c.primaryKey())
    .addColumn("google_event_id", "text", (c) => c.notNull())
    .addColumn("synced_at", "text")
    .addColumn("last_error", "text")
    .addColumn("last_error_at", "text")
    .execute();

  // Secret address of each person's ICS feed (a capability URL, like Google's "secret address").
  await db.schema.alterTable("users").addColumn("feed_token", "text").execute();
  await db.schema.createIndex("users_feed_token").on("users").column("feed_token").unique().execute();
}
