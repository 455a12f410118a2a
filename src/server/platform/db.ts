import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { migrations } from "../db/migrations/index";
import type { Database } from "../db/schema";

export type Db = Kysely<Database>;
export type Engine = "sqlite" | "postgres";

export interface DbHandle {
  db: Db;
  engine: Engine;
  /** The PostgreSQL schema in use when not the default (tests isolate each suite in one). */
  schema?: string;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*)) as a string; Convene's counts are small, so parse them as numbers
// to match SQLite.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface OpenDbOptions {
  databaseUrl?: string;
  /** SQLite file; ":memory:" for tests. Ignored for PostgreSQL. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate each suite in its own schema). */
  pgSchema?: string;
  poolSize?: number;
}

export function openDb(opts: OpenDbOptions): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", schema: opts.pgSchema, close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ":memory:";
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: "sqlite", close: () => db.destroy() };
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

// Kysely looks for its migration tables across every schema, so a non-default schema must be named.
function migrator(db: Db, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: new StaticProvider(),
    // Features are built in parallel branches; a migration merged "before" one already applied must still run.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Applies pending migrations; safe when several instances start at once (Kysely takes a lock). */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
  const { error, results } = await migrator(db, schema).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}

/** Throws when the database does not answer. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** True when every known migration has been applied (used by /readyz). */
export async function isMigrated(db: Db, schema?: string): Promise<boolean> {
  const all = await migrator(db, schema).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

/**
 * Case-insensitive "contains" that takes % and _ literally on both engines (SQLite's LIKE has no escape
 * character unless one is declared).
 */
export function containsText(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/**
 * Locks the rows a query reads until the transaction ends, on PostgreSQL (`FOR UPDATE`, with `SKIP LOCKED`
 * to pass over rows another worker holds). SQLite runs one write transaction at a time, so there the query
 * is left as it is. The only place that writes engine-specific locking.
 */
export function lockedRows<Q extends { forUpdate(): Q; skipLocked(): Q }>(
  engine: Engine,
  query: Q,
  opts: { skipLocked?: boolean } = {},
): Q {
  if (engine !== "postgres") return query;
  const locked = query.forUpdate();
  return opts.skipLocked ? locked.skipLocked() : locked;
}
