import type { Kysely } from "kysely";

/**
 * Sign-up proves the address (issue #11): an account is created only when the emailed link is followed, so a
 * sign-up waits in `sign_up_requests` (only the SHA-256 of its link's token is kept). `email_verified_at` says
 * when an account last proved its address (single sign-on will link accounts by verified email).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // Existing accounts never proved their address: they stay unverified until a reset or invitation link is used.
  await db.schema.alterTable("users").addColumn("email_verified_at", "text").execute();

  await db.schema
    .createTable("sign_up_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    // SHA-256 of a cookie given to the browser that asked: that browser confirms with one click, any other
    // needs the password chosen at sign-up.
    .addColumn("browser_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_up_requests_email").on("sign_up_requests").column("email").execute();
  await db.schema.createIndex("sign_up_requests_expires").on("sign_up_requests").column("expires_at").execute();
}
