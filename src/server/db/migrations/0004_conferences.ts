import { type Kysely, sql } from "kysely";

/**
 * Conference events and their sessions, the Indico model (conferences.md; indico.md §1): events and their
 * managers, the room directory, session types, sessions, blocks with conveners, contributions with speakers,
 * breaks and session materials. The database enforces what it can: foreign keys with the cascades of §2.1–§2.2,
 * durations of whole minutes from 1 to 24 h, a block belonging to the contribution's own session (compound key,
 * indico.md §1.7), and §1.11 invariant 1 (a session's contribution is scheduled only inside a block). The rest of
 * §1.11 (times inside blocks and the event) needs the timetable rules, which every operation runs in its
 * transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const duration = (column: string) => sql.raw(`${column} > 0 and ${column} <= 1440`);

  await db.schema
    .createTable("rooms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("venue_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("capacity", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("rooms_capacity", sql`capacity is null or capacity >= 0`)
    .execute();
  // One room of a name per venue, ignoring case: a directory with "Aula" and "aula" helps nobody.
  await sql`create unique index rooms_venue_name on rooms (lower(venue_name), lower(name))`.execute(db);

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("start_at", "text", (c) => c.notNull())
    .addColumn("end_at", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("room_id", "text", (c) => c.references("rooms.id").onDelete("set null"))
    .addColumn("location_text", "text")
    .addColumn("default_contribution_minutes", "integer", (c) => c.notNull().defaultTo(20))
    .addColumn("timetable_published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("events_window", sql`end_at > start_at`)
    .addCheckConstraint("events_default_duration", duration("default_contribution_minutes"))
    .addCheckConstraint("events_published_flag", sql`timetable_published in (0, 1)`)
    .addCheckConstraint("events_one_location", sql`room_id is null or location_text is null`)
    .execute();
  await db.schema.createIndex("events_start").on("events").columns(["start_at", "id"]).execute();

  await db.schema
    .createTable("event_managers")
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_managers_pk", ["event_id", "user_id"])
    .execute();
  await db.schema.createIndex("event_managers_user").on("event_managers").column("user_id").execute();

  await db.schema
    .createTable("session_types")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_poster", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("session_types_poster_flag", sql`is_poster in (0, 1)`)
    .execute();
  // Unique per event ignoring case (indico.md §1.4), on both engines.
  await sql`create unique index session_types_event_name on session_types (event_id, lower(name))`.execute(db);

  await db.schema
    .createTable("conference_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    // Deleting a type leaves its sessions without a type (conferences.md, Session types).
    .addColumn("type_id", "text", (c) => c.references("session_types.id").onDelete("set null"))
    .addColumn("default_contribution_minutes", "integer", (c) => c.notNull())
    .addColumn("room_id", "text", (c) => c.references("rooms.id").onDelete("set null"))
    .addColumn("location_text", "text")
    .addColumn("text_color", "text", (c) => c.notNull())
    .addColumn("background_color", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("conference_sessions_default_duration", duration("default_contribution_minutes"))
    .addCheckConstraint("conference_sessions_one_location", sql`room_id is null or location_text is null`)
    .addCheckConstraint("conference_sessions_colours", sql`length(text_color) = 7 and length(background_color) = 7`)
    .execute();
  await db.schema.createIndex("conference_sessions_event").on("conference_sessions").column("event_id").execute();
  await db.schema.createIndex("conference_sessions_type").on("conference_sessions").column("type_id").execute();

  await db.schema
    .createTable("session_blocks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull().references("conference_sessions.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("start_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("room_id", "text", (c) => c.references("rooms.id").onDelete("set null"))
    .addColumn("location_text", "text")
    .addColumn("display_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("session_blocks_duration", duration("duration_minutes"))
    .addCheckConstraint("session_blocks_one_location", sql`room_id is null or location_text is null`)
    .execute();
  // Target of the contributions' compound key (block, session): a block of the contribution's own session.
  await db.schema
    .createIndex("session_blocks_id_session")
    .on("session_blocks")
    .columns(["id", "session_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("session_blocks_session")
    .on("session_blocks")
    .columns(["session_id", "start_at"])
    .execute();

  await db.schema
    .createTable("block_conveners")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("block_id", "text", (c) => c.notNull().references("session_blocks.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("affiliation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("email", "text")
    .addColumn("display_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("block_conveners_block").on("block_conveners").column("block_id").execute();

  await db.schema
    .createTable("contributions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.references("conference_sessions.id").onDelete("set null"))
    .addColumn("block_id", "text")
    // Null = unscheduled.
    .addColumn("start_at", "text")
    .addColumn("board_number", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    // No action on delete: deleting a block must unschedule its contributions first (indico.md §2.2), and a
    // forgotten step fails loudly instead of silently dropping the contribution's session.
    .addForeignKeyConstraint("contributions_block_of_session", ["block_id", "session_id"], "session_blocks", [
      "id",
      "session_id",
    ])
    .addCheckConstraint("contributions_duration", duration("duration_minutes"))
    .addCheckConstraint("contributions_block_needs_session", sql`block_id is null or session_id is not null`)
    .addCheckConstraint("contributions_block_needs_start", sql`block_id is null or start_at is not null`)
    // §1.11 invariant 1: a scheduled contribution of a session sits in one of its blocks, never at top level.
    .addCheckConstraint(
      "contributions_session_in_block",
      sql`start_at is null or session_id is null or block_id is not null`,
    )
    .execute();
  await db.schema.createIndex("contributions_event").on("contributions").columns(["event_id", "start_at"]).execute();
  await db.schema.createIndex("contributions_session").on("contributions").column("session_id").execute();
  await db.schema.createIndex("contributions_block").on("contributions").column("block_id").execute();

  await db.schema
    .createTable("contribution_speakers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contribution_id", "text", (c) => c.notNull().references("contributions.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("affiliation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("email", "text")
    .addColumn("display_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("contribution_speakers_contribution")
    .on("contribution_speakers")
    .column("contribution_id")
    .execute();

  await db.schema
    .createTable("breaks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    // Deleting a block deletes the breaks inside it (indico.md §2.2).
    .addColumn("block_id", "text", (c) => c.references("session_blocks.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("start_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("text_color", "text", (c) => c.notNull())
    .addColumn("background_color", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    // Quirk §8.8 done right: a break lasts at least a minute, like everything else.
    .addCheckConstraint("breaks_duration", duration("duration_minutes"))
    .addCheckConstraint("breaks_colours", sql`length(text_color) = 7 and length(background_color) = 7`)
    .execute();
  await db.schema.createIndex("breaks_event").on("breaks").columns(["event_id", "start_at"]).execute();
  await db.schema.createIndex("breaks_block").on("breaks").column("block_id").execute();

  await db.schema
    .createTable("materials")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull().references("conference_sessions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("storage_key", "text")
    .addColumn("size_bytes", "integer")
    .addColumn("content_type", "text")
    .addColumn("uploaded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "materials_kind",
      sql`(kind = 'file' and storage_key is not null and url is null and size_bytes is not null and content_type is not null)
        or (kind = 'link' and url is not null and storage_key is null)`,
    )
    .execute();
  await db.schema.createIndex("materials_session").on("materials").columns(["session_id", "created_at"]).execute();
}
