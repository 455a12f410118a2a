// Seeds what e2e/an-unanswered-offer-passes-to-the-next.spec.ts starts from: an Open community session starting in 2
// days whose one Presenter place is held for a member from the waitlist (its presenter cancelled, which freed it),
// the offer expiring `holdSeconds` after seeding, and another member waiting behind. A held place counts as taken:
// with the presenter still registered too, the role would be over capacity and nothing would pass on. The server runs on the real clock, so the offer and its deadline's outbox
// row go in as the app would have written them when it made the offer (waitlist.operations.ts, settling).
//
//   DATA_DIR=... ADMIN_EMAIL=... ADMIN_PASSWORD=... npx tsx e2e/seeds/offer-about-to-expire.ts

import path from "node:path";
import pino from "pino";
import { ensureFirstAdmin } from "../../src/server/accounts/bootstrap";
import { hashPassword } from "../../src/server/accounts/passwords";
import { insertUser } from "../../src/server/accounts/queries";
import { insertParticipant, insertSession } from "../../src/server/community-sessions/queries";
import { OFFER_EXPIRY_KIND } from "../../src/server/community-sessions/waitlist.operations";
import { insertWaitlistEntry } from "../../src/server/community-sessions/waitlist.queries";
import { enqueue } from "../../src/server/outbox/enqueue";
import { systemClock } from "../../src/server/platform/clock";
import { loadConfig } from "../../src/server/platform/config";
import { migrateToLatest, openDb } from "../../src/server/platform/db";
import type { Deps } from "../../src/server/platform/deps";
import { newId, sha256 } from "../../src/server/platform/ids";
import { OFFER_ABOUT_TO_EXPIRE as SEED } from "./offer-about-to-expire-data";

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "convene.sqlite") });
  await migrateToLatest(handle.db, handle.schema);
  const deps: Deps = {
    db: handle.db,
    engine: handle.engine,
    schema: handle.schema,
    config,
    clock: systemClock,
    log: pino({ level: "silent" }),
  };
  try {
    if (config.adminEmail && config.adminPassword) await ensureFirstAdmin(deps);
    const passwordHash = await hashPassword(config.adminPassword ?? "Orchard-lantern-42");
    const now = new Date();
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    const created = at(-24 * 3600);

    const person = async (p: { name: string; email: string }) => {
      const id = newId();
      await insertUser(deps.db, {
        id,
        email: p.email,
        name: p.name,
        password_hash: passwordHash,
        is_admin: 0,
        is_staff: 0,
        is_premium: 0,
        time_zone: null,
        deactivated_at: null,
        created_at: created,
        updated_at: created,
        feed_token: null,
        email_verified_at: created,
      });
      return id;
    };

    const sessionId = newId();
    const startsAt = at(2 * 24 * 3600);
    await insertSession(deps.db, {
      id: sessionId,
      title: SEED.title,
      description: "Tiny languages that changed how we think about the big ones.",
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
      time_zone: "Asia/Tokyo",
      duration_minutes: 45,
      meeting_url: SEED.meetingUrl,
      meeting_password: null,
      max_presenters: 1,
      max_guests: 3,
      talk_minutes: 10,
      qa_minutes: 5,
      has_interviewer: 0,
      status: "open",
      version: 1,
      ics_sequence: 0,
      created_by: null,
      created_at: created,
      updated_at: created,
      reminder_minutes: null,
      recording_url: null,
      wrap_up_notes: null,
      wrapped_up_at: null,
    });
    await insertParticipant(deps.db, {
      id: newId(),
      session_id: sessionId,
      user_id: await person(SEED.presenter),
      role: "presenter",
      status: "cancelled",
      presenter_order: 1,
      talk_title: "Forth in forty minutes",
      talk_description: null,
      topics: null,
      questions: null,
      created_at: created,
      updated_at: created,
    });

    const expiresAt = at(SEED.holdSeconds);
    // People first: SQLite has one connection, which the transaction below holds.
    const offeredUser = await person(SEED.offered);
    const nextUser = await person(SEED.next);
    const line = async (
      db: typeof deps.db,
      userId: string,
      position: number,
      offer: { tokenHash: string; expiresAt: string } | null,
    ) => {
      const id = newId();
      await insertWaitlistEntry(db, {
        id,
        session_id: sessionId,
        user_id: userId,
        role: "presenter",
        status: offer ? "offered" : "waiting",
        position,
        probation: 0,
        talk_title: "A talk from the waitlist",
        talk_description: null,
        topics: null,
        questions: null,
        offer_token_hash: offer?.tokenHash ?? null,
        offered_at: offer ? now.toISOString() : null,
        offer_expires_at: offer?.expiresAt ?? null,
        resolved_at: null,
        created_at: at(-3600 + position),
        updated_at: offer ? now.toISOString() : at(-3600 + position),
      });
      return id;
    };
    // The offer and its deadline's outbox row in one transaction, as settling writes them.
    await deps.db.transaction().execute(async (tx) => {
      const offeredId = await line(tx, offeredUser, 1, { tokenHash: sha256(SEED.offerToken), expiresAt });
      await enqueue(tx, OFFER_EXPIRY_KIND, { sessionId, entryId: offeredId }, now.toISOString(), newId(), {
        coalesceKey: `offer:${offeredId}`,
        notBefore: expiresAt,
      });
    });
    await line(deps.db, nextUser, 2, null);
    console.log(`Offer expiring at ${expiresAt}: /sessions/${sessionId}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
