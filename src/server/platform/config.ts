import path from "node:path";
import { z } from "zod";

/** Runtime configuration, read once from the environment (platform.md, "Running it"). */
export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  /** The sender's address (the SMTP envelope's MAIL FROM, and calendar invitations' ORGANIZER). */
  mailFrom: string;
  /** The display name MAIL_FROM gave ("Convene <noreply@…>"), or undefined: the Site Name is used. */
  mailFromName: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionSecret: string | undefined;
  googleApiRoot: string | undefined;
  googleTokenUrl: string | undefined;
  /** How often the outbox worker looks for due messages when idle. */
  outboxPollMs: number;
  /** How long a claimed outbox row stays reserved before another worker may take it over. */
  outboxLeaseMs: number;
  /** Session Updated emails wait this long, so several quick edits send one message. */
  updateNoticeDelayMs: number;
  /** Google Calendar syncs wait this long, so quick successive changes make one call. */
  calendarSyncDelayMs: number;
  /** Largest session material file accepted, in bytes (conferences.md, Materials: default 50 MB). */
  materialsMaxBytes: number;
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): false (default, the connecting address is
   * the client), true, a number of hops, or addresses/CIDRs. Without it a client could pick its own address.
   */
  trustProxy: boolean | number | string;
  /**
   * A request must arrive whole within this time (408 and the connection closed otherwise), so slow-body
   * clients cannot hold connections; headers must arrive within headersTimeoutMs.
   */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  logLevel: string;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb: boolean;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("convene@localhost").transform(parseMailFrom),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  GOOGLE_API_ROOT: z.url().optional(),
  GOOGLE_TOKEN_URL: z.url().optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  UPDATE_NOTICE_DELAY_MS: z.coerce.number().int().min(0).default(60_000),
  CALENDAR_SYNC_DELAY_MS: z.coerce.number().int().min(0).default(2_000),
  MATERIALS_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  TRUST_PROXY: z.string().optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LOG_LEVEL: z.string().default("info"),
});

/**
 * MAIL_FROM as a bare address ("noreply@example.org") or with a display name ("Convene <noreply@example.org>",
 * the common form); anything else stops the start, naming the variable.
 */
export function parseMailFrom(value: string, ctx: z.RefinementCtx): { name: string | undefined; address: string } {
  const m = /^\s*(?:"?([^"<>]*?)"?\s*)?<([^<>\s]+)>\s*$/.exec(value);
  const name = m ? m[1]?.trim() || undefined : undefined;
  const address = (m?.[2] ?? value).trim();
  // Deliberately looser than z.email(): "convene@localhost" is a fine sender on a local relay.
  if (!/^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+$/.test(address)) {
    ctx.addIssue({
      code: "custom",
      message: `must be an email address, optionally with a name: "noreply@example.org" or "Convene <noreply@example.org>" (got "${value}")`,
    });
    return z.NEVER;
  }
  return { name, address };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Reads the environment; an invalid variable stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new Error(problems.join("; "));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM.address,
    mailFromName: e.MAIL_FROM.name,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    sessionSecret: e.SESSION_SECRET,
    googleApiRoot: e.GOOGLE_API_ROOT,
    googleTokenUrl: e.GOOGLE_TOKEN_URL,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    updateNoticeDelayMs: e.UPDATE_NOTICE_DELAY_MS,
    calendarSyncDelayMs: e.CALENDAR_SYNC_DELAY_MS,
    materialsMaxBytes: e.MATERIALS_MAX_BYTES,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeoutMs: Math.min(e.HEADERS_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    serveWeb: true,
  };
}
