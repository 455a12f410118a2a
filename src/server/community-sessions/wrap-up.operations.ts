import type { AttendanceHistory, WrapUpInput } from "../../shared/schemas/community-sessions";
import { diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { badRequest, conflict } from "../platform/errors";
import { followUpEmail, whenText } from "./messages";
import { listAttendanceOf, listNextOpenSessions, type SessionRow, updateParticipant, updateSession } from "./queries";
import { AUDIT_TYPE, emailView, recipient, withSession } from "./session-work";
import { mayMarkAttendance, sendsFollowUp, wrappedUpAtAfter, wrapUpRefusal } from "./wrap-up";

/**
 * Wrap up (issue #15, "After the session"; the rules are in wrap-up.ts): attendance marked, the recording and
 * notes kept, and, the first time, the follow-up queued to every attendee, all in one transaction.
 */
export async function wrapUpSession(deps: Deps, actor: Actor, sessionId: string, input: WrapUpInput): Promise<void> {
  await withSession(deps, actor, sessionId, "wrapUp", async (w) => {
    const refusal = wrapUpRefusal(w.row.status, w.row.ends_at, new Date(w.now));
    if (refusal) throw conflict(refusal.code, refusal.message);
    const byId = new Map(w.participants.map((p) => [p.id, p]));
    const marks = input.attendance.map((a, i) => {
      const p = byId.get(a.participantId);
      const field = `attendance.${i}.participantId`;
      if (!p)
        throw badRequest("Not saved: a listed participant is not in this session.", {
          [field]: "is not a participant of this session",
        });
      if (!mayMarkAttendance(p.status))
        throw badRequest("Not saved: a cancelled registration stays cancelled.", {
          [field]: "has cancelled their registration",
        });
      return { p, status: a.attended ? ("attended" as const) : ("no_show" as const) };
    });
    for (const { p, status } of marks)
      if (p.status !== status) {
        await updateParticipant(w.tx, p.id, { status, updated_at: w.now });
        p.status = status;
      }
    const attendees = w.participants.filter((x) => x.status === "attended");
    const next: Pick<SessionRow, "recording_url" | "wrap_up_notes" | "wrapped_up_at"> = {
      recording_url: input.recordingUrl !== undefined ? input.recordingUrl : w.row.recording_url,
      wrap_up_notes: input.notes !== undefined ? input.notes : w.row.wrap_up_notes,
      wrapped_up_at: wrappedUpAtAfter(w.row.wrapped_up_at, input.sendFollowUp, attendees.length, w.now),
    };
    const follow = sendsFollowUp(input.sendFollowUp, w.row.wrapped_up_at, attendees.length);
    await updateSession(w.tx, w.row.id, { ...next, updated_at: w.now });
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_session.wrapped_up",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: {
        ...diff(
          { recording_url: w.row.recording_url, wrap_up_notes: w.row.wrap_up_notes },
          { recording_url: next.recording_url, wrap_up_notes: next.wrap_up_notes },
        ),
        ...Object.fromEntries(marks.map(({ p, status }) => [`attendance.${p.id}`, status])),
      },
      at: w.now,
    });
    if (!follow) return;
    const upcoming = (await listNextOpenSessions(w.tx, w.now, 4)).filter((s) => s.id !== w.row.id).slice(0, 3);
    const view = emailView(deps, w.row);
    for (const p of attendees) {
      const r = recipient(p);
      const nextSessions = upcoming.map((s) => ({
        title: s.title,
        when: whenText({ startsAt: s.starts_at, timeZone: s.time_zone }, r),
        link: emailView(deps, s).link,
      }));
      const email = followUpEmail(w.site, view, r, {
        recordingUrl: next.recording_url,
        notes: next.wrap_up_notes,
        next: nextSessions,
      });
      await enqueueEmail(w.tx, deps, p.email, email);
    }
  });
}

/** A member's attendance history: their own, or anyone's for an admin. */
export async function readAttendance(deps: Deps, actor: Actor, userId: string): Promise<AttendanceHistory> {
  if (userId !== actor.id) authorize(actor, "users.manage", SITE);
  const rows = await listAttendanceOf(deps.db, userId);
  const sessions = rows.map((r) => ({
    sessionId: r.session_id,
    title: r.title,
    startsAt: r.starts_at,
    status: r.status as "attended" | "no_show",
  }));
  return {
    attended: sessions.filter((s) => s.status === "attended").length,
    noShows: sessions.filter((s) => s.status === "no_show").length,
    sessions,
  };
}
