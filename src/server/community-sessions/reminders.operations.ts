import type { ReminderSettings } from "../../shared/schemas/community-sessions";
import { diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import { enqueue } from "../outbox/enqueue";
import { deleteUnclaimedWithKey } from "../outbox/queries";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { newId } from "../platform/ids";
import { readSetting, writeSetting } from "../site/queries";
import { readSite } from "../site/settings";
import { impliedAgenda } from "./agenda";
import { reminderEmail } from "./messages";
import { rosterSort, sessionReminderMinutes } from "./present";
import { listParticipants, lockSession, type SessionRow } from "./queries";
import {
  DEFAULT_REMINDERS,
  minutesText,
  reminderDueAt,
  reminderIsStale,
  reminderPlan,
  reminderRecipients,
  remindersToSchedule,
  remindsOf,
} from "./reminders";
import { insertReminded, listRemindedUsers, listSessionsToRemind } from "./reminders.queries";
import { emailView, invite, recipient } from "./session-work";
import { isActiveParticipant } from "./slots";

/**
 * Reminders before a community session (issue #15; the rules are in reminders.ts): each reminder time of a
 * session is one outbox row due at its time, rewritten with every change of the session (so moving it moves
 * them and cancelling it drops them); when due, it queues one email per participant it is for and writes each
 * down in the same transaction, so it is sent once even if the fan-out runs twice.
 */
export const REMINDER_KIND = "community.reminder";

declare module "../outbox/kinds" {
  interface OutboxPayloads {
    /** A reminder time of a session, for the start it was planned for. */
    "community.reminder": { sessionId: string; startsAt: string; minutesBefore: number };
  }
}

const SETTING = "reminders";
/** One key for all of a session's reminder rows: they are replaced together (the outbox index finds them). */
const reminderKey = (sessionId: string) => `reminder:${sessionId}`;

export async function readReminderSettings(db: Db): Promise<ReminderSettings> {
  return { ...DEFAULT_REMINDERS, ...(await readSetting<Partial<ReminderSettings>>(db, SETTING)) };
}

/**
 * Plans a session's reminders again, in the transaction of its change: its unsent reminder rows go and those
 * it has now (Open, Full or Closed, with a start ahead) are written, each due at its time.
 */
export async function scheduleReminders(
  tx: Db,
  deps: Pick<Deps, "clock">,
  row: SessionRow,
  settings: ReminderSettings,
): Promise<void> {
  const now = deps.clock.now();
  await deleteUnclaimedWithKey(tx, reminderKey(row.id), now.toISOString());
  if (!remindsOf(row.status, row.starts_at) || row.starts_at === null) return;
  const plan = reminderPlan(settings, sessionReminderMinutes(row));
  for (const r of remindersToSchedule(plan, row.starts_at, now)) {
    await enqueue(
      tx,
      REMINDER_KIND,
      { sessionId: row.id, startsAt: row.starts_at, minutesBefore: r.minutesBefore },
      now.toISOString(),
      newId(),
      { coalesceKey: reminderKey(row.id), notBefore: r.dueAt, replace: false },
    );
  }
}

/**
 * A reminder's time has come: the participants it is for (reminderRecipients) each get an email with the
 * meeting link, their time and the session's, and the agenda. A reminder planned for another start (the session
 * moved since) or one the session no longer has is dropped.
 */
export async function sendReminder(
  deps: Deps,
  payload: { sessionId: string; startsAt: string; minutesBefore: number },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await lockSession(tx, deps.engine, payload.sessionId);
    if (!row || !remindsOf(row.status, row.starts_at) || row.starts_at !== payload.startsAt) return;
    const plan = reminderPlan(await readReminderSettings(tx), sessionReminderMinutes(row));
    const planned = plan.find((r) => r.minutesBefore === payload.minutesBefore);
    if (!planned || reminderIsStale(plan, payload, deps.clock.now())) return;
    const [participants, sent, site] = await Promise.all([
      listParticipants(tx, row.id),
      listRemindedUsers(tx, row.id, row.starts_at, payload.minutesBefore),
      readSite(tx),
    ]);
    const active = participants.filter((p) => isActiveParticipant(p.status));
    const dueAt = reminderDueAt(row.starts_at, payload.minutesBefore);
    const to = reminderRecipients(active, { roles: planned.roles, dueAt }, sent);
    if (to.length === 0) return;
    const view = emailView(deps, row);
    const agenda = impliedAgenda({
      startsAt: row.starts_at,
      durationMinutes: row.duration_minutes,
      talkMinutes: row.talk_minutes,
      qaMinutes: row.qa_minutes,
      presenters: rosterSort(active.filter((p) => p.role === "presenter")).map((p) => ({
        name: p.name,
        talkTitle: p.talk_title,
      })),
      maxPresenters: row.max_presenters,
    }).items.map((item) => ({ label: item.label, startsAt: item.startsAt }));
    const inWords = minutesText(payload.minutesBefore);
    const now = deps.clock.now().toISOString();
    for (const p of to) {
      const email = reminderEmail(site, view, recipient(p), { inWords, role: p.role, talkTitle: p.talk_title, agenda });
      // The calendar part keeps the entry current in their calendar (same UID and SEQUENCE as the invitation).
      await enqueueEmail(tx, deps, p.email, email, invite(deps, { site }, row, p, "REQUEST"));
    }
    await insertReminded(
      tx,
      to.map((p) => ({
        session_id: row.id,
        starts_at: payload.startsAt,
        minutes_before: payload.minutesBefore,
        user_id: p.user_id,
        sent_at: now,
      })),
    );
  });
}

/** Admin > Settings > Reminders, as an admin reads them. */
export async function readReminderSettingsAs(deps: Deps, actor: Actor | null): Promise<ReminderSettings> {
  authorize(actor, "settings.manage", SITE);
  return readReminderSettings(deps.db);
}

/**
 * Admin > Settings > Reminders: the site's reminder times; every session still ahead that will take place has its
 * reminders planned again with them, in the same transaction.
 */
export async function updateReminderSettings(
  deps: Deps,
  actor: Actor | null,
  input: Partial<ReminderSettings>,
): Promise<ReminderSettings> {
  authorize(actor, "settings.manage", SITE);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const before = await readReminderSettings(tx);
    const next: ReminderSettings = { ...before, ...input };
    const changes = diff(
      { defaultMinutes: before.defaultMinutes.join(","), roleMinutes: JSON.stringify(before.roleMinutes) },
      { defaultMinutes: next.defaultMinutes.join(","), roleMinutes: JSON.stringify(next.roleMinutes) },
    );
    if (Object.keys(changes).length === 0) return before;
    await writeSetting(tx, SETTING, next);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.updated",
      objectType: "settings",
      objectId: SETTING,
      changes,
      at: now,
    });
    for (const row of await listSessionsToRemind(tx, now)) await scheduleReminders(tx, deps, row, next);
    return next;
  });
}
