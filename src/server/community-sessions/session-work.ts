import { recordAudit } from "../audit/record";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { can } from "../permissions/policy";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { type AppError, conflict, forbidden, notFound } from "../platform/errors";
import type { IcsMethod } from "../platform/ics";
import { clearListCache } from "../platform/list-cache";
import { type FeatureSettings, readFeatures, readSite, type SiteSettings } from "../site/settings";
import { sessionInvite } from "./calendar-files";
import { enqueueCalendarSync } from "./calendar-sync";
import { reconcileFull } from "./lifecycle";
import type { Recipient, SessionForEmail } from "./messages";
import { capacityOf, sessionFacts } from "./present";
import {
  findSession,
  listParticipants,
  lockSession,
  type ParticipantWithUser,
  type SessionRow,
  updateSession,
} from "./queries";
import { readReminderSettings, scheduleReminders } from "./reminders.operations";
import { countActive, isActiveParticipant, isFull } from "./slots";
import { heldPlaces, placesTaken } from "./waitlist";
import { settleSessionWaitlists } from "./waitlist.operations";
import { listLiveWaitlist, type WaitlistWithUser } from "./waitlist.queries";

/** What one locked unit of work on a session sees. */
export interface SessionWork {
  tx: Db;
  row: SessionRow;
  participants: ParticipantWithUser[];
  /** The session's live waitlist entries (waiting or offered). */
  waitlist: WaitlistWithUser[];
  features: FeatureSettings;
  site: SiteSettings;
  now: string;
}

const NEEDS = {
  manage: "community.session.manage",
  register: "community.session.register",
  wrapUp: "community.session.wrapUp",
} as const;

/** What the unit of work checks: a policy action for the actor, or nothing for the worker (`system`). */
type Need = keyof typeof NEEDS | "system";

/** Every community session change is audited against the session. */
export const AUDIT_TYPE = "community_session";

/**
 * Runs `fn` in one transaction with the session row locked and its participants loaded; then re-evaluates
 * Full in the same transaction (community.md, Status lifecycle: Open ⇄ Full automatically) and queues the
 * calendar sync. Cannot see it: 404; can see but may not: 403.
 */
export async function withSession<T>(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  need: Need,
  fn: (w: SessionWork) => Promise<T>,
): Promise<T> {
  const result = await inSessionTransaction(deps, actor, sessionId, need, fn);
  clearListCache();
  return result;
}

async function inSessionTransaction<T>(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  need: Need,
  fn: (w: SessionWork) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockSession(tx, deps.engine, sessionId);
    if (!row) throw notFound("The session");
    const [participants, waitlist, features, site] = await Promise.all([
      listParticipants(tx, sessionId),
      listLiveWaitlist(tx, sessionId),
      readFeatures(tx),
      readSite(tx),
    ]);
    if (need !== "system") {
      const facts = sessionFacts(row, actor, participants, features);
      if (!can(actor, "community.session.view", facts)) throw notFound("The session");
      authorize(actor, NEEDS[need], facts);
    }
    const work: SessionWork = { tx, row, participants, waitlist, features, site, now: deps.clock.now().toISOString() };
    // Offers past their deadline pass on before the change, so a freed place reaches the line, not a newcomer.
    await settleSessionWaitlists(deps, work, { reload: false });
    const result = await fn(work);
    // Whatever the change freed (a cancellation, a removal, a role change, a raised cap) goes to the line.
    await settleSessionWaitlists(deps, work, { reload: true });
    await settleFull(actor, work);
    // Every change a participant or the community calendar could see; the sync reads the state it finds.
    await enqueueCalendarSync(tx, deps, sessionId);
    // The reminders follow the session as it is now (moved, cancelled, reopened, its own reminder times).
    const current = await findSession(tx, sessionId);
    if (current) await scheduleReminders(tx, deps, current, await readReminderSettings(tx));
    return result;
  });
}

/**
 * Turns Open into Full or back from the state the waitlists settled (places held for offers count as taken),
 * with an audit entry when it changes.
 */
async function settleFull(actor: Actor | null, w: SessionWork): Promise<void> {
  const fresh = await findSession(w.tx, w.row.id);
  if (!fresh) return; // deleted
  const taken = placesTaken(countActive(activeOf(w)), heldPlaces(w.waitlist));
  const next = reconcileFull(fresh.status, isFull(capacityOf(fresh), taken));
  if (next === fresh.status) return;
  await updateSession(w.tx, fresh.id, { status: next, updated_at: w.now });
  await recordAudit(w.tx, {
    actorId: actor?.id ?? null,
    action: "community_session.status_changed",
    objectType: AUDIT_TYPE,
    objectId: fresh.id,
    changes: { status: { from: fresh.status, to: next }, automatic: true },
    at: w.now,
  });
}

/**
 * Throws 404 unless the actor may see the session and 403 unless they may manage it: for reads of managers and
 * for work outside `withSession` (a member's invitations).
 */
export function assertManager(
  actor: Actor | null,
  row: SessionRow,
  participants: ParticipantWithUser[],
  features: FeatureSettings,
): void {
  const facts = sessionFacts(row, actor, participants, features);
  if (!can(actor, "community.session.view", facts)) throw notFound("The session");
  if (!can(actor, "community.session.manage", facts)) throw forbidden();
}

/** Re-reads the session, its participants and its waitlist after a change, in the unit of work's transaction. */
export async function reloadWork(w: SessionWork): Promise<boolean> {
  const [row, participants, waitlist] = await Promise.all([
    findSession(w.tx, w.row.id),
    listParticipants(w.tx, w.row.id),
    listLiveWaitlist(w.tx, w.row.id),
  ]);
  if (!row) return false;
  Object.assign(w, { row, participants, waitlist });
  return true;
}

/** Places taken per role: active registrations and places held for offers (issue #15). */
export function takenOf(w: SessionWork) {
  return placesTaken(countActive(activeOf(w)), heldPlaces(w.waitlist));
}

/** The registrations that hold a slot (not Cancelled). */
export function activeOf(w: SessionWork): ParticipantWithUser[] {
  return w.participants.filter((p) => isActiveParticipant(p.status));
}

/** A participant row of this session, or 404. */
export function findParticipant(w: SessionWork, participantId: string): ParticipantWithUser {
  const p = w.participants.find((x) => x.id === participantId);
  if (!p) throw notFound("The participant");
  return p;
}

/** Every change participants' calendars must follow raises the session's iCalendar SEQUENCE. */
export async function bumpSequence(w: SessionWork, row: SessionRow = w.row): Promise<SessionRow> {
  const next = { ...row, ics_sequence: row.ics_sequence + 1 };
  await updateSession(w.tx, row.id, { ics_sequence: next.ics_sequence });
  return next;
}

/** A rule's refusal as a 409, naming the field when it has one. */
export function refuse(r: { code: string; message: string; field?: string }): AppError {
  return conflict(r.code, r.message, r.field ? { [r.field]: r.message } : undefined);
}

/** What the community emails say about the session. */
export function emailView(deps: Deps, row: SessionRow): SessionForEmail {
  return {
    title: row.title,
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    meetingUrl: row.meeting_url,
    meetingPassword: row.meeting_password,
    link: `${deps.config.baseUrl}/sessions/${row.id}`,
  };
}

/** An email's recipient, from a participant or user row. */
export const recipient = (p: { name: string | null; time_zone: string | null }): Recipient => ({
  name: p.name,
  timeZone: p.time_zone,
});

/** The calendar invitation (or its cancellation) that goes with a participant's email. */
export function invite(
  deps: Deps,
  w: { site: SiteSettings },
  row: SessionRow,
  to: { name: string | null; email: string },
  method: IcsMethod,
  opts: { withMeeting?: boolean } = {},
) {
  return sessionInvite(deps.config, row, to, w.site.siteName, method, opts);
}
