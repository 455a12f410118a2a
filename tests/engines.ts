import { sql } from "kysely";
import { describe } from "vitest";
import { type DbHandle, type Engine, openDb } from "../src/server/platform/db";
import { newId } from "../src/server/platform/ids";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it and requires it). */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

/** Runs the same suite once per engine, like Kysely's own tests. */
export function describeEngines(name: string, suite: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(`${name} [${engine}]`, () => suite(engine));
}

/** A fresh, empty database: in-memory SQLite, or a new PostgreSQL schema dropped on close. */
export type TestDb = DbHandle;

export async function openTestDb(
  engine: Engine,
  opts: { sqliteFile?: string; poolSize?: number } = {},
): Promise<TestDb> {
  if (engine === "sqlite") return openDb({ sqliteFile: opts.sqliteFile ?? ":memory:" });
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${newId().replaceAll("-", "").slice(0, 16)}`;
  const admin = openDb({ databaseUrl: url, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = openDb({ databaseUrl: url, pgSchema: schema, poolSize: opts.poolSize ?? 10 });
  return {
    ...handle,
    schema,
    async close() {
      await handle.close();
      const cleanup = openDb({ databaseUrl: url, poolSize: 1 });
      await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}
