import type {
  ReopenParticipants,
  SessionCreateInput,
  SessionUpdateInput,
  StatusAction,
} from "../../shared/schemas/community-sessions";
import { SESSION_DEFAULTS } from "../../shared/schemas/community-sessions";
import { type Changes, diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import { type Actor, isPremium } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { badRequest, conflict } from "../platform/errors";
import { newId } from "../platform/ids";
import { readFeatures } from "../site/settings";
import {
  applyStatusAction,
  deletionTellsParticipants,
  isPublished,
  pastStartRefusal,
  reopenChoiceRefusal,
  requiredWhilePublished,
} from "./lifecycle";
import { placeReleasedEmail, sessionBackOnEmail, sessionCancelledEmail, waitlistEndedEmail } from "./messages";
import { capacityOf, statusFacts } from "./present";
import {
  deleteSession,
  insertParticipant,
  insertSession,
  type ParticipantWithUser,
  type SessionRow,
  updateParticipant,
  updateSession,
} from "./queries";
import { endOf, instantToLocal, localToInstant } from "./schedule";
import {
  AUDIT_TYPE,
  activeOf,
  bumpSequence,
  emailView,
  invite,
  recipient,
  refuse,
  type SessionWork,
  takenOf,
  withSession,
} from "./session-work";
import { capacityChangeProblems, countActive, creatorBecomesHost } from "./slots";
import { NOTIFIED_FIELDS, notifyUpdate, withdrawUpdateNotice } from "./update-notices";
import { heldPlaces, placesTaken } from "./waitlist";

/** A session's own life: create, edit its details, change its status, delete (community.md, Session editor). */

type ScheduleFields = { starts_at: string | null; ends_at: string | null; time_zone: string };

function schedule(startsLocal: string | null, timeZone: string, durationMinutes: number): ScheduleFields {
  if (startsLocal === null) return { starts_at: null, ends_at: null, time_zone: timeZone };
  const res = localToInstant(startsLocal, timeZone);
  if (!res.ok) throw badRequest(`Date & Time ${res.message}.`, { startsLocal: res.message });
  return { starts_at: res.startsAt, ends_at: endOf(res.startsAt, durationMinutes), time_zone: timeZone };
}

/** A start set now must lie ahead; an unchanged one may have passed (lifecycle.ts `pastStartRefusal`). */
function refusePastStart(next: string | null, previous: string | null, now: Date): void {
  const rule = pastStartRefusal(next, previous, now);
  if (rule) throw badRequest(`Date & Time ${rule}.`, { startsLocal: rule });
}

/** New Session: created in Draft with the seed's defaults (community.md, Session). */
export async function createCommunitySession(deps: Deps, actor: Actor, input: SessionCreateInput): Promise<SessionRow> {
  const v = { ...SESSION_DEFAULTS, ...input };
  const clock = deps.clock.now();
  const now = clock.toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const features = await readFeatures(tx);
    authorize(actor, "community.sessions.create", {
      kind: "community",
      allowUserSessionCreation: features.allowUserSessionCreation,
    });
    const when = schedule(v.startsLocal, v.timeZone, v.durationMinutes);
    refusePastStart(when.starts_at, null, clock);
    const row: SessionRow = {
      id: newId(),
      title: v.title,
      description: v.description,
      ...when,
      duration_minutes: v.durationMinutes,
      meeting_url: v.meetingUrl,
      meeting_password: v.meetingPassword,
      max_presenters: v.maxPresenters,
      max_guests: v.maxGuests,
      talk_minutes: v.talkMinutes,
      qa_minutes: v.qaMinutes,
      has_interviewer: v.hasInterviewer ? 1 : 0,
      status: "draft",
      version: 1,
      ics_sequence: 0,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      reminder_minutes: null,
      recording_url: null,
      wrap_up_notes: null,
      wrapped_up_at: null,
    };
    await insertSession(tx, row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community_session.created",
      objectType: AUDIT_TYPE,
      objectId: row.id,
      changes: { title: v.title },
      at: now,
    });
    if (creatorBecomesHost({ isAdmin: actor.isAdmin, isPremium: isPremium(actor) }, features)) {
      await insertParticipant(tx, {
        id: newId(),
        session_id: row.id,
        user_id: actor.id,
        role: "host",
        status: "registered",
        presenter_order: null,
        talk_title: null,
        talk_description: null,
        topics: null,
        questions: null,
        created_at: now,
        updated_at: now,
      });
    }
    return row;
  });
}

/**
 * Autosave of the Details tab (community.md, Session editor): validates, refuses a stale version, refuses a
 * maximum below the registered count, re-evaluates Full, and tells active participants when the date, time,
 * duration or meeting details change (one email per burst of edits).
 */
export async function updateCommunitySession(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: SessionUpdateInput,
): Promise<SessionRow> {
  return withSession(deps, actor, sessionId, "manage", async (w) => {
    const { row } = w;
    if (input.version !== row.version) {
      throw conflict(
        "version_conflict",
        `Someone else saved this session meanwhile (now version ${row.version}). Reload to see their changes, then edit again.`,
      );
    }
    const timeZone = input.timeZone ?? row.time_zone;
    const duration = input.durationMinutes ?? row.duration_minutes;
    // Changing only the zone keeps the wall-clock time: "18:30 in New York" becomes "18:30 in Paris".
    const startsLocal =
      input.startsLocal !== undefined
        ? input.startsLocal
        : row.starts_at
          ? instantToLocal(row.starts_at, row.time_zone)
          : null;
    const next: SessionRow = {
      ...row,
      title: input.title ?? row.title,
      description: input.description ?? row.description,
      ...schedule(startsLocal, timeZone, duration),
      duration_minutes: duration,
      meeting_url: input.meetingUrl !== undefined ? input.meetingUrl : row.meeting_url,
      meeting_password: input.meetingPassword !== undefined ? input.meetingPassword : row.meeting_password,
      max_presenters: input.maxPresenters ?? row.max_presenters,
      max_guests: input.maxGuests ?? row.max_guests,
      talk_minutes: input.talkMinutes ?? row.talk_minutes,
      qa_minutes: input.qaMinutes ?? row.qa_minutes,
      has_interviewer: input.hasInterviewer === undefined ? row.has_interviewer : input.hasInterviewer ? 1 : 0,
      reminder_minutes:
        input.reminderMinutes === undefined
          ? row.reminder_minutes
          : input.reminderMinutes === null
            ? null
            : JSON.stringify([...input.reminderMinutes].sort((a, b) => b - a)),
    };
    refusePastStart(next.starts_at, row.starts_at, new Date(w.now));
    const problems = capacityChangeProblems(capacityOf(next), takenOf(w));
    if (Object.keys(problems).length > 0) {
      throw conflict("below_registered", `Not saved: ${Object.values(problems).join(" ")}`, problems);
    }
    const missing = requiredWhilePublished(row.status, {
      hasStart: Boolean(next.starts_at),
      hasMeetingUrl: Boolean(next.meeting_url),
    });
    if (Object.keys(missing).length > 0) {
      throw conflict("required_while_published", "A published session needs a Date & Time and a Meeting URL.", missing);
    }
    const changes: Changes = diff(row, next);
    if (Object.keys(changes).length === 0) return row;
    const saved: SessionRow = { ...next, version: row.version + 1, updated_at: w.now };
    await updateSession(w.tx, row.id, {
      title: saved.title,
      description: saved.description,
      starts_at: saved.starts_at,
      ends_at: saved.ends_at,
      time_zone: saved.time_zone,
      duration_minutes: saved.duration_minutes,
      meeting_url: saved.meeting_url,
      meeting_password: saved.meeting_password,
      max_presenters: saved.max_presenters,
      max_guests: saved.max_guests,
      talk_minutes: saved.talk_minutes,
      qa_minutes: saved.qa_minutes,
      has_interviewer: saved.has_interviewer,
      reminder_minutes: saved.reminder_minutes,
      version: saved.version,
      updated_at: saved.updated_at,
    });
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_session.updated",
      objectType: AUDIT_TYPE,
      objectId: row.id,
      changes,
      at: w.now,
    });

    const notified = NOTIFIED_FIELDS.filter((f) => f in changes);
    if (notified.length > 0 && isPublished(row.status)) {
      await notifyUpdate(deps, w, await bumpSequence(w, saved), notified);
    }
    return saved;
  });
}

/**
 * Open, Close, Reopen, Cancel: applied at once (community.md, Status lifecycle). Reopening a Cancelled session
 * whose participants were told it is off needs `participants` (issue 13, 1): `restore` registers them again and
 * tells each (with a calendar invitation), `release` cancels their registrations and tells each.
 */
export async function changeCommunitySessionStatus(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  action: StatusAction,
  participants?: ReopenParticipants,
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const { row } = w;
    const active = activeOf(w);
    const choiceProblem = reopenChoiceRefusal(row.status, action, active.length, participants);
    if (choiceProblem) throw badRequest(choiceProblem.message, { [choiceProblem.field]: choiceProblem.message });
    const comingBack = action === "reopen" && row.status === "cancelled" ? active : [];
    const released = participants === "release" ? comingBack : [];
    const holding = released.length > 0 ? [] : active;
    const result = applyStatusAction(
      row.status,
      action,
      statusFacts(row, capacityOf(row), placesTaken(countActive(holding), heldPlaces(w.waitlist)), new Date(w.now)),
    );
    if (!result.ok) throw refuse(result);
    await updateSession(w.tx, row.id, { status: result.status, updated_at: w.now });
    const changed = action === "cancel" || action === "reopen" ? await bumpSequence(w) : row;
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_session.status_changed",
      objectType: AUDIT_TYPE,
      objectId: row.id,
      changes: {
        status: { from: row.status, to: result.status },
        action,
        ...(comingBack.length > 0
          ? {
              participants: participants ?? "restore",
              [participants === "release" ? "released" : "restored"]: comingBack.map((p) => p.id),
            }
          : {}),
      },
      at: w.now,
    });
    if (released.length > 0) await releasePlaces(deps, w, released, { ...changed, status: result.status });
    else if (comingBack.length > 0) await restorePlaces(deps, w, comingBack, { ...changed, status: result.status });
    if (action === "cancel") {
      for (const p of active) {
        await enqueueEmail(
          w.tx,
          deps,
          p.email,
          sessionCancelledEmail(w.site, emailView(deps, row), recipient(p)),
          invite(deps, w, { ...changed, status: "cancelled" }, p, "CANCEL"),
        );
      }
    }
  });
}

/** Restored on reopen: each is told they are registered again, with the calendar invitation back (issue 13, 1). */
async function restorePlaces(deps: Deps, w: SessionWork, people: ParticipantWithUser[], reopened: SessionRow) {
  for (const p of people) {
    const talk = p.role === "presenter" ? p.talk_title : null;
    await enqueueEmail(
      w.tx,
      deps,
      p.email,
      sessionBackOnEmail(w.site, emailView(deps, reopened), recipient(p), p.role, talk),
      invite(deps, w, reopened, p, "REQUEST"),
    );
  }
}

/**
 * Released on reopen: the registrations become Cancelled and each is told (issue 13, 1). Their calendars dropped
 * the session with its cancellation, so no calendar part goes with it.
 */
async function releasePlaces(deps: Deps, w: SessionWork, people: ParticipantWithUser[], reopened: SessionRow) {
  for (const p of people) {
    await updateParticipant(w.tx, p.id, { status: "cancelled", presenter_order: null, updated_at: w.now });
    await withdrawUpdateNotice(w, p.user_id);
    await enqueueEmail(
      w.tx,
      deps,
      p.email,
      placeReleasedEmail(w.site, emailView(deps, reopened), recipient(p), p.role),
    );
  }
}

/**
 * Delete: the session and all its participant records, for good (community.md, Session editor). Each active
 * participant is told it is cancelled, with the calendar cancellation (issue 13, 5), unless they were told when it
 * was cancelled or it is over (`deletionTellsParticipants`).
 */
export async function deleteCommunitySession(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const tell = deletionTellsParticipants(w.row.status, w.row.ends_at, new Date(w.now));
    const told = tell ? activeOf(w) : [];
    const gone: SessionRow = { ...w.row, status: "cancelled", ics_sequence: w.row.ics_sequence + 1 };
    for (const p of told) {
      await withdrawUpdateNotice(w, p.user_id);
      await enqueueEmail(
        w.tx,
        deps,
        p.email,
        sessionCancelledEmail(w.site, emailView(deps, w.row), recipient(p), { deleted: true }),
        invite(deps, w, gone, p, "CANCEL"),
      );
    }
    // Those waiting for a place are told too; their entries go with the session.
    for (const e of tell ? w.waitlist : [])
      await enqueueEmail(
        w.tx,
        deps,
        e.email,
        waitlistEndedEmail(w.site, emailView(deps, w.row), recipient(e), e.role, "cancelled"),
        e.status === "offered" ? invite(deps, w, gone, e, "CANCEL") : {},
      );
    await deleteSession(w.tx, w.row.id);
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_session.deleted",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: { title: w.row.title, participants: w.participants.length, told: told.length },
      at: w.now,
    });
  });
}
