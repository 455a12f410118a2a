import { describe, expect, it } from "vitest";
import { insertSessions, insertUsers } from "../../bench/seed";
import { startSmtpCounter } from "../../bench/smtp-counter";
import { enqueueEmail } from "../../src/server/mail/enqueue-email";
import { renderEmail } from "../../src/server/mail/layout";
import { systemClock } from "../../src/server/platform/clock";
import { loadConfig } from "../../src/server/platform/config";
import { DEFAULT_SITE } from "../../src/server/site/settings";
import { asUser, csrfOf, freshDatabase, recordFigure, startInstance } from "./server-process";

// Several instances behind a load balancer are a PostgreSQL deployment (SQLite is single-instance).
describe.skipIf(!process.env.TEST_DATABASE_URL)("two app instances on one PostgreSQL", () => {
  it("deliver 1,000 outbox messages exactly once between their two workers", async () => {
    const db = await freshDatabase("postgres");
    const smtp = await startSmtpCounter();
    try {
      const env = { ...db.env, SMTP_URL: smtp.url, OUTBOX_POLL_MS: "20" };
      const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
      const deps = { config: loadConfig({ BASE_URL: "http://convene.test" }), clock: systemClock };
      // Written while both workers poll, in batches, as changes would.
      for (let batch = 0; batch < 10; batch++) {
        await db.handle.db.transaction().execute(async (tx) => {
          for (let i = 0; i < 100; i++) {
            await enqueueEmail(
              tx,
              deps,
              `m${batch}-${i}@example.test`,
              renderEmail(DEFAULT_SITE, `Message ${batch}-${i}`, ["Hello."]),
            );
          }
        });
      }
      const end = Date.now() + 60_000;
      while (smtp.distinct < 1000 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      recordFigure("postgres: two instances, outbox messages lost", 1000 - smtp.distinct);
      recordFigure("postgres: two instances, outbox messages repeated", smtp.repeats);
      expect(smtp.distinct).toBe(1000);
      expect(smtp.repeats).toBe(0);
    } finally {
      await smtp.close();
      await db.drop();
    }
  });

  it("never overbook when registrations race through both instances", async () => {
    const db = await freshDatabase("postgres");
    try {
      const [a, b] = await Promise.all([startInstance(db.env), startInstance(db.env)]);
      const admin = await insertUsers(db.handle.db, 1, "admin", { admin: true });
      const members = await insertUsers(db.handle.db, 200, "racer");
      const future = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
      const sessions = await insertSessions(
        db.handle.db,
        Array.from({ length: 5 }, (_, i) => ({
          title: `Two-instance race ${i}`,
          startsAt: future,
          status: "open" as const,
          maxPresenters: 3,
          maxGuests: 5,
          hasInterviewer: true,
        })),
        admin.ids[0] as string,
      );
      const [csrfA, csrfB] = await Promise.all([csrfOf(a.base), csrfOf(b.base)]);
      const roles = ["host", "presenter", "interviewer", "guest", "guest"];
      const statuses = await Promise.all(
        members.tokens.flatMap((token, i) =>
          sessions.map(async (sessionId, k) => {
            const viaA = (i + k) % 2 === 0;
            const res = await fetch(`${viaA ? a.base : b.base}/api/v1/community/sessions/${sessionId}/registrations`, {
              method: "POST",
              headers: asUser(token, viaA ? csrfA : csrfB),
              body: JSON.stringify({ role: roles[(i + k) % roles.length] }),
            });
            return res.status;
          }),
        ),
      );
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      const counts = await db.handle.db
        .selectFrom("community_participants")
        .select(["session_id", "role", (eb) => eb.fn.countAll<number>().as("n")])
        .where("status", "!=", "cancelled")
        .groupBy(["session_id", "role"])
        .execute();
      const capacity: Record<string, number> = { host: 1, presenter: 3, interviewer: 1, guest: 5 };
      const overbooked = counts.reduce((sum, c) => sum + Math.max(0, Number(c.n) - (capacity[c.role] ?? 0)), 0);
      const serverErrors = statuses.filter((s) => s >= 500).length;
      recordFigure("postgres: two instances, registrations attempted", statuses.length);
      recordFigure("postgres: two instances, overbooked slots", overbooked);
      recordFigure("postgres: two instances, 5xx answers", serverErrors);
      expect(overbooked).toBe(0);
      expect(serverErrors).toBe(0);
      expect(statuses.filter((s) => s === 201)).toHaveLength(5 * 10);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    } finally {
      await db.drop();
    }
  });
});
