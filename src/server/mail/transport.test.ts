import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import { loadConfig } from "../platform/config";
import { pooledSmtpUrl } from "./transport";

describe("SMTP connection pooling", () => {
  it("pools connections by default, keeping the rest of SMTP_URL", () => {
    const url = new URL(pooledSmtpUrl("smtp://user:secret@mail.example.org:587?ignoreTLS=true"));
    expect(url.searchParams.get("pool")).toBe("true");
    expect(url.searchParams.get("maxConnections")).toBe("5");
    expect(url.searchParams.get("ignoreTLS")).toBe("true");
    expect(`${url.username}:${url.password}@${url.host}`).toBe("user:secret@mail.example.org:587");
  });

  it("leaves settings the operator chose", () => {
    const url = new URL(pooledSmtpUrl("smtps://mail.example.org?pool=false&maxConnections=2"));
    expect(url.searchParams.get("pool")).toBe("false");
    expect(url.searchParams.get("maxConnections")).toBe("2");
  });
});

describe("MAIL_FROM", () => {
  it("accepts a bare address or the common 'Name <address>' form", () => {
    expect(loadConfig({ MAIL_FROM: "noreply@example.org" })).toMatchObject({
      mailFrom: "noreply@example.org",
      mailFromName: undefined,
    });
    expect(loadConfig({ MAIL_FROM: "Convene <noreply@example.org>" })).toMatchObject({
      mailFrom: "noreply@example.org",
      mailFromName: "Convene",
    });
    expect(loadConfig({ MAIL_FROM: '"Physics Society" <talks@physics.example>' })).toMatchObject({
      mailFrom: "talks@physics.example",
      mailFromName: "Physics Society",
    });
    expect(loadConfig({}).mailFrom).toBe("convene@localhost");
  });

  it("stops the start with one line naming MAIL_FROM when it is not an address", () => {
    for (const bad of ["Convene", "Convene <noreply>", "a@b c@d", "<>"]) {
      expect(() => loadConfig({ MAIL_FROM: bad }), bad).toThrow(/^MAIL_FROM must be an email address[^\n]*$/);
    }
  });
});

describeEngines("Sender of every email", (engine) => {
  const server = useTestServer(engine, { env: { MAIL_FROM: "Convene Team <noreply@example.org>" } });

  it("with MAIL_FROM in the 'Name <address>' form, the envelope uses the address and the From header keeps the name", async () => {
    const { email } = await signedInAgent(server());
    const res = await server().agent().post("/api/v1/auth/password-reset", { email });
    expect(res.status).toBeLessThan(300);
    await server().deliver();
    const i = server().smtp.messages.findIndex((m) => m.to && JSON.stringify(m.to).includes(email));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(server().smtp.envelopes[i]?.from).toBe("noreply@example.org");
    const from = server().smtp.messages[i]?.from?.value[0];
    expect(from).toEqual({ name: "Convene Team", address: "noreply@example.org" });
  });
});

it("a MAIL_FROM that is not an address stops `npm start` with exit 1 and one line saying so", () => {
  // Vitest puts Vite's BASE_URL ("/") into the environment; the app reads BASE_URL too.
  const { BASE_URL: _vite, DATABASE_URL: _db, ...env } = process.env;
  const res = spawnSync(path.resolve("node_modules/.bin/tsx"), ["src/server/main.ts"], {
    env: { ...env, MAIL_FROM: "Convene", DATA_DIR: path.join(os.tmpdir(), "convene-bad-mail-from") },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(res.status).toBe(1);
  expect(res.stdout).toBe("");
  expect(res.stderr.trim().split("\n")).toEqual([
    'Convene could not start: the configuration is invalid: MAIL_FROM must be an email address, optionally with a name: "noreply@example.org" or "Convene <noreply@example.org>" (got "Convene")',
  ]);
});
