import { type Kysely, sql } from "kysely";

/**
 * Role-aware waitlists (issue #15): one row per member waiting for a role of a session, kept after it is
 * resolved (accepted, declined, expired, left, removed, closed) as the record of what happened.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("community_waitlist")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull().references("community_sessions.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("probation", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("talk_title", "text")
    .addColumn("talk_description", "text")
    .addColumn("topics", "text")
    .addColumn("questions", "text")
    .addColumn("offer_token_hash", "text")
    .addColumn("offered_at", "text")
    .addColumn("offer_expires_at", "text")
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("community_waitlist_role", sql`role in ('host','presenter','interviewer','guest')`)
    .addCheckConstraint(
      "community_waitlist_status",
      sql`status in ('waiting','offered','accepted','declined','expired','left','removed','closed')`,
    )
    .execute();
  // A member is in at most one waitlist of a session at a time: the database refuses a second, whatever the
  // concurrency.
  await db.schema
    .createIndex("community_waitlist_one_live")
    .on("community_waitlist")
    .columns(["session_id", "user_id"])
    .unique()
    .where(sql<boolean>`status in ('waiting', 'offered')`)
    .execute();
  await db.schema.createIndex("community_waitlist_session").on("community_waitlist").column("session_id").execute();
  await db.schema.createIndex("community_waitlist_user").on("community_waitlist").column("user_id").execute();
  await db.schema
    .createIndex("community_waitlist_token")
    .on("community_waitlist")
    .column("offer_token_hash")
    .unique()
    .execute();
}
