import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { type SmtpCapture, startSmtpCapture } from "../tests/smtp";

export { expect };

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_ENTRY = path.join(ROOT, "dist/server/main.js");
const AXE_SCRIPT = path.join(ROOT, "node_modules/axe-core/axe.min.js");

/** A password that passes the server's rules (length, not common, not the email). */
export const PASSWORD = "Orchard-lantern-42";

export interface RunningServer {
  baseUrl: string;
  smtp: SmtpCapture;
  /** The admin created from ADMIN_EMAIL/ADMIN_PASSWORD at start, or null when started without one. */
  admin: { email: string; password: string } | null;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server was not ready after ${timeoutMs} ms:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs a repository script (`npx tsx <script>`) against a data directory, as an operator would before starting
 * the server: the same environment the server gets, DATA_DIR pointing there.
 */
function runSeedScript(script: string, dataDir: string, adminEnv: Record<string, string>): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ...adminEnv, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [script], { cwd: ROOT, env, stdio: "pipe", timeout: 120_000 });
}

/**
 * Starts the built server (`node dist/server/main.js`) as a real process: its own port, a fresh SQLite data
 * directory, mail to a real SMTP capture, and the outbox polled every 100 ms.
 */
async function startServer(
  withAdmin: boolean,
  seedScript?: string,
): Promise<{ server: RunningServer; close(): Promise<void> }> {
  if (!fs.existsSync(SERVER_ENTRY) || !fs.existsSync(path.join(ROOT, "dist/web/index.html"))) {
    throw new Error("dist/ is missing: run `npm run build` before the end-to-end tests.");
  }
  const smtp = await startSmtpCapture();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-e2e-"));
  const admin = withAdmin ? { email: `admin-${randomUUID().slice(0, 8)}@example.com`, password: PASSWORD } : null;
  // The seed runs as the admin the server is configured with, who then manages what it seeded.
  if (seedScript)
    runSeedScript(seedScript, dataDir, admin ? { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } : {});

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["DATABASE_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SESSION_SECRET", "MAIL_FROM"]) delete env[key];
  Object.assign(env, {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    OUTBOX_POLL_MS: "100",
    LOG_LEVEL: "warn",
    ...(admin ? { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } : {}),
  });

  const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const output = () => out;

  const close = async () => {
    await stop(child);
    await smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, output);
  } catch (err) {
    await close();
    throw err;
  }
  return { server: { baseUrl, smtp, admin, output }, close };
}

interface WorkerFixtures {
  /** Start the server with ADMIN_EMAIL/ADMIN_PASSWORD (default) or without (first-admin setup link). */
  withAdmin: boolean;
  /** A script (e.g. "scripts/seed-conference.ts") run on the server's empty DATA_DIR before it starts. */
  seedScript: string | undefined;
  server: RunningServer;
}

export const test = base.extend<object, WorkerFixtures>({
  withAdmin: [true, { scope: "worker", option: true }],
  seedScript: [undefined, { scope: "worker", option: true }],
  server: [
    async ({ withAdmin, seedScript }, use) => {
      const { server, close } = await startServer(withAdmin, seedScript);
      await use(server);
      await close();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.baseUrl);
  },
  // The app must run under its Content-Security-Policy: any violation on any page of a journey fails it.
  context: async ({ context }, use) => {
    const violations: string[] = [];
    context.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(`${m.page()?.url()}: ${m.text()}`);
    });
    await use(context);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
});

/** A fresh email address for one test, so tests sharing a server never meet. */
export function uniqueEmail(prefix = "member"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * Runs axe-core on the page as it is now (WCAG 2.0/2.1/2.2 A and AA rules) and fails with a readable list of
 * violations. Call it once a page has shown its content.
 */
export async function expectNoA11yViolations(page: Page, what?: string): Promise<void> {
  // Let transitions (menus, notifications) settle so colours are measured as the user sees them.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  // Evaluated through the debugging protocol: an injected <script> would be (rightly) refused by our CSP.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(fs.readFileSync(AXE_SCRIPT, "utf8"));
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return (
      result.violations as {
        id: string;
        impact: string;
        help: string;
        helpUrl: string;
        nodes: { target: string[]; failureSummary: string }[];
      }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
  });
  const report = violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replaceAll("\n", "\n      ")}`).join("\n"),
    )
    .join("\n");
  expect(violations.length, `Accessibility violations on ${what ?? page.url()}:\n${report}`).toBe(0);
}

/** Waits for the first email to `address` whose subject matches, and returns it. */
export async function waitForEmail(smtp: SmtpCapture, address: string, subject: RegExp): Promise<ParsedMail> {
  const match = () => smtp.to(address).find((m) => subject.test(m.subject ?? ""));
  await smtp.waitFor(() => match() !== undefined, 15_000);
  return match()!;
}

/** The first link in the email's plain text that goes to `pathname` on the server. */
export function linkIn(mail: ParsedMail, pathname: string): string {
  const links = (mail.text ?? "").match(/https?:\/\/\S+/g) ?? [];
  const link = links.find((l) => new URL(l).pathname === pathname);
  if (!link) throw new Error(`No ${pathname} link in the email:\n${mail.text}`);
  return link;
}

/** The first link in the email's plain text to a path under `prefix` (a token in the path: `/offers/<token>`). */
export function linkUnder(mail: ParsedMail, prefix: string): string {
  const links = (mail.text ?? "").match(/https?:\/\/\S+/g) ?? [];
  const link = links.find((l) => new URL(l).pathname.startsWith(prefix));
  if (!link) throw new Error(`No ${prefix}… link in the email:\n${mail.text}`);
  return link;
}

/**
 * Calls the API as a fresh client would: takes the CSRF cookie from a first GET and sends it back as the
 * x-csrf-token header. For setting up data a journey starts from, not for the journey itself.
 */
export async function callApi<T>(baseUrl: string, method: "POST" | "PATCH", pathname: string, body: unknown) {
  const first = await fetch(`${baseUrl}/api/v1/site`);
  const cookies = first.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
  const csrf = cookies.find((c) => c.startsWith("convene_csrf="))?.slice("convene_csrf=".length);
  if (!csrf) throw new Error("The server set no convene_csrf cookie");
  const res = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: {
      "content-type": "application/json",
      cookie: cookies.join("; "),
      "x-csrf-token": decodeURIComponent(csrf),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathname} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Signs up through the API and follows the emailed link, as another client than the one that signed up (so with
 * the password): the account exists only after that.
 */
export async function signUpApi(server: RunningServer, member: { name: string; email: string; password: string }) {
  await callApi(server.baseUrl, "POST", "/api/v1/auth/sign-up", member);
  const mail = await waitForEmail(server.smtp, member.email, /Confirm your email/);
  const token = new URL(linkIn(mail, "/confirm-email")).searchParams.get("token");
  await callApi(server.baseUrl, "POST", "/api/v1/auth/sign-up/confirm", { token, password: member.password });
}

/** Signs up a member through the API and returns their credentials. */
export async function createMember(server: RunningServer, name: string) {
  const member = { name, email: uniqueEmail(), password: PASSWORD };
  await signUpApi(server, member);
  return member;
}

/** Signs in through the sign-in page and waits until the header greets the user. */
export async function signIn(page: Page, who: { email: string; password: string }, name: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${name}`);
}
