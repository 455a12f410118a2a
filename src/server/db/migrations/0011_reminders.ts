import type { Kysely } from "kysely";

/**
 * Reminders before a community session (issue #15): a session may replace the site's reminder times with its own
 * (`reminder_minutes`, a JSON list of minutes before the start; null: the site's), and each reminder that went
 * to a participant is written down in the transaction that queues its email, so a reminder is sent once however
 * often its fan-out runs (a crash between the two, two instances).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("community_sessions").addColumn("reminder_minutes", "text").execute();
  await db.schema
    .createTable("community_reminders_sent")
    .addColumn("session_id", "text", (c) => c.notNull().references("community_sessions.id").onDelete("cascade"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("minutes_before", "integer", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("community_reminders_sent_pk", ["session_id", "starts_at", "minutes_before", "user_id"])
    .execute();
}
