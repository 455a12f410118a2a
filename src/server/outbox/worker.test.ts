import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { describeEngines, openTestDb, type TestDb } from "../../../tests/engines";
import { startTestServer, uniqueEmail } from "../../../tests/harness";
import { type SmtpCapture, startSmtpCapture } from "../../../tests/smtp";
import { enqueueEmail } from "../mail/enqueue-email";
import { renderEmail } from "../mail/layout";
import { EMAIL_KIND, type OutboundEmail } from "../mail/message";
import { createMailer } from "../mail/transport";
import { systemClock } from "../platform/clock";
import { type Config, loadConfig } from "../platform/config";
import { migrateToLatest } from "../platform/db";
import type { Deps } from "../platform/deps";
import { DEFAULT_SITE } from "../site/settings";
import { MAX_ATTEMPTS } from "./backoff";
import { createOutboxWorker } from "./worker";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(engine: "sqlite" | "postgres", env: Record<string, string> = {}) {
  const smtp = await startSmtpCapture(env.HOLD ? { hold: (raw) => raw.includes(env.HOLD as string) } : {});
  const sqliteFile =
    engine === "sqlite" ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "convene-outbox-")), "db.sqlite") : undefined;
  const db: TestDb = await openTestDb(engine, { sqliteFile });
  await migrateToLatest(db.db, db.schema);
  const config: Config = loadConfig({
    BASE_URL: "http://convene.test",
    SMTP_URL: smtp.url,
    OUTBOX_LEASE_MS: "1000",
    OUTBOX_POLL_MS: "50",
    ...(engine === "postgres" ? { DATABASE_URL: process.env.TEST_DATABASE_URL as string } : {}),
  });
  const deps: Deps = { db: db.db, engine, config, clock: systemClock, log: pino({ level: "silent" }) };
  cleanups.push(
    () => smtp.close(),
    () => db.close(),
  );
  return { smtp, db, deps, config, sqliteFile };
}

function mailWorker(deps: Deps) {
  const mailer = createMailer(deps.config, () => "Convene");
  cleanups.push(() => mailer.close());
  return createOutboxWorker(deps, { [EMAIL_KIND]: (p) => mailer.send(p as OutboundEmail) });
}

const hello = (subject: string) => renderEmail(DEFAULT_SITE, subject, ["Hello."]);

async function rows(deps: Deps) {
  return deps.db.selectFrom("outbox").selectAll().execute();
}

function messageIds(smtp: SmtpCapture): string[] {
  return smtp.messages.map((m) => m.messageId ?? "");
}

describeEngines("outbox", (engine) => {
  it("never sends a message whose transaction rolled back", async () => {
    const { deps, smtp } = await setup(engine);
    await expect(
      deps.db.transaction().execute(async (tx) => {
        await enqueueEmail(tx, deps, "rollback@example.test", hello("Should never arrive"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await deps.db.transaction().execute((tx) => enqueueEmail(tx, deps, "commit@example.test", hello("Committed")));

    expect(await mailWorker(deps).drain()).toBe(1);
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Committed"]);
    expect((await rows(deps)).map((r) => r.status)).toEqual(["sent"]);
  });

  it("delivers a committed message once even when its worker is killed mid-delivery and another takes over", async () => {
    const { deps, smtp, db, sqliteFile, config } = await setup(engine, { HOLD: "Subject: Survives a crash" });
    const id = await deps.db
      .transaction()
      .execute((tx) => enqueueEmail(tx, deps, "crash@example.test", hello("Survives a crash")));

    // A worker in another process claims the message and starts sending it; the SMTP server holds the DATA.
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", "tests/fixtures/outbox-worker-process.ts"],
      {
        env: {
          ...process.env,
          BASE_URL: "http://convene.test",
          SMTP_URL: config.smtpUrl,
          OUTBOX_LEASE_MS: "1000",
          OUTBOX_POLL_MS: "50",
          LOG_LEVEL: "silent",
          ...(engine === "postgres"
            ? { DATABASE_URL: process.env.TEST_DATABASE_URL, PG_SCHEMA: db.schema }
            : { DATABASE_URL: "", SQLITE_FILE: sqliteFile }),
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let exited = false;
    child.once("exit", () => {
      exited = true;
    });
    cleanups.push(() => {
      child.kill("SIGKILL");
    });
    // Wait until the child has claimed the row (lease taken) and the message is in flight.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await rows(deps);
      if (row?.locked_until && row.attempts === 1) break;
      if (exited || Date.now() > deadline) throw new Error("child worker never claimed the message");
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGKILL");
    while (!exited) await new Promise((r) => setTimeout(r, 20));
    expect(smtp.messages).toHaveLength(0);

    // A fresh worker cannot take the row while the dead worker's lease runs...
    const restarted = mailWorker(deps);
    expect(await restarted.runOnce()).toBe(0);
    // ...and delivers it once the lease has run out.
    await new Promise((r) => setTimeout(r, 1100));
    // From now on the SMTP server answers normally.
    const normal = await startSmtpCapture();
    cleanups.push(() => normal.close());
    const restartedDeps = { ...deps, config: { ...deps.config, smtpUrl: normal.url } };
    const worker = mailWorker(restartedDeps);
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(messageIds(normal)).toEqual([`<${id}@convene.test>`]);
    const [row] = await rows(deps);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("retries a failing delivery with backoff and gives up after the limit with the error kept for admins", async () => {
    const { deps } = await setup(engine);
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("SMTP said no");
    };
    const worker = createOutboxWorker(deps, { [EMAIL_KIND]: failing });
    await deps.db.transaction().execute(async (tx) => {
      const { enqueue } = await import("./enqueue");
      const email = { to: "a@example.test", subject: "Hi", text: "Hi", html: "<p>Hi</p>", messageId: "<1@x>" };
      await enqueue(tx, EMAIL_KIND, email, new Date().toISOString());
    });
    expect(await worker.runOnce()).toBe(1);
    let [row] = await rows(deps);
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: "SMTP said no" });
    expect(Date.parse(row?.next_attempt_at ?? "")).toBeGreaterThan(Date.now() + 5_000);
    // Not due yet: nothing happens.
    expect(await worker.runOnce()).toBe(0);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await deps.db
        .updateTable("outbox")
        .set({ next_attempt_at: new Date(0).toISOString() })
        .execute();
      await worker.runOnce();
    }
    [row] = await rows(deps);
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, last_error: "SMTP said no" });
    await deps.db
      .updateTable("outbox")
      .set({ next_attempt_at: new Date(0).toISOString() })
      .execute();
    expect(await worker.runOnce()).toBe(0);
  });

  it("lets two workers share the queue without delivering anything twice", async () => {
    const { deps, smtp } = await setup(engine);
    await deps.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 40; i++) await enqueueEmail(tx, deps, `many${i}@example.test`, hello(`Message ${i}`));
    });
    const a = mailWorker(deps);
    const b = mailWorker(deps);
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(40);
    await smtp.waitFor((m) => m.length >= 40);
    expect(new Set(messageIds(smtp)).size).toBe(40);
    expect(smtp.messages).toHaveLength(40);
  });
});

describeEngines("outbox worker in the server", (engine) => {
  it("sends a write's email as soon as the write has answered, not at the next poll", async () => {
    // A poll interval nobody would wait for: only the nudge after the response can deliver in time.
    const server = await startTestServer(engine, { env: { OUTBOX_POLL_MS: "600000" } });
    cleanups.push(() => server.close());
    server.worker.start();
    // Let the first pass find nothing and the worker fall asleep.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const email = uniqueEmail("nudged");
    const res = await server
      .agent()
      .post("/api/v1/auth/sign-up", { email, name: "Nudged", password: "a long password" });
    expect(res.status).toBe(202);
    const received = await server.smtp.waitFor((ms) => ms.some((m) => recipient(m) === email), 5_000);
    expect(received.filter((m) => recipient(m) === email)).toHaveLength(1);
  });
});

function recipient(m: { to?: unknown }): string {
  const to = m.to as { value?: { address?: string }[] } | undefined;
  return to?.value?.[0]?.address ?? "";
}
