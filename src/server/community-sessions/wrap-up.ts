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

/** The follow-up goes once, the first time the session is wrapped up with it asked for. */
export function sendsFollowUp(asked: boolean, wrappedUpAt: string | null): boolean {
  return asked && wrappedUpAt === null;
}
