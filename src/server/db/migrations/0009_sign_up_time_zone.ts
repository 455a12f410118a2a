import type { Kysely } from "kysely";

/**
 * A sign-up keeps the time zone chosen on the form (the browser's, editable) until its link creates the account
 * (issue #13): emails then show times in the member's own zone from the first one on.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sign_up_requests").addColumn("time_zone", "text").execute();
}
