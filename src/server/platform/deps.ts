import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Db, Engine } from "./db";

/** What operations need from the outside world; passed explicitly, never read from globals. */
export interface Deps {
  db: Db;
  engine: Engine;
  /** PostgreSQL schema when not the default one. */
  schema?: string;
  config: Config;
  clock: Clock;
  log: FastifyBaseLogger;
}
