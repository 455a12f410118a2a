import type { ParticipantStatus, SessionStatus } from "../../shared/schemas/community-sessions";

/**
 * After a community session (issue #15, "After the session"): once it has ended, those who manage it and its
 * host mark each participant attended or no-show, add the recording link and notes, and the attendees get a
 * follow-up email, once. Pure: the caller passes the clock.
 */

/** Why the session cannot be wrapped up now; null when it can. */
export function wrapUpRefusal(
  status: SessionStatus,
  endsAt: string | null,
  now: Date,
): { code: string; message: string } | null {
  if (status === "draft" || status === "cancelled")
    return { code: "not_held", message: `A ${status === "draft" ? "Draft" : "Cancelled"} session did not take place.` };
  if (endsAt === null || Date.parse(endsAt) > now.getTime())
    return { code: "not_ended", message: "A session is wrapped up once it has ended." };
  return null;
}

/** Attendance is marked on those who held a place: a cancelled registration stays cancelled. */
export function mayMarkAttendance(status: ParticipantStatus): boolean {
  return status !== "cancelled";
}

/**
 * The follow-up goes once, the first time the session is wrapped up with it asked for and someone marked as
 * having attended: a host who saves the recording before the organisers mark attendance does not use it up.
 */
export function sendsFollowUp(asked: boolean, wrappedUpAt: string | null, attendees: number): boolean {
  return asked && wrappedUpAt === null && attendees > 0;
}

/**
 * When the session counts as wrapped up: the first save that sent the follow-up, or that did not ask for one;
 * until then (nobody marked attended yet) it stays open for the follow-up.
 */
export function wrappedUpAtAfter(before: string | null, asked: boolean, attendees: number, now: string): string | null {
  if (before) return before;
  return !asked || attendees > 0 ? now : null;
}
