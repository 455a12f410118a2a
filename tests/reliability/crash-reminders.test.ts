import { expect, it } from "vitest";
import { insertUsers, planReminders, seedRemindedSessions } from "../../bench/seed";
import { startSmtpCounter } from "../../bench/smtp-counter";
import { describeEngines } from "../engines";
import { freshDatabase, recordFigure, startInstance } from "./server-process";

const LEASE_MS = 3000;
const SESSIONS = 500;
const PER_SESSION = 2;
const EMAILS = SESSIONS * PER_SESSION;

describeEngines("kill -9 in the middle of a reminder fan-out", (engine) => {
  it("every participant is reminded after two crashes (one in the fan-out, one in the sending); repeats are only the few in flight", async () => {
    const db = await freshDatabase(engine);
    // A slow SMTP server (25 ms a message) keeps the sending going long enough to crash in the middle of it.
    const smtp = await startSmtpCounter({ delayMs: 25 });
    try {
      const admin = await insertUsers(db.handle.db, 1, "admin", { admin: true });
      const members = await insertUsers(db.handle.db, EMAILS, "member");
      // 500 sessions of 2 guests starting in 59 minutes, their reminders (below) planned as 2 minutes before the
      // 1-hour one was due: 500 reminder rows due at once, each a fan-out of its own (a transaction queuing 2
      // emails and writing both down).
      const startsAt = new Date(Date.now() + 59 * 60_000).toISOString();
      const sessionIds = await seedRemindedSessions(db.handle.db, admin.ids[0] as string, members.ids, {
        count: SESSIONS,
        perSession: PER_SESSION,
        startsAt,
      });
      const env = { ...db.env, SMTP_URL: smtp.url, OUTBOX_LEASE_MS: String(LEASE_MS), OUTBOX_POLL_MS: "50" };
      const remindersDone = async () =>
        Number(
          (
            await db.handle.db
              .selectFrom("outbox")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("kind", "=", "community.reminder")
              .where("status", "=", "sent")
              .executeTakeFirstOrThrow()
          ).n,
        );

      // Crash 1: in the fan-out, once 75 of the 500 reminders have queued their emails (in the middle of the
      // worker's second batch of 50). They fall due while the server runs (planned after it is up: a SQLite
      // server would fan them all out while it starts).
      const first = await startInstance(env);
      await planReminders(db.handle.db, sessionIds, new Date(Date.parse(startsAt) - 61 * 60_000));
      const fanOutEnd = Date.now() + 60_000;
      while ((await remindersDone()) < 75 && Date.now() < fanOutEnd) await new Promise((r) => setTimeout(r, 5));
      await first.kill("SIGKILL");
      const fannedOutAtKill = await remindersDone();
      // The reminders the dead worker had claimed and not settled: fan-outs in flight (rolled back, or committed
      // and not yet recorded as done), taken over when their lease runs out.
      const inFlightAtKill = await db.handle.db
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", "community.reminder")
        .where("status", "=", "pending")
        .where("locked_until", "is not", null)
        .execute();
      expect(fannedOutAtKill).toBeGreaterThanOrEqual(75);
      expect(fannedOutAtKill).toBeLessThan(SESSIONS);
      expect(inFlightAtKill.length).toBeGreaterThan(0);
      // Reminders come before the emails they queue (the worker takes the longest due first): none sent yet.
      expect(smtp.accepted).toBe(0);

      // Crash 2: in the sending, once 300 emails have been accepted.
      const second = await startInstance(env);
      expect(await smtp.waitFor(300, 60_000)).toBe(true);
      await second.kill("SIGKILL");
      const acceptedAtKill = smtp.accepted;
      expect(acceptedAtKill).toBeLessThan(EMAILS);

      const third = await startInstance(env);
      const deadline = Date.now() + 90_000;
      while (smtp.distinct < EMAILS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, LEASE_MS + 500)); // anything still to come would come now
      await third.kill("SIGTERM");

      recordFigure(`${engine}: crash reminders, fan-outs done before the first kill (of 500)`, fannedOutAtKill);
      recordFigure(`${engine}: crash reminders, fan-outs in flight at the first kill`, inFlightAtKill.length);
      recordFigure(`${engine}: crash reminders, emails accepted before the second kill`, acceptedAtKill);
      recordFigure(`${engine}: crash reminders, reminders lost`, EMAILS - smtp.distinct);
      recordFigure(`${engine}: crash reminders, reminders repeated (by Message-ID)`, smtp.repeats);
      // Nothing lost: one email per participant, and each written down once as reminded.
      expect(smtp.distinct).toBe(EMAILS);
      const reminded = await db.handle.db
        .selectFrom("community_reminders_sent")
        .select(["session_id", "user_id"])
        .execute();
      expect(reminded).toHaveLength(EMAILS);
      expect(new Set(reminded.map((r) => `${r.session_id}/${r.user_id}`)).size).toBe(EMAILS);
      // A fan-out killed before its commit queued nothing and wrote nothing down, so it runs again whole; one
      // killed after it queues nothing more when it runs again. So the first kill repeats nothing, and only the
      // sends in flight at the second can repeat: at most one batch of concurrent sends (8), as for any fan-out.
      expect(smtp.repeats).toBeLessThanOrEqual(8);
      const unsent = await db.handle.db.selectFrom("outbox").select("id").where("status", "!=", "sent").execute();
      expect(unsent).toEqual([]);
    } finally {
      await smtp.close();
      await db.drop();
    }
  });
});
