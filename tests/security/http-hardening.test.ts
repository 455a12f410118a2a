// What an attacker tries on the HTTP layer itself: framing the app, sniffing types, deeply nested JSON that
// blocks the event loop, a body sent one byte at a time, and reading secrets out of the logs.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/platform/config";
import { createServer, type Server } from "../../src/server/server";
import { describeEngines, openTestDb } from "../engines";
import { useTestServer } from "../harness";

const HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectBrowserDefences(headers: Record<string, unknown>, what: string) {
  for (const [name, value] of Object.entries(HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value);
  const csp = String(headers["content-security-policy"] ?? "");
  expect(csp, `CSP on ${what}`).toContain("frame-ancestors 'none'");
  expect(csp, `CSP on ${what}`).toMatch(/script-src 'self'(;|$)/);
  expect(csp, `CSP on ${what}`).not.toContain("unsafe-eval");
}

/** A server serving a small built web app from a temporary folder, as production does. */
async function serverWithWeb(env: Record<string, string>): Promise<Server & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Convene</title><div id=root></div>");
  fs.writeFileSync(path.join(dir, "assets", "app.js"), "console.log(1)");
  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dir, ...env });
  const server = await createServer(config, { dbHandle: await openTestDb("sqlite"), webDir: dir });
  return Object.assign(server, { dir });
}

describe("Browser security headers", () => {
  it("are on every response: pages, API, assets, errors and /api/docs", async () => {
    const server = await serverWithWeb({ BASE_URL: "http://convene.test" });
    try {
      for (const url of ["/", "/sessions/x", "/assets/app.js", "/api/v1/site", "/api/v1/nope", "/api/docs/"]) {
        const res = await server.app.inject({ method: "GET", url });
        expect(res.statusCode, url).toBeLessThan(500);
        expectBrowserDefences(res.headers, url);
        // Over plain http (a laptop, a test) HSTS would be meaningless or harmful.
        expect(res.headers["strict-transport-security"], url).toBeUndefined();
      }
      const post = await server.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: {} });
      expectBrowserDefences(post.headers, "a refused POST");
    } finally {
      await server.close();
    }
  });

  it("add Strict-Transport-Security when BASE_URL is https", async () => {
    const server = await serverWithWeb({ BASE_URL: "https://convene.example.org" });
    try {
      for (const url of ["/", "/api/v1/site"]) {
        const res = await server.app.inject({ method: "GET", url });
        expect(res.headers["strict-transport-security"], url).toMatch(/max-age=\d{7,}/);
      }
    } finally {
      await server.close();
    }
  });
});

describeEngines("Hostile request bodies", (engine) => {
  const server = useTestServer(engine);

  it("refuses JSON nested 10,000 levels with 400 'too deeply nested', quickly, and the server keeps answering", async () => {
    const agent = server().agent();
    for (const body of [
      "[".repeat(10_000) + "]".repeat(10_000),
      `{"a":${'{"a":'.repeat(10_000)}1${"}".repeat(10_001)}`,
    ]) {
      const started = performance.now();
      const res = await agent.request<{ error: { code: string; message: string } }>(
        "POST",
        "/api/v1/auth/sign-in",
        body,
        { "content-type": "application/json" },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("too_deeply_nested");
      expect(res.body.error.message).toMatch(/too deeply nested/);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    expect((await agent.get("/api/v1/site")).status).toBe(200);
  });

  it("reads a 1 MB body of ordinary nesting and still finds a NUL character at its end", async () => {
    const agent = server().agent();
    const filler = Array.from({ length: 20_000 }, (_, i) => ({ k: `value ${i}`, n: [i, i + 1] }));
    const payload = JSON.stringify({ email: "a@example.test", password: "x", filler: [...filler, "end\u0000"] });
    expect(payload.length).toBeGreaterThan(500_000);
    const res = await agent.request<{ error: { code: string; fields: Record<string, string> } }>(
      "POST",
      "/api/v1/auth/sign-in",
      payload,
      { "content-type": "application/json" },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ "filler.20000": "must not contain NUL characters" });
  });

  it("refuses prototype poisoning", async () => {
    const res = await server().agent().request("POST", "/api/v1/auth/sign-in", '{"__proto__":{"isAdmin":true}}', {
      "content-type": "application/json",
    });
    expect(res.status).toBe(400);
  });
});

/** Opens a raw connection, sends `head` and then nothing more; resolves with what the server sent and when. */
function holdConnection(port: number, head: string): Promise<{ answer: string; afterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head));
    let answer = "";
    socket.on("data", (d) => {
      answer += d.toString();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve({ answer, afterMs: Date.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error("the server held the connection for 10 s"));
    }, 10_000);
  });
}

describe("Slow clients", () => {
  it("a body that never finishes is cut off with 408 after REQUEST_TIMEOUT_MS; slow headers after HEADERS_TIMEOUT_MS", async () => {
    const config = {
      ...loadConfig({ LOG_LEVEL: "silent", REQUEST_TIMEOUT_MS: "1000", HEADERS_TIMEOUT_MS: "600" }),
      serveWeb: false,
    };
    expect(config.headersTimeoutMs).toBe(600);
    const server = await createServer(config, { dbHandle: await openTestDb("sqlite") });
    try {
      await server.app.listen({ port: 0, host: "127.0.0.1" });
      const port = (server.app.server.address() as net.AddressInfo).port;
      // A well-formed request (CSRF cookie and header) so that the server waits for the body.
      const first = await fetch(`http://127.0.0.1:${port}/api/v1/site`);
      const csrf = (first.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
      const body = await holdConnection(
        port,
        `POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nCookie: ${csrf}\r\nX-CSRF-Token: ${decodeURIComponent(csrf.split("=")[1] ?? "")}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      );
      expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(body.afterMs).toBeGreaterThanOrEqual(900);
      expect(body.afterMs).toBeLessThan(5_000);
      const headers = await holdConnection(port, "GET /api/v1/site HTTP/1.1\r\nHost: x\r\n");
      expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(headers.afterMs).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });
});

describe("Logs", () => {
  it("never contain personal feed tokens or the token of a reset or invitation link", async () => {
    const lines: string[] = [];
    const config = { ...loadConfig({ LOG_LEVEL: "info", BASE_URL: "http://convene.test" }), serveWeb: false };
    const server = await createServer(config, {
      dbHandle: await openTestDb("sqlite"),
      logStream: { write: (line) => lines.push(line) },
    });
    const feedToken = "feedSECRETfeedSECRETfeedSECRET";
    const resetToken = "resetSECRETresetSECRET";
    try {
      await server.app.inject({ method: "GET", url: `/api/v1/feeds/${feedToken}/calendar.ics` });
      await server.app.inject({ method: "GET", url: `/api/v1/feeds/${feedToken}/nope.ics` });
      await server.app.inject({ method: "GET", url: `/reset-password?token=${resetToken}&invited=1` });
      await server.app.inject({ method: "GET", url: `/api/v1/nothing?x=1&TOKEN=${resetToken}` });
    } finally {
      await server.close();
    }
    const log = lines.join("");
    expect(log).toContain("/feeds/[redacted]/calendar.ics");
    expect(log).toContain("token=[redacted]&invited=1");
    expect(log).not.toContain("SECRET");
  });
});
