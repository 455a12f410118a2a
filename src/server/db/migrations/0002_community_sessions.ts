import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("community_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("starts_at", "text")
    .addColumn("ends_at", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("meeting_url", "text")
    .addColumn("meeting_password", "text")
    .addColumn("max_presenters", "integer", (c) => c.notNull())
    .addColumn("max_guests", "integer", (c) => c.notNull())
    .addColumn("talk_minutes", "integer", (c) => c.notNull())
    .addColumn("qa_minutes", "integer", (c) => c.notNull())
    .addColumn("has_interviewer", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("community_sessions_status", sql`status in ('draft','open','full','closed','cancelled')`)
    .addCheckConstraint(
      "community_sessions_counts",
      sql`max_presenters >= 0 and max_guests >= 0 and duration_minutes > 0`,
    )
    .execute();
  await db.schema
    .createIndex("community_sessions_ends")
    .on("community_sessions")
    .columns(["ends_at", "starts_at"])
    .execute();

  await db.schema
    .createTable("community_participants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull().references("community_sessions.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("presenter_order", "integer")
    .addColumn("talk_title", "text")
    .addColumn("talk_description", "text")
    .addColumn("topics", "text")
    .addColumn("questions", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("community_participants_role", sql`role in ('host','presenter','interviewer','guest')`)
    .addCheckConstraint(
      "community_participants_status",
      sql`status in ('registered','confirmed','attended','no_show','cancelled')`,
    )
    .execute();
  // One active registration per member per session, and at most one active host and one active interviewer:
  // the database refuses what the rules refuse, whatever the concurrency.
  await db.schema
    .createIndex("community_participants_one_active")
    .on("community_participants")
    .columns(["session_id", "user_id"])
    .unique()
    .where(sql<boolean>`status <> 'cancelled'`)
    .execute();
  await db.schema
    .createIndex("community_participants_single_roles")
    .on("community_participants")
    .columns(["session_id", "role"])
    .unique()
    .where(sql<boolean>`status <> 'cancelled' and role in ('host', 'interviewer')`)
    .execute();
  await db.schema.createIndex("community_participants_user").on("community_participants").column("user_id").execute();

  // Pending messages with the same key replace each other (e.g. several quick edits send one update).
  await db.schema.alterTable("outbox").addColumn("coalesce_key", "text").execute();
  await db.schema.createIndex("outbox_coalesce").on("outbox").columns(["coalesce_key", "status"]).execute();
}
