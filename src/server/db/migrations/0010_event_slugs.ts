import type { Kysely } from "kysely";
import { firstFreeSlug, slugify } from "../../../shared/slug";

/**
 * Events get a short, readable address besides their id (issue #14: `/e/open-source-days-2026`). Existing events
 * get one from their title, numbered in creation order when titles repeat; the unique index keeps them apart.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").addColumn("slug", "text").execute();
  const events = await db.selectFrom("events").select(["id", "title"]).orderBy("created_at").orderBy("id").execute();
  const taken = new Set<string>();
  for (const event of events) {
    const slug = firstFreeSlug(slugify(event.title), taken);
    taken.add(slug);
    await db.updateTable("events").set({ slug }).where("id", "=", event.id).execute();
  }
  await db.schema.createIndex("events_slug").unique().on("events").column("slug").execute();
}
