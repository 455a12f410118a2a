import { expect, it } from "vitest";
import { insertParticipants, insertSessions, insertUsers } from "../../bench/seed";
import { startSmtpCounter } from "../../bench/smtp-counter";
import { describeEngines } from "../engines";
import { asUser, csrfOf, freshDatabase, recordFigure, startInstance } from "./server-process";

const LEASE_MS = 3000;

describeEngines("kill -9 in the middle of a 1,000-email fan-out", (engine) => {
  it("every email arrives after a restart; repeats are only the few in flight at the kill", async () => {
    const db = await freshDatabase(engine);
    // A slow SMTP server (25 ms a message) keeps the fan-out going long enough to crash in the middle of it.
    const smtp = await startSmtpCounter({ delayMs: 25 });
    try {
      const admin = await insertUsers(db.handle.db, 1, "admin", { admin: true });
      const members = await insertUsers(db.handle.db, 1000, "member");
      const future = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
      const [sessionId] = await insertSessions(
        db.handle.db,
        [
          {
            title: "Crash fan-out",
            startsAt: future,
            status: "open",
            maxPresenters: 3,
            maxGuests: 1000,
            hasInterviewer: false,
          },
        ],
        admin.ids[0] as string,
      );
      await insertParticipants(
        db.handle.db,
        members.ids.map((userId) => ({ sessionId: sessionId as string, userId, role: "guest" as const })),
      );
      const env = { ...db.env, SMTP_URL: smtp.url, OUTBOX_LEASE_MS: String(LEASE_MS), OUTBOX_POLL_MS: "50" };

      const first = await startInstance(env);
      const csrf = await csrfOf(first.base);
      const res = await fetch(`${first.base}/api/v1/community/sessions/${sessionId}/status`, {
        method: "POST",
        headers: asUser(admin.tokens[0] as string, csrf),
        body: JSON.stringify({ action: "cancel" }),
      });
      expect(res.status).toBe(200);
      expect(await smtp.waitFor(300, 60_000)).toBe(true);
      await first.kill("SIGKILL");
      const atKill = smtp.accepted;
      expect(atKill).toBeLessThan(1000);

      const second = await startInstance(env);
      const deadline = Date.now() + 90_000;
      while (smtp.distinct < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, LEASE_MS + 500)); // anything still to come would come now
      await second.kill("SIGTERM");

      recordFigure(`${engine}: crash fan-out, emails accepted before the kill`, atKill);
      recordFigure(`${engine}: crash fan-out, messages lost`, 1000 - smtp.distinct);
      recordFigure(`${engine}: crash fan-out, messages repeated (by Message-ID)`, smtp.repeats);
      expect(smtp.distinct).toBe(1000);
      // Only deliveries in flight when the process died can repeat: at most one batch of concurrent sends (8).
      expect(smtp.repeats).toBeLessThanOrEqual(8);
      const unsent = await db.handle.db.selectFrom("outbox").select("id").where("status", "!=", "sent").execute();
      expect(unsent).toEqual([]);
    } finally {
      await smtp.close();
      await db.drop();
    }
  });
});
