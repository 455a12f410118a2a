import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type DbHandle, type Engine, migrateToLatest, openDb } from "../../src/server/platform/db";

const root = path.resolve(import.meta.dirname, "../..");
export const SECRET = "reliability-secret-123456";

export interface Instance {
  base: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A port the kernel just handed out as free (a random one may be an outgoing connection's ephemeral port). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built server (dist/server/main.js) as its own process and waits until it answers.
 * Between probing a port and the child binding it another socket may take it, so a start that
 * exits at once is tried again on a new port.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, await freePort());
    } catch (err) {
      if (!(err instanceof PortTaken) || attempt >= 3) throw err;
    }
  }
}

class PortTaken extends Error {}

async function startOnce(env: Record<string, string>, port: number): Promise<Instance> {
  const child = spawn(process.execPath, [path.join(root, "dist/server/main.js")], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "error",
      SESSION_SECRET: SECRET,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (stderr.includes("EADDRINUSE")) throw new PortTaken(`port ${port} was taken`);
      throw new Error(`server exited with ${child.exitCode}`);
    }
    const ok = await fetch(`${base}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > end) throw new Error("server did not become ready");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    child,
    async kill(signal = "SIGKILL") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
  };
}

/** A fresh database the server processes can open: a SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(
  engine: Engine,
): Promise<{ env: Record<string, string>; handle: DbHandle; drop(): Promise<void> }> {
  if (engine === "sqlite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-rel-"));
    const handle = openDb({ sqliteFile: path.join(dataDir, "convene.sqlite") });
    await migrateToLatest(handle.db);
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: "" },
      handle,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `convene_rel_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDb({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "convene-rel-")) },
    handle,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function csrfOf(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/me`);
  return /convene_csrf=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
}

export function asUser(token: string, csrf: string): Record<string, string> {
  return {
    cookie: `convene_session=${token}; convene_csrf=${csrf}`,
    "x-csrf-token": csrf,
    "content-type": "application/json",
  };
}

const figuresFile = path.join(root, "test-results/reliability.json");
/** Keeps the figures a run measured, for docs/reliability.md. */
export function recordFigure(name: string, value: number | string): void {
  fs.mkdirSync(path.dirname(figuresFile), { recursive: true });
  const all = fs.existsSync(figuresFile) ? JSON.parse(fs.readFileSync(figuresFile, "utf8")) : {};
  all[name] = value;
  fs.writeFileSync(figuresFile, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`figure: ${name} = ${value}`);
}
