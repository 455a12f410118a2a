import type { Insertable, Selectable, Updateable } from "kysely";
import type { UsersTable } from "../db/schema";
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
