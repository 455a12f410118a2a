import path from "node:path";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { registerRequestContext } from "./accounts/request-context";
import { accountRoutes } from "./accounts/routes";
import { auditRoutes } from "./audit/routes";
import { feedRoutes } from "./calendars/feeds.routes";
import { googleCalendarRoutes } from "./calendars/google/routes";
import { syncSessionToGoogle } from "./calendars/google/sync";
import { GOOGLE_SYNC_KIND } from "./community-sessions/calendar-sync";
import { REMINDER_KIND, sendReminder } from "./community-sessions/reminders.operations";
import { communitySessionRoutes } from "./community-sessions/routes";
import { endLines, expireOffer, LINES_END_KIND, OFFER_EXPIRY_KIND } from "./community-sessions/waitlist.operations";
import { waitlistRoutes } from "./community-sessions/waitlist.routes";
import { contributionRoutes } from "./conferences/contributions.routes";
import { eventRoutes } from "./conferences/events.routes";
import { filesystemStorage, MATERIAL_FILE_DELETE_KIND } from "./conferences/material-storage";
import { protectionRoutes } from "./conferences/protection.routes";
import { sessionRoutes } from "./conferences/sessions.routes";
import { exportRoutes } from "./exports/routes";
import { EMAIL_KIND } from "./mail/message";
import { createMailer, type Mailer } from "./mail/transport";
import { outboxRoutes } from "./outbox/routes";
import { createOutboxWorker, type OutboxHandlers, type OutboxWorker } from "./outbox/worker";
import { type Clock, systemClock } from "./platform/clock";
import type { Config } from "./platform/config";
import { registerCsrf } from "./platform/csrf";
import { type DbHandle, migrateToLatest, openDb } from "./platform/db";
import type { Deps } from "./platform/deps";
import { healthRoutes } from "./platform/health";
import { registerHttp } from "./platform/http";
import { redactedRequest, redactLogMessages } from "./platform/log-redaction";
import { registerSecurityHeaders } from "./platform/security-headers";
import { registerWeb } from "./platform/web";
import { siteRoutes } from "./site/routes";
import { DEFAULT_SITE, instanceSecret, readSite } from "./site/settings";
import { timetableRoutes } from "./timetable/routes";

export interface Server {
  app: FastifyInstance;
  /** Every route registered, as "METHOD /url" (the OpenAPI completeness test walks it). */
  routes: string[];
  deps: Deps;
  worker: OutboxWorker;
  mailer: Mailer;
  close(): Promise<void>;
}

export interface ServerOptions {
  clock?: Clock;
  /** Use this database instead of opening one from the config (tests). */
  dbHandle?: DbHandle;
  webDir?: string;
  /** Where the log goes instead of standard output (tests read it). */
  logStream?: { write(line: string): void };
}

/** Opens the database, migrates it and assembles the HTTP app and the outbox worker (not yet listening). */
export async function createServer(config: Config, opts: ServerOptions = {}): Promise<Server> {
  const handle =
    opts.dbHandle ??
    openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "convene.sqlite") });
  await migrateToLatest(handle.db, handle.schema);

  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: { req: redactedRequest },
      hooks: { logMethod: redactLogMessages },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    // Slow clients cannot hold connections: a request must arrive whole in time (408 otherwise). Node checks
    // these only every connectionsCheckingInterval, so it is kept well below the request timeout.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(config.headersTimeoutMs / 4))),
    },
    // A hop count trusts that many proxies nearest to us.
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  const deps: Deps = {
    db: handle.db,
    engine: handle.engine,
    schema: handle.schema,
    config,
    clock: opts.clock ?? systemClock,
    log: app.log,
  };

  // The sender name follows the Site Name; read it at most once a minute.
  let siteName = DEFAULT_SITE.siteName;
  let siteNameReadAt = 0;
  const mailer = createMailer(config, () => siteName);
  // Session material files; an object-storage implementation of the same interface can replace it.
  const materials = filesystemStorage(path.join(config.dataDir, "materials"));
  const worker = createOutboxWorker(deps, {
    [EMAIL_KIND]: async (payload) => {
      if (Date.now() - siteNameReadAt > 60_000) {
        siteName = (await readSite(deps.db)).siteName;
        siteNameReadAt = Date.now();
      }
      await mailer.send(payload);
    },
    [GOOGLE_SYNC_KIND]: (payload) => syncSessionToGoogle(deps, payload.sessionId),
    [MATERIAL_FILE_DELETE_KIND]: (payload) => materials.delete(payload.key),
    [REMINDER_KIND]: (payload) => sendReminder(deps, payload),
    [OFFER_EXPIRY_KIND]: (payload) => expireOffer(deps, payload),
    [LINES_END_KIND]: (payload) => endLines(deps, payload),
  } satisfies OutboxHandlers);

  const routes: string[] = [];
  app.addHook("onRoute", (r) => {
    for (const m of [r.method].flat()) if (m !== "HEAD") routes.push(`${m} ${r.url}`);
  });

  await registerSecurityHeaders(app, { https: config.baseUrl.startsWith("https://") });
  await app.register(cookie);
  registerCsrf(app, {
    secret: await instanceSecret(handle.db, config.sessionSecret),
    baseUrl: config.baseUrl,
    secure: config.baseUrl.startsWith("https://"),
  });
  registerRequestContext(app, deps);
  // A write that answered has committed: wake this instance's worker so its emails go out now rather than at
  // the next poll (other instances still find them by polling).
  app.addHook("onResponse", async (req, reply) => {
    if (req.method !== "GET" && req.method !== "HEAD" && reply.statusCode < 400) worker.nudge();
  });
  await registerHttp(app);

  // The table of contents of the API: every feature's routes, in one explicit list.
  await app.register(healthRoutes(deps));
  await app.register(siteRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(communitySessionRoutes(deps));
  await app.register(waitlistRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(sessionRoutes(deps, materials));
  await app.register(timetableRoutes(deps));
  await app.register(contributionRoutes(deps));
  await app.register(protectionRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(googleCalendarRoutes(deps));
  await app.register(feedRoutes(deps));
  await app.register(outboxRoutes(deps, mailer.mode));
  await app.register(auditRoutes(deps));

  if (config.serveWeb) await registerWeb(app, opts.webDir ?? path.resolve("dist/web"));
  else await registerWeb(app, "/nonexistent");

  return {
    app,
    routes,
    deps,
    worker,
    mailer,
    async close() {
      await worker.stop();
      await app.close();
      mailer.close();
      await handle.close();
    },
  };
}
