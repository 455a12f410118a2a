import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import { completeSetup, ensureFirstAdmin } from "../accounts/bootstrap";
import { createServer } from "../server";
import { loadConfig } from "./config";

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>>;
}

describeEngines("API conventions", (engine) => {
  const server = useTestServer(engine);

  it("describes every API route in /api/openapi.json", async () => {
    const res = await server().agent().get<OpenApi>("/api/openapi.json");
    expect(res.status).toBe(200);
    const documented = new Set(
      Object.entries(res.body.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    const apiRoutes = server().routes.filter((r) => r.includes(" /api/v1/") || r.endsWith("z"));
    expect(apiRoutes.length).toBeGreaterThan(10);
    const missing = apiRoutes.filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    const docs = await server().agent().get<string>("/api/docs/");
    expect(docs.status).toBe(200);
  });

  it("answers malformed bodies on every write route with a 4xx in the documented shape, never a 5xx", async () => {
    const { agent } = await signedInAgent(server(), { admin: true });
    const spec = (await agent.get<OpenApi>("/api/openapi.json")).body;
    const zeroId = "00000000-0000-4000-8000-000000000000";
    let checked = 0;
    for (const [p, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === "get" || !op.requestBody) continue;
        const url = p.replace(/\{\w+\}/g, zeroId);
        for (const payload of ['{"broken', "[]", JSON.stringify({ unexpected: { deeply: [1, null] } }), "null"]) {
          const res = await agent.request<{ error: { code: string; message: string } }>(
            method.toUpperCase() as "POST",
            url,
            payload,
            {
              "content-type": "application/json",
            },
          );
          expect(res.status, `${method} ${p} with ${payload}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${method} ${p} with ${payload}`).toBeLessThan(500);
          expect(res.body.error.code, `${method} ${p}`).toMatch(/^[a-z_]+$/);
          expect(res.body.error.message.length).toBeGreaterThan(0);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("answers unknown API paths with a 404 error body", async () => {
    const res = await server().agent().get<{ error: { code: string } }>("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("reports liveness and readiness", async () => {
    expect((await server().agent().get("/healthz")).body).toEqual({ status: "ok" });
    expect((await server().agent().get("/readyz")).body).toEqual({ status: "ok" });
  });

  it("creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD only when there is no admin", async () => {
    const deps = server().deps;
    const email = `first.${Date.now()}@example.test`;
    const withEnv = { ...deps, config: { ...deps.config, adminEmail: email, adminPassword: "first admin passphrase" } };
    // The suite's database may already hold admins from other tests: start from none.
    await deps.db.updateTable("users").set({ is_admin: 0 }).execute();
    expect(await ensureFirstAdmin(withEnv)).toEqual({ kind: "created", email });
    expect(await ensureFirstAdmin(withEnv)).toEqual({ kind: "exists" });
    const res = await server()
      .agent()
      .post<{ user: { isAdmin: boolean } }>("/api/v1/auth/sign-in", { email, password: "first admin passphrase" });
    expect(res.body.user.isAdmin).toBe(true);
  });

  it("without ADMIN_EMAIL, prints a one-time setup link that makes its first user admin, once", async () => {
    const deps = server().deps;
    await deps.db.updateTable("users").set({ is_admin: 0 }).execute();
    const noEnv = { ...deps, config: { ...deps.config, adminEmail: undefined, adminPassword: undefined } };
    const first = await ensureFirstAdmin(noEnv);
    expect(first.kind).toBe("setup-link");
    const token = new URL(first.kind === "setup-link" ? first.url : "http://x").searchParams.get("token") ?? "";
    // A second instance starting now prints the same link.
    expect(await ensureFirstAdmin(noEnv)).toEqual(first);

    const anon = server().agent();
    expect((await anon.get<{ needed: boolean }>("/api/v1/setup")).body.needed).toBe(true);
    const wrong = await anon.post("/api/v1/setup", {
      token: "x".repeat(20),
      name: "Eve",
      email: "eve@example.test",
      password: "long enough passphrase",
    });
    expect(wrong.status).toBe(403);
    const ok = await anon.post<{ user: { isAdmin: boolean } }>("/api/v1/setup", {
      token,
      name: "Ada",
      email: `setup.${Date.now()}@example.test`,
      password: "long enough passphrase",
    });
    expect(ok.status).toBe(201);
    expect(ok.body.user.isAdmin).toBe(true);
    await expect(
      completeSetup(deps, { token, name: "Late", email: "late@example.test", password: "long enough passphrase" }),
    ).rejects.toMatchObject({
      code: "setup_done",
    });
  });
});

it("without SMTP_URL, writes each email as an .eml file under DATA_DIR/mail", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-mail-"));
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", BASE_URL: "http://convene.test" }),
    serveWeb: false,
  };
  const server = await createServer(config);
  try {
    await server.app.inject({ method: "GET", url: "/api/v1/auth/me" });
    const { requestPasswordReset, signUp } = await import("../accounts/operations");
    await signUp(server.deps, { name: "File Mail", email: "files@example.test", password: "long enough passphrase" });
    await requestPasswordReset(server.deps, "files@example.test", "127.0.0.1");
    expect(await server.worker.drain()).toBe(1);
    const files = fs.readdirSync(path.join(dataDir, "mail"));
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(dataDir, "mail", files[0] as string), "utf8");
    expect(eml).toMatch(/^To: files@example\.test$/m);
    expect(eml).toMatch(/reset-password\?token=/);
    expect(fs.existsSync(path.join(dataDir, "convene.sqlite"))).toBe(true);
  } finally {
    await server.close();
  }
});
