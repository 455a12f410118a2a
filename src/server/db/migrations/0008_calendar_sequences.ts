import type { Kysely } from "kysely";

/**
 * The iCalendar SEQUENCE of conference entries as a stored counter (issue #11, item 12), as community sessions keep
 * theirs: a session block and a contribution each count the changes a calendar shows (start, end, title, location).
 * Until now SEQUENCE was derived from the latest `updated_at` of the block and what it held, in seconds since
 * 2024; it could fall when a contribution left the block. Each counter starts from what the feeds last said, so
 * no subscriber ever sees it go down.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["session_blocks", "contributions"]) {
    await db.schema
      .alterTable(table)
      .addColumn("ics_sequence", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
  }

  // The old SEQUENCE: seconds from 2024-01-01 to the latest update of the entry or of anything inside it.
  const seconds = (iso: string) => Math.max(0, Math.floor((Date.parse(iso) - Date.UTC(2024, 0, 1)) / 1000) || 0);
  const latest = new Map<string, number>();
  const raise = (id: string, iso: string) => latest.set(id, Math.max(latest.get(id) ?? 0, seconds(iso)));
  const blocks = await db.selectFrom("session_blocks").select(["id", "updated_at"]).execute();
  for (const b of blocks) raise(b.id, b.updated_at);
  for (const table of ["contributions", "breaks"]) {
    const inside = await db
      .selectFrom(table)
      .select(["block_id", "updated_at"])
      .where("block_id", "is not", null)
      .execute();
    for (const r of inside) if (latest.has(r.block_id)) raise(r.block_id, r.updated_at);
  }
  for (const [id, sequence] of latest) {
    if (sequence > 0)
      await db.updateTable("session_blocks").set({ ics_sequence: sequence }).where("id", "=", id).execute();
  }
  const contributions = await db.selectFrom("contributions").select(["id", "updated_at"]).execute();
  for (const c of contributions) {
    const sequence = seconds(c.updated_at);
    if (sequence > 0)
      await db.updateTable("contributions").set({ ics_sequence: sequence }).where("id", "=", c.id).execute();
  }
}
