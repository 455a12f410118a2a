import { expect, it } from "vitest";
import { insertSessions, insertUsers, insertWaitlistEntries, seedWaitlistedSession } from "../../bench/seed";
import { startSmtpCounter } from "../../bench/smtp-counter";
import { OFFER_EXPIRY_KIND } from "../../src/server/community-sessions/waitlist.operations";
import { EMAIL_KIND } from "../../src/server/mail/message";
import { enqueue } from "../../src/server/outbox/enqueue";
import type { Db } from "../../src/server/platform/db";
import { describeEngines } from "../engines";
import { csrfOf, freshDatabase, recordFigure, startInstance } from "./server-process";

// Waitlists under kill -9 (issue #15, 9): a freed place is offered in the transaction that frees it, and an
// offer's deadline is an outbox row that settles the session again; so a crash can lose no place and offer none
// twice. Here with real server processes killed in the middle of a cancellation storm, of its email sending, and
// of many offers expiring at once.

const LEASE_MS = 3000;
const OFFER_SUBJECT = "A place is yours";
const EXPIRED_SUBJECT = "Offer expired";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function count(db: Db, sessionIds: string[], status: "waiting" | "offered" | "expired"): Promise<number> {
  const r = await db
    .selectFrom("community_waitlist")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "in", sessionIds)
    .where("status", "=", status)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many times the audit log records each entry `action`ed (offered, offer expired). */
async function auditedEntries(db: Db, action: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom("audit_log").select("changes").where("action", "=", action).execute();
  const times = new Map<string, number>();
  for (const r of rows) {
    const changes: unknown = typeof r.changes === "string" ? JSON.parse(r.changes) : r.changes;
    const entry = (changes as { entry: string }).entry;
    times.set(entry, (times.get(entry) ?? 0) + 1);
  }
  return times;
}

describeEngines("kill -9 while waitlists move", (engine) => {
  it("a storm of 60 cancellations for a 100-member line, killed in the offers and again in their sending: each freed place offered once, to the first 60, every offer email arrives", async () => {
    const db = await freshDatabase(engine);
    // A slow SMTP server (25 ms a message) keeps the sending going long enough to crash in the middle of it.
    const smtp = await startSmtpCounter({ delayMs: 25 });
    const FREED = 60;
    try {
      const admin = await insertUsers(db.handle.db, 1, "admin", { admin: true });
      const members = await insertUsers(db.handle.db, 2 + 80 + 100, "member");
      const guests = members.ids.slice(2, 82);
      const line = members.ids.slice(82);
      // Full: 80 Guest places taken, 100 waiting for Guest; the first 60 guests cancel.
      const sessionId = await seedWaitlistedSession(db.handle.db, admin.ids[0] as string, {
        title: "Crash storm",
        startsAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
        hostId: members.ids[0] as string,
        presenterId: members.ids[1] as string,
        guests,
        line,
      });
      const env = { ...db.env, SMTP_URL: smtp.url, OUTBOX_LEASE_MS: String(LEASE_MS), OUTBOX_POLL_MS: "50" };
      const cancelledGuests = async () =>
        Number(
          (
            await db.handle.db
              .selectFrom("community_participants")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("session_id", "=", sessionId)
              .where("status", "=", "cancelled")
              .executeTakeFirstOrThrow()
          ).n,
        );
      const cancel = async (base: string, csrf: string, i: number): Promise<number> => {
        const res = await fetch(`${base}/api/v1/community/sessions/${sessionId}/registrations/me`, {
          method: "DELETE",
          // No body, so no content type (Fastify refuses an empty JSON body).
          headers: {
            cookie: `convene_session=${members.tokens[2 + i]}; convene_csrf=${csrf}`,
            "x-csrf-token": csrf,
          },
        }).catch(() => null);
        return res?.status ?? 0; // 0: no answer (the server died)
      };

      // Crash 1: in the storm, once 20 of the 60 cancellations have committed (each with the offer of its place).
      const first = await startInstance(env);
      const csrf1 = await csrfOf(first.base);
      const storm = Promise.all(Array.from({ length: FREED }, (_, i) => cancel(first.base, csrf1, i)));
      const stormEnd = Date.now() + 60_000;
      while ((await count(db.handle.db, [sessionId], "offered")) < 20 && Date.now() < stormEnd) await sleep(2);
      await first.kill("SIGKILL");
      const answers1 = await storm;
      const cancelledAtKill = await cancelledGuests();
      const offeredAtKill = await count(db.handle.db, [sessionId], "offered");
      const unanswered = answers1.flatMap((status, i) => (status === 200 ? [] : [i]));
      // A place is freed and offered in one transaction: at the kill, as many offers as cancellations.
      expect(offeredAtKill).toBe(cancelledAtKill);
      expect(cancelledAtKill).toBeGreaterThanOrEqual(20);
      expect(cancelledAtKill).toBeLessThan(FREED);
      expect(answers1.every((s) => s === 200 || s === 0)).toBe(true);
      const offerMailsAtKill1 = smtp.matching(OFFER_SUBJECT).length;

      // Crash 2: the members whose cancellation got no answer try again (404: it had committed, the answer was
      // lost); then the server is killed again in the sending, once 30 more emails are accepted.
      const second = await startInstance(env);
      const csrf2 = await csrfOf(second.base);
      const retries = await Promise.all(unanswered.map((i) => cancel(second.base, csrf2, i)));
      expect(retries.every((s) => s === 200 || s === 404)).toBe(true);
      const committedAnswerLost = retries.filter((s) => s === 404).length;
      const acceptedBefore = smtp.accepted;
      expect(await smtp.waitFor(acceptedBefore + 30, 60_000)).toBe(true);
      await second.kill("SIGKILL");
      const acceptedAtKill2 = smtp.accepted;
      expect(acceptedAtKill2).toBeLessThan(2 * FREED); // each cancellation: its own email and one offer

      const third = await startInstance(env);
      const deadline = Date.now() + 60_000;
      while (smtp.distinct < 2 * FREED && Date.now() < deadline) await sleep(50);
      await sleep(LEASE_MS + 500); // anything still to come would come now
      await third.kill("SIGTERM");

      const entries = await db.handle.db
        .selectFrom("community_waitlist as w")
        .innerJoin("users as u", "u.id", "w.user_id")
        .select(["w.id", "w.user_id", "w.status", "u.email"])
        .where("w.session_id", "=", sessionId)
        .orderBy("w.position")
        .execute();
      const offered = entries.filter((e) => e.status === "offered");
      const offerMails = smtp.matching(OFFER_SUBJECT);
      const idsByRecipient = new Map<string, Set<string>>();
      for (const m of offerMails)
        for (const to of m.to) idsByRecipient.set(to, (idsByRecipient.get(to) ?? new Set()).add(m.messageId));
      const offerRepeats = offerMails.length - new Set(offerMails.map((m) => m.messageId)).size;

      recordFigure(
        `${engine}: crash waitlist storm, cancellations committed (each with its offer) at the first kill`,
        cancelledAtKill,
      );
      recordFigure(
        `${engine}: crash waitlist storm, requests unanswered at the first kill / of them committed`,
        `${unanswered.length} / ${committedAnswerLost}`,
      );
      recordFigure(`${engine}: crash waitlist storm, offer emails accepted before the first kill`, offerMailsAtKill1);
      recordFigure(`${engine}: crash waitlist storm, emails accepted before the second kill (of 120)`, acceptedAtKill2);
      recordFigure(`${engine}: crash waitlist storm, places lost`, FREED - offered.length);
      recordFigure(`${engine}: crash waitlist storm, offer emails repeated (by Message-ID)`, offerRepeats);
      recordFigure(`${engine}: crash waitlist storm, emails repeated (by Message-ID)`, smtp.repeats);

      // Every freed place offered once: 60 offers, to the first 60 in line; the other 40 still wait.
      expect(await cancelledGuests()).toBe(FREED);
      expect(offered.map((e) => e.user_id)).toEqual(line.slice(0, FREED));
      expect(entries.filter((e) => e.status === "waiting").map((e) => e.user_id)).toEqual(line.slice(FREED));
      const audited = await auditedEntries(db.handle.db, "community_waitlist.offered");
      expect(audited.size).toBe(FREED);
      expect([...audited.values()].every((n) => n === 1)).toBe(true);
      const expiries = await db.handle.db
        .selectFrom("outbox")
        .select("coalesce_key")
        .where("kind", "=", OFFER_EXPIRY_KIND)
        .execute();
      expect(expiries.map((r) => r.coalesce_key).sort()).toEqual(offered.map((e) => `offer:${e.id}`).sort());
      // Every offer email arrived, one offer (one Message-ID) per person, to exactly those offered.
      expect([...idsByRecipient.keys()].sort()).toEqual(offered.map((e) => e.email).sort());
      expect([...idsByRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(smtp.distinct).toBe(2 * FREED);
      // Only sends in flight at a kill can repeat: at most one worker's concurrent sends (8) per kill.
      expect(smtp.repeats).toBeLessThanOrEqual(16);
      const unsent = await db.handle.db
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", EMAIL_KIND)
        .where("status", "!=", "sent")
        .execute();
      expect(unsent).toEqual([]);
    } finally {
      await smtp.close();
      await db.drop();
    }
  });

  it("200 offers expiring at once in 100 sessions, killed in the middle of the expiry: each expires once and each place goes to the next in line once", async () => {
    const db = await freshDatabase(engine);
    const smtp = await startSmtpCounter({ delayMs: 25 });
    const SESSIONS = 100;
    try {
      const admin = await insertUsers(db.handle.db, 1, "admin", { admin: true });
      const members = await insertUsers(db.handle.db, SESSIONS * 5, "member");
      // 100 Open sessions with 2 Guest places, both held by offers whose deadline passed a minute ago; 3 more wait.
      const sessionIds = await insertSessions(
        db.handle.db,
        Array.from({ length: SESSIONS }, (_, i) => ({
          title: `Expiring ${i}`,
          startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
          status: "open" as const,
          maxPresenters: 1,
          maxGuests: 2,
          hasInterviewer: false,
        })),
        admin.ids[0] as string,
      );
      const expiredAt = new Date(Date.now() - 60_000).toISOString();
      const lines = sessionIds.map((sessionId, s) =>
        Array.from({ length: 5 }, (_, k) => ({
          sessionId,
          userId: members.ids[s * 5 + k] as string,
          role: "guest" as const,
          position: k + 1,
          ...(k < 2 ? { offerExpiresAt: expiredAt } : {}),
        })),
      );
      const entryIds = await insertWaitlistEntries(db.handle.db, lines.flat());
      const env = { ...db.env, SMTP_URL: smtp.url, OUTBOX_LEASE_MS: String(LEASE_MS), OUTBOX_POLL_MS: "50" };

      // The deadlines' outbox rows are written once the server is up (a SQLite server would settle them all
      // while it starts): 200 rows due a minute ago, two per session.
      const first = await startInstance(env);
      await db.handle.db.transaction().execute(async (tx) => {
        for (const [i, row] of lines.flat().entries())
          if (row.offerExpiresAt)
            await enqueue(
              tx,
              OFFER_EXPIRY_KIND,
              { sessionId: row.sessionId, entryId: entryIds[i] as string },
              expiredAt,
              undefined,
              { coalesceKey: `offer:${entryIds[i]}`, notBefore: expiredAt },
            );
      });
      const end = Date.now() + 60_000;
      while ((await count(db.handle.db, sessionIds, "expired")) < 60 && Date.now() < end) await sleep(2);
      await first.kill("SIGKILL");
      const expiredAtKill = await count(db.handle.db, sessionIds, "expired");
      const inFlightAtKill = await db.handle.db
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", OFFER_EXPIRY_KIND)
        .where("status", "=", "pending")
        .where("locked_until", "is not", null)
        .execute();
      expect(expiredAtKill).toBeGreaterThanOrEqual(60);
      expect(expiredAtKill).toBeLessThan(2 * SESSIONS);
      // A session is settled whole or not at all: both offers expired and passed on, or neither.
      const byStatus = await db.handle.db
        .selectFrom("community_waitlist")
        .select(["session_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy(["session_id", "status"])
        .execute();
      const shape = new Map<string, string>();
      for (const r of byStatus.sort((a, b) => a.status.localeCompare(b.status)))
        shape.set(r.session_id, `${shape.get(r.session_id) ?? ""}${r.status}:${r.n} `);
      for (const s of shape.values()) expect(["expired:2 offered:2 waiting:1 ", "offered:2 waiting:3 "]).toContain(s);
      const acceptedAtKill = smtp.accepted;

      const second = await startInstance(env);
      const deadline = Date.now() + 60_000;
      while (smtp.distinct < 4 * SESSIONS && Date.now() < deadline) await sleep(50);
      await sleep(LEASE_MS + 500);
      await second.kill("SIGTERM");

      // Each session: its first two expired, its next two offered the places, its fifth still waiting.
      const entries = await db.handle.db
        .selectFrom("community_waitlist as w")
        .innerJoin("users as u", "u.id", "w.user_id")
        .select(["w.id", "w.session_id", "w.position", "w.status", "u.email"])
        .orderBy("w.session_id")
        .orderBy("w.position")
        .execute();
      expect(entries).toHaveLength(5 * SESSIONS);
      for (const e of entries)
        expect(`${e.position}:${e.status}`).toBe(
          `${e.position}:${e.position <= 2 ? "expired" : e.position <= 4 ? "offered" : "waiting"}`,
        );
      const expiredOnce = await auditedEntries(db.handle.db, "community_waitlist.offer_expired");
      const offeredOnce = await auditedEntries(db.handle.db, "community_waitlist.offered");
      expect(expiredOnce.size).toBe(2 * SESSIONS);
      expect(offeredOnce.size).toBe(2 * SESSIONS);
      expect([...expiredOnce.values(), ...offeredOnce.values()].every((n) => n === 1)).toBe(true);
      // The new offers' deadlines are one row each, still to come; the old ones all done.
      const expiryRows = await db.handle.db
        .selectFrom("outbox")
        .select(["coalesce_key", "status"])
        .where("kind", "=", OFFER_EXPIRY_KIND)
        .execute();
      const newOffers = entries.filter((e) => e.status === "offered");
      expect(
        expiryRows
          .filter((r) => r.status === "pending")
          .map((r) => r.coalesce_key)
          .sort(),
      ).toEqual(newOffers.map((e) => `offer:${e.id}`).sort());
      expect(expiryRows.filter((r) => r.status === "sent")).toHaveLength(2 * SESSIONS);
      // Told once each: those whose offer expired, and those offered the place now.
      const recipientsOf = (subject: string) => {
        const ids = new Map<string, Set<string>>();
        for (const m of smtp.matching(subject))
          for (const to of m.to) ids.set(to, (ids.get(to) ?? new Set()).add(m.messageId));
        return ids;
      };
      const told = recipientsOf(EXPIRED_SUBJECT);
      const offeredTo = recipientsOf(OFFER_SUBJECT);
      expect([...told.keys()].sort()).toEqual(
        entries
          .filter((e) => e.status === "expired")
          .map((e) => e.email)
          .sort(),
      );
      expect([...offeredTo.keys()].sort()).toEqual(newOffers.map((e) => e.email).sort());
      expect([...told.values(), ...offeredTo.values()].every((ids) => ids.size === 1)).toBe(true);

      recordFigure(`${engine}: crash offer expiry, offers expired before the kill (of 200)`, expiredAtKill);
      recordFigure(`${engine}: crash offer expiry, expiry rows in flight at the kill`, inFlightAtKill.length);
      recordFigure(`${engine}: crash offer expiry, emails accepted before the kill`, acceptedAtKill);
      recordFigure(`${engine}: crash offer expiry, places lost`, 2 * SESSIONS - newOffers.length);
      recordFigure(`${engine}: crash offer expiry, emails repeated (by Message-ID)`, smtp.repeats);
      expect(smtp.distinct).toBe(4 * SESSIONS);
      expect(smtp.repeats).toBeLessThanOrEqual(8);
    } finally {
      await smtp.close();
      await db.drop();
    }
  });
});
