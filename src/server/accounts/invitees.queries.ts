import type { Insertable } from "kysely";
import type { PasswordResetsTable, UsersTable } from "../db/schema";
import type { Db } from "../platform/db";

/** A new account for an invited address (no password yet). */
export async function insertInvitee(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

/** The invitation's link to set a password: a password reset row, of which only the token's hash is kept. */
export async function insertInvitationLink(db: Db, row: Insertable<PasswordResetsTable>): Promise<void> {
  await db.insertInto("password_resets").values(row).execute();
}
