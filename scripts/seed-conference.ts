// Seeds a large conference on the configured database (same environment as the app: DATA_DIR or DATABASE_URL):
// 5 days, 10 parallel rooms, 30 sessions (3 of them poster sessions), 150 blocks with conveners, 2,000
// contributions with speakers, breaks at top level and inside blocks, and links as session materials. Everything
// goes through the operations, so the data obeys the timetable rules. Prints the event's address.
//
//   npx tsx scripts/seed-conference.ts

import path from "node:path";
import { DateTime } from "luxon";
import pino from "pino";
import { ensureFirstAdmin } from "../src/server/accounts/bootstrap";
import { findUserByEmail, insertUser } from "../src/server/accounts/queries";
import { listRooms } from "../src/server/conference-core/rooms.queries";
import { createContribution } from "../src/server/conferences/contributions.operations";
import { createEvent } from "../src/server/conferences/events.operations";
import { addLinkMaterial } from "../src/server/conferences/materials.operations";
import { createRoom } from "../src/server/conferences/rooms.operations";
import { createSessionType } from "../src/server/conferences/session-types.operations";
import { createConferenceSession } from "../src/server/conferences/sessions.operations";
import type { Actor } from "../src/server/permissions/actor";
import { systemClock } from "../src/server/platform/clock";
import { loadConfig } from "../src/server/platform/config";
import { migrateToLatest, openDb } from "../src/server/platform/db";
import type { Deps } from "../src/server/platform/deps";
import { newId } from "../src/server/platform/ids";
import { createBlock } from "../src/server/timetable/blocks.operations";
import { createBreak } from "../src/server/timetable/breaks.operations";

const ZONE = "Europe/Berlin";
const DAYS = 5;
const ROOMS = 10;
/** Three blocks a day in every room: wall-clock start, planned length in minutes (blocks grow to fit). */
const SLOTS = [
  { start: "08:30", minutes: 180 },
  { start: "12:20", minutes: 180 },
  { start: "16:10", minutes: 180 },
];
const SESSIONS = 30;
const POSTER_SESSIONS = 3;
const POSTERS_PER_BLOCK = 30;
const CONTRIBUTIONS = 2000;
const SEED_ADMIN = "conference-seed@convene.invalid";

const FIRST = [
  "Ada",
  "Grace",
  "Alan",
  "Edsger",
  "Barbara",
  "Donald",
  "Margaret",
  "Ken",
  "Frances",
  "John",
  "Radia",
  "Tim",
];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus"];
const PLACES = ["CERN", "Fermilab", "DESY", "KEK", "TRIUMF", "INFN", "SLAC", "IHEP"];
const TOPICS = [
  "Detectors",
  "Computing",
  "Accelerators",
  "Theory",
  "Neutrinos",
  "Astroparticles",
  "Data analysis",
  "Outreach",
  "Software",
  "Cosmology",
];

const person = (i: number) => ({
  name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
  affiliation: PLACES[(i * 3) % PLACES.length] as string,
  email: `speaker${i}@example.org`,
});

async function seedActor(deps: Deps): Promise<Actor> {
  const admin = await deps.db
    .selectFrom("users")
    .selectAll()
    .where("is_admin", "=", 1)
    .where("deactivated_at", "is", null)
    .orderBy("created_at")
    .executeTakeFirst();
  const row = admin ?? (await findUserByEmail(deps.db, SEED_ADMIN));
  if (row) return { id: row.id, email: row.email, name: row.name, isAdmin: true, isStaff: false, isPremium: false };
  // A fresh database: an admin without a password, only for seeding (it cannot sign in).
  const now = new Date().toISOString();
  const id = newId();
  await insertUser(deps.db, {
    id,
    email: SEED_ADMIN,
    name: "Conference seed",
    password_hash: null,
    is_admin: 1,
    is_staff: 0,
    is_premium: 0,
    time_zone: null,
    deactivated_at: null,
    created_at: now,
    updated_at: now,
  });
  return { id, email: SEED_ADMIN, name: "Conference seed", isAdmin: true, isStaff: false, isPremium: false };
}

async function main(): Promise<void> {
  const started = Date.now();
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
    // With ADMIN_EMAIL and ADMIN_PASSWORD set, the configured admin exists before the seed, as at the server's
    // start, so the seeded event is theirs to manage.
    if (config.adminEmail && config.adminPassword) await ensureFirstAdmin(deps);
    const actor = await seedActor(deps);

    const venue = "Seed Conference Centre";
    const existing = (await listRooms(deps.db)).filter((r) => r.venue_name === venue);
    const rooms = [];
    for (let r = 1; r <= ROOMS; r++) {
      const name = `Room ${r}`;
      rooms.push(
        existing.find((x) => x.name === name) ??
          (await createRoom(deps, actor, { venueName: venue, name, capacity: 50 + 25 * r })),
      );
    }

    // Four weeks from now, Monday to Friday, 08:00–20:00 in Berlin.
    const monday = DateTime.now().setZone(ZONE).plus({ weeks: 4 }).startOf("week");
    const day = (d: number, time: string) => {
      const [h, m] = time.split(":").map(Number);
      return monday.plus({ days: d }).set({ hour: h, minute: m }).toISO({ suppressMilliseconds: true }) as string;
    };
    const event = await createEvent(deps, actor, {
      title: `Seeded conference ${monday.toFormat("yyyy-MM-dd")}`,
      description: "A large conference seeded by `scripts/seed-conference.ts`: **2,000 contributions in 150 blocks**.",
      startAt: day(0, "08:00"),
      endAt: day(DAYS - 1, "20:00"),
      timeZone: ZONE,
      roomId: rooms[0]?.id ?? null,
      locationText: null,
      defaultContributionMinutes: 20,
      timetablePublished: true,
    });

    const talks = await createSessionType(deps, actor, event.id, { name: "Talks", code: "T", isPoster: false });
    const posters = await createSessionType(deps, actor, event.id, { name: "Poster", code: "P", isPoster: true });
    const sessions = [];
    for (let s = 0; s < SESSIONS; s++) {
      const isPoster = s >= SESSIONS - POSTER_SESSIONS;
      const session = await createConferenceSession(deps, actor, event.id, {
        title: isPoster
          ? `Posters ${s - (SESSIONS - POSTER_SESSIONS) + 1}`
          : `${TOPICS[s % TOPICS.length]} ${Math.floor(s / TOPICS.length) + 1}`,
        code: `S${String(s + 1).padStart(2, "0")}`,
        description: `Session ${s + 1} of the seeded conference.`,
        typeId: isPoster ? posters.id : talks.id,
        defaultContributionMinutes: 15,
      });
      sessions.push({ ...session, isPoster });
      for (const n of [1, 2]) {
        await addLinkMaterial(deps, actor, event.id, session.id, {
          name: `Slides part ${n}`,
          url: `https://example.org/seed/${session.id}/slides-${n}.pdf`,
        });
      }
    }

    // 150 blocks: every day, every slot, every room; the session rotates so each has five blocks.
    const blocks: { id: string; isPoster: boolean; sessionId: string }[] = [];
    for (let d = 0; d < DAYS; d++) {
      for (const slot of SLOTS) {
        for (let r = 0; r < ROOMS; r++) {
          const index = blocks.length;
          const session = sessions[index % SESSIONS] as (typeof sessions)[number];
          const block = await createBlock(deps, actor, event.id, session.id, {
            title: `Part ${Math.floor(index / SESSIONS) + 1}`,
            startAt: day(d, slot.start),
            durationMinutes: slot.minutes,
            roomId: rooms[r]?.id ?? null,
            displayOrder: 0,
            conveners: [person(index * 2), { ...person(index * 2 + 1), email: null }],
            locationText: null,
          });
          blocks.push({ id: block.id, isPoster: session.isPoster, sessionId: session.id });
        }
      }
      await createBreak(deps, actor, event.id, { title: "Lunch", startAt: day(d, "11:45"), durationMinutes: 30 });
      await createBreak(deps, actor, event.id, { title: "Coffee", startAt: day(d, "15:35"), durationMinutes: 30 });
    }

    // 2,000 contributions: 30 posters in each poster block, the rest shared by the talk blocks (11 or 12 each),
    // with a 10-minute break after the sixth talk; a block with 12 talks grows past its planned 180 minutes.
    const posterBlocks = blocks.filter((b) => b.isPoster);
    const talkBlocks = blocks.filter((b) => !b.isPoster);
    let remaining = CONTRIBUTIONS - posterBlocks.length * POSTERS_PER_BLOCK;
    let n = 0;
    for (const block of posterBlocks) {
      for (let p = 0; p < POSTERS_PER_BLOCK; p++, n++) {
        await createContribution(deps, actor, event.id, {
          title: `Poster ${n + 1}: ${TOPICS[n % TOPICS.length]} results`,
          description: "",
          blockId: block.id,
          boardNumber: `P${p + 1}`,
          speakers: [person(n)],
        });
      }
    }
    for (const [i, block] of talkBlocks.entries()) {
      const count = Math.ceil(remaining / (talkBlocks.length - i));
      remaining -= count;
      for (let t = 0; t < count; t++, n++) {
        if (t === 6)
          await createBreak(deps, actor, event.id, { title: "Short break", blockId: block.id, durationMinutes: 10 });
        await createContribution(deps, actor, event.id, {
          title: `Talk ${n + 1}: ${TOPICS[n % TOPICS.length]} update`,
          description: `Abstract of talk ${n + 1}.`,
          blockId: block.id,
          boardNumber: "",
          speakers: n % 3 === 0 ? [person(n), person(n + 1)] : [person(n)],
        });
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded "${event.title}": ${blocks.length} blocks, ${n} contributions, ${sessions.length} sessions in ${seconds} s.`,
    );
    console.log(`Event page:     /events/${event.id}`);
    console.log(`Timetable page: /events/${event.id}/timetable`);
    console.log(`Timetable API:  /api/v1/events/${event.id}/timetable`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
