import type { ReminderSettings, Role, SessionStatus } from "../../shared/schemas/community-sessions";
import { ROLES } from "./slots";

/**
 * Reminders before a community session (issue #15, "Reminders and follow-up"; community.md, Later): the site's
 * default times (24 h and 1 h before), which a session may replace with its own, and extra times for a role
 * (presenters also 3 days before). Each reminder time reaches the active participants of the roles it is for,
 * once; it is due at the session's start minus its minutes, so moving the session moves it, cancelling the
 * session drops it, and a member who registers after a reminder's time does not get a late one for it.
 * Pure: the caller passes the settings, the session and the clock.
 */

/** The site's defaults: 24 hours and 1 hour before, for every role. */
export const DEFAULT_REMINDERS: ReminderSettings = { defaultMinutes: [24 * 60, 60], roleMinutes: {} };

/** One reminder time of a session and the roles it is for. */
export interface PlannedReminder {
  minutesBefore: number;
  roles: Role[];
}

/**
 * The reminder times of a session: its own list when it has one (null: the site's defaults) for every role,
 * plus each role's extra times; a time listed twice is one reminder for the union of its roles. Latest first.
 */
export function reminderPlan(settings: ReminderSettings, sessionMinutes: readonly number[] | null): PlannedReminder[] {
  const byMinutes = new Map<number, Set<Role>>();
  const add = (minutes: number, roles: readonly Role[]) => {
    const set = byMinutes.get(minutes) ?? new Set<Role>();
    for (const r of roles) set.add(r);
    byMinutes.set(minutes, set);
  };
  for (const m of sessionMinutes ?? settings.defaultMinutes) add(m, ROLES);
  for (const role of ROLES) for (const m of settings.roleMinutes[role] ?? []) add(m, [role]);
  return [...byMinutes.entries()]
    .sort(([a], [b]) => b - a)
    .map(([minutesBefore, roles]) => ({ minutesBefore, roles: ROLES.filter((r) => roles.has(r)) }));
}

/**
 * Only a session that will take place is reminded of: Open, Full or Closed (registration closed, the session
 * still runs), with a start; not a Draft nor a Cancelled one.
 */
export function remindsOf(status: SessionStatus, startsAt: string | null): boolean {
  return startsAt !== null && (status === "open" || status === "full" || status === "closed");
}

/** When a reminder is due: the start minus its minutes. */
export function reminderDueAt(startsAt: string, minutesBefore: number): string {
  return new Date(Date.parse(startsAt) - minutesBefore * 60_000).toISOString();
}

/**
 * The reminders to schedule now: those of the plan not yet due. One due already (a session opened 30 minutes
 * before its start has no 1-hour reminder) is left out rather than sent late.
 */
export function remindersToSchedule(plan: readonly PlannedReminder[], startsAt: string, now: Date) {
  return plan
    .map((r) => ({ ...r, dueAt: reminderDueAt(startsAt, r.minutesBefore) }))
    .filter((r) => Date.parse(r.dueAt) > now.getTime());
}

/**
 * A reminder the worker reaches too late to be of use (it was down, or busy): once the next reminder's time has
 * come, or the session has started, it is dropped rather than sent late ("starts in 24 hours", an hour before).
 */
export function reminderIsStale(
  plan: readonly PlannedReminder[],
  reminder: { minutesBefore: number; startsAt: string },
  now: Date,
): boolean {
  const next = plan
    .map((r) => r.minutesBefore)
    .filter((m) => m < reminder.minutesBefore)
    .reduce((a, b) => Math.max(a, b), 0);
  return now.getTime() >= Date.parse(reminderDueAt(reminder.startsAt, next));
}

/**
 * Who a due reminder goes to: the active participants of its roles who registered before it was due (a later
 * one does not get a late reminder: they registered knowing the time), and not those who had it already.
 */
export function reminderRecipients<P extends { role: Role; created_at: string; user_id: string }>(
  participants: readonly P[],
  reminder: { roles: readonly Role[]; dueAt: string },
  alreadySent: ReadonlySet<string>,
): P[] {
  const due = Date.parse(reminder.dueAt);
  return participants.filter(
    (p) => reminder.roles.includes(p.role) && Date.parse(p.created_at) <= due && !alreadySent.has(p.user_id),
  );
}

/** "24 hours", "1 hour", "3 days", "90 minutes": how long before the start, as a reminder says it. */
export function minutesText(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes % (24 * 60) === 0 && minutes >= 48 * 60) return plural(minutes / (24 * 60), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}
