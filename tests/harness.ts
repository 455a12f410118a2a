import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { signUp } from "../src/server/accounts/operations";
import { updateUser } from "../src/server/accounts/queries";
import type { Clock } from "../src/server/platform/clock";
import { loadConfig } from "../src/server/platform/config";
import type { Engine } from "../src/server/platform/db";
import { createServer, type Server } from "../src/server/server";
import { openTestDb } from "./engines";
import { type SmtpCapture, startSmtpCapture } from "./smtp";

export interface TestServer extends Server {
  smtp: SmtpCapture;
  /** A new cookie-keeping client, like one browser. */
  agent(): Agent;
  /** Delivers every due outbox row now (instead of waiting for the poller). */
  deliver(): Promise<number>;
}

export async function startTestServer(
  engine: Engine,
  opts: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const smtp = await startSmtpCapture();
  const config = {
    ...loadConfig({
      BASE_URL: "http://convene.test",
      DATA_DIR: "/tmp/convene-test-unused",
      SMTP_URL: smtp.url,
      LOG_LEVEL: "silent",
      SESSION_SECRET: "test-secret-test-secret",
      ...opts.env,
    }),
    serveWeb: false,
  };
  const dbHandle = await openTestDb(engine);
  const server = await createServer(config, { dbHandle, clock: opts.clock });
  return {
    ...server,
    smtp,
    agent: () => new Agent(server),
    deliver: () => server.worker.drain(),
    async close() {
      await server.close();
      await smtp.close();
    },
  };
}

/** Starts one server for the enclosing describe block and closes it after. */
export function useTestServer(engine: Engine, opts: Parameters<typeof startTestServer>[1] = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(engine, opts);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("test server not started");
    return server;
  };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse["headers"];
  raw: LightMyRequestResponse;
}

/** An HTTP client over app.inject that keeps cookies and sends the CSRF header, as the web app does. */
export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly server: Server) {}

  async request<T = unknown>(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    if (method !== "GET" && !this.cookies.has("convene_csrf")) await this.request("GET", "/api/v1/auth/me");
    const res = await this.server.app.inject({
      method,
      url,
      payload: payload as InjectOptions["payload"],
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(method !== "GET" ? { "x-csrf-token": this.cookies.get("convene_csrf") ?? "" } : {}),
        ...headers,
      },
    });
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    let body: unknown = text;
    if ((res.headers["content-type"] ?? "").toString().includes("json") && text) body = JSON.parse(text);
    return { status: res.statusCode, body: body as T, headers: res.headers, raw: res };
  }

  get = <T = unknown>(url: string) => this.request<T>("GET", url);
  post = <T = unknown>(url: string, body?: unknown) => this.request<T>("POST", url, body ?? {});
  patch = <T = unknown>(url: string, body?: unknown) => this.request<T>("PATCH", url, body ?? {});
  put = <T = unknown>(url: string, body?: unknown) => this.request<T>("PUT", url, body ?? {});
  delete = <T = unknown>(url: string) => this.request<T>("DELETE", url);
}

let counter = 0;
/** A unique email for this test run. */
export function uniqueEmail(prefix = "member"): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.test`;
}

export const PASSWORD = "correct horse battery staple";

/** Creates an account through the real operation and returns a signed-in agent for it. */
export async function signedInAgent(
  server: TestServer,
  opts: { admin?: boolean; staff?: boolean; premium?: boolean; name?: string | null; email?: string } = {},
): Promise<{ agent: Agent; id: string; email: string }> {
  const email = opts.email ?? uniqueEmail(opts.admin ? "admin" : "member");
  const user = await signUp(server.deps, { email, name: opts.name ?? "Test Person", password: PASSWORD });
  await updateUser(server.deps.db, user.id, {
    is_admin: opts.admin ? 1 : 0,
    is_staff: opts.staff ? 1 : 0,
    is_premium: opts.premium ? 1 : 0,
    ...(opts.name === null ? { name: null } : {}),
  });
  const agent = new Agent(server);
  const res = await agent.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, id: user.id, email };
}
