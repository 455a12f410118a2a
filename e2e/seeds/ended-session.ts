// Seeds what the wrap-up journey starts from (e2e/organiser-wraps-up-a-session.spec.ts): an Open community session
// that started 2 hours ago and ended 1 hour ago, with a host and three guests who have accounts (password: the
// ADMIN_PASSWORD the seed runs with). Rows go in through the queries helpers: the rule that a session cannot start
// in the past is for people, not for seeds.
//
//   DATA_DIR=... ADMIN_EMAIL=... ADMIN_PASSWORD=... npx tsx e2e/seeds/ended-session.ts

import path from "node:path";
import pino from "pino";
import { ensureFirstAdmin } from "../../src/server/accounts/bootstrap";
import { hashPassword } from "../../src/server/accounts/passwords";
import { insertUser } from "../../src/server/accounts/queries";
import { insertParticipant, insertSession } from "../../src/server/community-sessions/queries";
import { systemClock } from "../../src/server/platform/clock";
import { loadConfig } from "../../src/server/platform/config";
import { migrateToLatest, openDb } from "../../src/server/platform/db";
import type { Deps } from "../../src/server/platform/deps";
import { newId } from "../../src/server/platform/ids";
import { ENDED_SESSION } from "./ended-session-data";

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
    const password = config.adminPassword ?? "Orchard-lantern-42";
    const passwordHash = await hashPassword(password);
    const now = new Date();
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    const created = at(-3 * 24 * 60);

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
    await insertSession(deps.db, {
      id: sessionId,
      title: ENDED_SESSION.title,
      description: "What we learned making every build byte-for-byte the same.",
      starts_at: at(-120),
      ends_at: at(-60),
      time_zone: "Europe/Paris",
      duration_minutes: 60,
      meeting_url: "https://meet.example.org/repro",
      meeting_password: null,
      max_presenters: 3,
      max_guests: 10,
      talk_minutes: 10,
      qa_minutes: 15,
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
    const people = [
      { role: "host" as const, userId: await person(ENDED_SESSION.host) },
      ...(await Promise.all(
        ENDED_SESSION.guests.map(async (g) => ({ role: "guest" as const, userId: await person(g) })),
      )),
    ];
    for (const [i, p] of people.entries()) {
      const when = at(-3 * 24 * 60 + i);
      await insertParticipant(deps.db, {
        id: newId(),
        session_id: sessionId,
        user_id: p.userId,
        role: p.role,
        status: "registered",
        presenter_order: null,
        talk_title: null,
        talk_description: null,
        topics: null,
        questions: null,
        created_at: when,
        updated_at: when,
      });
    }
    console.log(`Ended session: /admin/sessions/${sessionId}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
