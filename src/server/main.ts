import { ensureFirstAdmin } from "./accounts/bootstrap";
import { loadConfig } from "./platform/config";
import { createServer } from "./server";

const startedAt = performance.now();

/** Start-up problems (bad configuration, database unreachable, port taken) end the process with one clear line. */
function fail(what: string, err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`Convene could not start: ${what}: ${message}`);
  process.exit(1);
}

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    return fail("the configuration is invalid", err);
  }
})();
const server = await createServer(config).catch((err) => fail("the database could not be opened or migrated", err));
const first = await ensureFirstAdmin(server.deps).catch((err) =>
  fail("the first admin from ADMIN_EMAIL/ADMIN_PASSWORD could not be created (check ADMIN_PASSWORD)", err),
);
await server.app
  .listen({ port: config.port, host: config.host })
  .catch((err) => fail(`port ${config.port} is not available`, err));
server.worker.start();

const engine = server.deps.engine === "postgres" ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
const lines = [
  "",
  `Convene is running at ${config.baseUrl} (database: ${engine}; ready in ${Math.round(performance.now() - startedAt)} ms)`,
  config.smtpUrl
    ? "Email: sent through SMTP_URL."
    : `Email: no SMTP_URL, so messages are written to ${config.dataDir}/mail and listed under Admin > Mail.`,
];
if (first.kind === "created" || first.kind === "promoted") {
  lines.push(`First admin: sign in at ${config.baseUrl}/sign-in as ${first.email} with ADMIN_PASSWORD.`);
} else if (first.kind === "setup-link") {
  lines.push(`No admin yet. Open this one-time link to create the first admin account:\n  ${first.url}`);
}
console.log(`${lines.join("\n")}\n`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  server.app.log.info({ signal }, "shutting down");
  await server.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
