import { type Kysely, sql } from "kysely";

/**
 * Protection of conference sessions (conferences.md, Protection; indico.md §1.3, §2.5, §4): per-session entries
 * for users with full management (`manage`), coordination (`coordinate`) or, for protected sessions, plain access
 * (`access`); the session's visibility; and the event's "Session coordinator rights", both off by default.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("session_principals")
    .addColumn("session_id", "text", (c) => c.notNull().references("conference_sessions.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // One user may hold several entries (e.g. coordinator and on the access list), each once.
    .addPrimaryKeyConstraint("session_principals_pk", ["session_id", "user_id", "role"])
    .addCheckConstraint("session_principals_role", sql`role in ('manage', 'coordinate', 'access')`)
    .execute();
  // "My sessions" and the facts of one user in one event start from the user.
  await db.schema
    .createIndex("session_principals_user")
    .on("session_principals")
    .columns(["user_id", "session_id"])
    .execute();

  await db.schema
    .alterTable("conference_sessions")
    .addColumn("protection_mode", "text", (c) =>
      c.notNull().defaultTo("inheriting").check(sql`protection_mode in ('public', 'inheriting', 'protected')`),
    )
    .execute();

  await db.schema
    .alterTable("events")
    .addColumn("coordinators_manage_contributions", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`coordinators_manage_contributions in (0, 1)`),
    )
    .execute();
  await db.schema
    .alterTable("events")
    .addColumn("coordinators_manage_blocks", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`coordinators_manage_blocks in (0, 1)`),
    )
    .execute();
}
