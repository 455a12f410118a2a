import type { Insertable, Selectable, Updateable } from "kysely";
import type { PasswordResetsTable, SignUpRequestsTable, UsersTable } from "../db/schema";
import { containsText, type Db, type Engine, lockedRows } from "../platform/db";

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable("users").set(patch).where("id", "=", id).execute();
}

/**
 * Locks the rows of the active admins (PostgreSQL) and counts them: two admins removing each other at the
 * same moment then wait for one another, and the second sees the first's change. SQLite runs one write
 * transaction at a time already.
 */
export async function lockActiveAdmins(tx: Db, engine: Engine): Promise<number> {
  const q = tx
    .selectFrom("users")
    .select("id")
    .where("is_admin", "=", 1)
    .where("deactivated_at", "is", null)
    .orderBy("id");
  const rows = await lockedRows(engine, q).execute();
  return rows.length;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("is_admin", "=", 1)
    .where("deactivated_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(
  db: Db,
  q: { search?: string; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  let base = db.selectFrom("users");
  if (q.search) {
    const search = q.search;
    base = base.where((eb) => eb.or([containsText("name", search), containsText("email", search)]));
  }
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy("created_at", "desc").orderBy("id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// ---------------------------------------------------------------- password reset and invitation links

export async function insertPasswordReset(db: Db, row: Insertable<PasswordResetsTable>): Promise<void> {
  await db.insertInto("password_resets").values(row).execute();
}

export function findPasswordReset(db: Db, id: string) {
  return db.selectFrom("password_resets").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Marks a link used in the statement that checks it is unused: two concurrent uses cannot both succeed. */
export async function usePasswordReset(db: Db, id: string, now: string): Promise<boolean> {
  const used = await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export async function retirePasswordResets(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

// ---------------------------------------------------------------- sign-ups waiting for their emailed link

export type SignUpRequestRow = Selectable<SignUpRequestsTable>;

export async function insertSignUpRequest(db: Db, row: SignUpRequestRow): Promise<void> {
  await db.insertInto("sign_up_requests").values(row).execute();
}

export function findSignUpRequest(db: Db, id: string): Promise<SignUpRequestRow | undefined> {
  return db.selectFrom("sign_up_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Deletes every waiting sign-up of the address and returns their ids. Confirming one takes them all: the link
 * works once, the others die with it, and two links confirmed at the same moment cannot both create an account
 * (PostgreSQL makes the second wait on the first's row locks, then find nothing).
 */
export async function takeSignUpRequests(db: Db, email: string): Promise<string[]> {
  const rows = await db.deleteFrom("sign_up_requests").where("email", "=", email).returning("id").execute();
  return rows.map((r) => r.id);
}

export async function deleteExpiredSignUpRequests(db: Db, now: string): Promise<void> {
  await db.deleteFrom("sign_up_requests").where("expires_at", "<=", now).execute();
}
