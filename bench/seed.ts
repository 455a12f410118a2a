import { startSignInSession } from "../src/server/accounts/sign-in-sessions";
import { listSessionsByIds } from "../src/server/community-sessions/queries";
import { readReminderSettings, scheduleReminders } from "../src/server/community-sessions/reminders.operations";
import type { Db } from "../src/server/platform/db";
import { newId } from "../src/server/platform/ids";

const DAY = 24 * 3600_000;

export async function insertUsers(
  db: Db,
  n: number,
  prefix: string,
  opts: { admin?: boolean } = {},
): Promise<{ ids: string[]; tokens: string[] }> {
  const now = new Date().toISOString();
  const ids: string[] = [];
  const rows = Array.from({ length: n }, (_, i) => {
    const id = newId();
    ids.push(id);
    return {
      id,
      email: `${prefix}${i}.${id.slice(0, 6)}@bench.test`,
      name: `${prefix} ${i}`,
      password_hash: null,
      is_admin: opts.admin ? (1 as const) : (0 as const),
      is_staff: 0 as const,
      is_premium: 0 as const,
      time_zone: null,
      deactivated_at: null,
      created_at: now,
      updated_at: now,
      feed_token: null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("users")
      .values(rows.slice(i, i + 500))
      .execute();
  const tokens: string[] = [];
  for (const id of ids) tokens.push(await startSignInSession(db, id, now));
  return { ids, tokens };
}

interface SessionSpec {
  title: string;
  startsAt: string;
  status: "open" | "full" | "closed" | "cancelled" | "draft";
  maxPresenters: number;
  maxGuests: number;
  hasInterviewer: boolean;
}

export async function insertSessions(db: Db, specs: SessionSpec[], createdBy: string): Promise<string[]> {
  const now = new Date().toISOString();
  const ids: string[] = [];
  const rows = specs.map((s) => {
    const id = newId();
    ids.push(id);
    return {
      id,
      title: s.title,
      description:
        "A benchmark session with a **Markdown** description that is long enough to need an excerpt on the card, like real ones.",
      starts_at: s.startsAt,
      ends_at: new Date(Date.parse(s.startsAt) + 45 * 60_000).toISOString(),
      time_zone: "America/New_York",
      duration_minutes: 45,
      meeting_url: "https://meet.example.org/bench",
      meeting_password: null,
      max_presenters: s.maxPresenters,
      max_guests: s.maxGuests,
      talk_minutes: 10,
      qa_minutes: 5,
      has_interviewer: s.hasInterviewer ? (1 as const) : (0 as const),
      status: s.status,
      version: 1,
      ics_sequence: 0,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto("community_sessions")
      .values(rows.slice(i, i + 300))
      .execute();
  return ids;
}

export async function insertParticipants(
  db: Db,
  rows: { sessionId: string; userId: string; role: "host" | "presenter" | "interviewer" | "guest"; order?: number }[],
  /** When they registered (default now): a reminder only goes to those registered before it was due. */
  createdAt: string = new Date().toISOString(),
): Promise<void> {
  const now = createdAt;
  const values = rows.map((r) => ({
    id: newId(),
    session_id: r.sessionId,
    user_id: r.userId,
    role: r.role,
    status: "registered" as const,
    presenter_order: r.role === "presenter" ? (r.order ?? 1) : null,
    talk_title: null,
    talk_description: null,
    topics: null,
    questions: null,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto("community_participants")
      .values(values.slice(i, i + 500))
      .execute();
}

/** 10,000 sessions over two years around now, most published, a few participants each. */
export async function seedHome(db: Db, adminId: string, memberIds: string[]): Promise<void> {
  const statuses = ["open", "open", "open", "full", "closed", "cancelled", "draft"] as const;
  const specs: SessionSpec[] = Array.from({ length: 10_000 }, (_, i) => ({
    title: `Session ${i}`,
    startsAt: new Date(Date.now() + (i - 3000) * (DAY / 14)).toISOString(),
    status: statuses[i % statuses.length] as SessionSpec["status"],
    maxPresenters: 3,
    maxGuests: 5,
    hasInterviewer: true,
  }));
  const ids = await insertSessions(db, specs, adminId);
  const parts: Parameters<typeof insertParticipants>[1] = [];
  ids.forEach((sessionId, i) => {
    for (let k = 0; k < i % 4; k++)
      parts.push({ sessionId, userId: memberIds[(i + k) % memberIds.length] as string, role: "guest" });
  });
  await insertParticipants(db, parts);
}

/**
 * `count` Open sessions of `perSession` guests each (taken in turn from `memberIds`, so a member may be in
 * several), all starting at `startsAt`; the guests registered two hours before it was due, so they are all owed
 * the 1-hour reminder.
 */
export async function seedRemindedSessions(
  db: Db,
  adminId: string,
  memberIds: readonly string[],
  opts: { count: number; perSession: number; startsAt: string },
): Promise<string[]> {
  const ids = await insertSessions(
    db,
    Array.from({ length: opts.count }, (_, i) => ({
      title: `Reminded ${i}`,
      startsAt: opts.startsAt,
      status: "open" as const,
      maxPresenters: 3,
      maxGuests: opts.perSession,
      hasInterviewer: false,
    })),
    adminId,
  );
  const registeredAt = new Date(Date.parse(opts.startsAt) - 3 * 3600_000).toISOString();
  await insertParticipants(
    db,
    ids.flatMap((sessionId, i) =>
      Array.from({ length: opts.perSession }, (_, k) => ({
        sessionId,
        userId: memberIds[(i * opts.perSession + k) % memberIds.length] as string,
        role: "guest" as const,
      })),
    ),
    registeredAt,
  );
  return ids;
}

/**
 * Plans the sessions' reminders with the real planning function (scheduleReminders, the site's 24 h and 1 h),
 * in one transaction, as if it ran at `plannedAt`: the reminders due after then are written (for a session
 * starting 61 minutes after `plannedAt`, only the 1-hour one), each due at its time, which may already be past.
 */
export async function planReminders(db: Db, sessionIds: readonly string[], plannedAt: Date): Promise<void> {
  const clock = { now: () => plannedAt };
  await db.transaction().execute(async (tx) => {
    const settings = await readReminderSettings(tx);
    for (let i = 0; i < sessionIds.length; i += 300)
      for (const row of await listSessionsByIds(tx, sessionIds.slice(i, i + 300)))
        await scheduleReminders(tx, { clock }, row, settings);
  });
}

/**
 * Waitlists (issue #15): a session whose Guest places are all taken by `guests` (Max Guests = their number), its
 * Host place by `hostId` and its one Presenter place by `presenterId`, so it is Full; `line` wait for Guest in
 * that order (positions 1..n). Returns the session's id.
 */
export async function seedWaitlistedSession(
  db: Db,
  adminId: string,
  opts: { title: string; startsAt: string; hostId: string; presenterId: string; guests: string[]; line: string[] },
): Promise<string> {
  const [sessionId] = await insertSessions(
    db,
    [
      {
        title: opts.title,
        startsAt: opts.startsAt,
        status: "full",
        maxPresenters: 1,
        maxGuests: opts.guests.length,
        hasInterviewer: false,
      },
    ],
    adminId,
  );
  const id = sessionId as string;
  await insertParticipants(db, [
    { sessionId: id, userId: opts.hostId, role: "host" },
    { sessionId: id, userId: opts.presenterId, role: "presenter", order: 1 },
    ...opts.guests.map((userId) => ({ sessionId: id, userId, role: "guest" as const })),
  ]);
  await insertWaitlistEntries(
    db,
    opts.line.map((userId, i) => ({ sessionId: id, userId, role: "guest" as const, position: i + 1 })),
  );
  return id;
}

/** Waitlist entries written directly: waiting, or offered (with a deadline, maybe past) when `offerExpiresAt`. */
export async function insertWaitlistEntries(
  db: Db,
  rows: {
    sessionId: string;
    userId: string;
    role: "host" | "presenter" | "interviewer" | "guest";
    position: number;
    offerExpiresAt?: string;
  }[],
  createdAt: string = new Date().toISOString(),
): Promise<string[]> {
  const ids: string[] = [];
  const values = rows.map((r) => {
    const id = newId();
    ids.push(id);
    return {
      id,
      session_id: r.sessionId,
      user_id: r.userId,
      role: r.role,
      status: r.offerExpiresAt ? ("offered" as const) : ("waiting" as const),
      position: r.position,
      probation: 0 as const,
      talk_title: null,
      talk_description: null,
      topics: null,
      questions: null,
      offer_token_hash: r.offerExpiresAt ? `bench-${id}` : null,
      offered_at: r.offerExpiresAt ? createdAt : null,
      offer_expires_at: r.offerExpiresAt ?? null,
      resolved_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    };
  });
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto("community_waitlist")
      .values(values.slice(i, i + 500))
      .execute();
  return ids;
}
