import type {
  RegisterInput,
  SessionCreateInput,
  SessionUpdateInput,
  UpdateParticipantInput,
} from "../../shared/schemas/community-sessions";
import { SESSION_DEFAULTS } from "../../shared/schemas/community-sessions";
import { findUserByEmail, findUserById, insertPasswordReset, insertUser, updateUser } from "../accounts/queries";
import { type Changes, diff, recordAudit } from "../audit/record";
import { sessionInvite } from "../calendars/community-ics";
import { enqueueCalendarSync } from "../calendars/google/sync";
import { enqueueEmail } from "../mail/enqueue-email";
import type { Rendered } from "../mail/layout";
import { renderEmail } from "../mail/layout";
import { type Actor, isPremium } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { can } from "../permissions/policy";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { type AppError, badRequest, conflict, forbidden, notFound } from "../platform/errors";
import { newId, newToken, sha256 } from "../platform/ids";
import { type Limit, throttle } from "../platform/rate-limit";
import { type FeatureSettings, readFeatures, readSite, type SiteSettings } from "../site/settings";
import { applyStatusAction, canMemberCancel, reconcileFull, registrationRefusal, type StatusAction } from "./lifecycle";
import { clearListCache } from "./list-cache";
import {
  memberInvitationEmail,
  ROLE_LABEL,
  registrationCancelledEmail,
  registrationConfirmedEmail,
  roleChangedEmail,
  type SessionChange,
  type SessionForEmail,
  sessionCancelledEmail,
  sessionUpdatedEmail,
  whenText,
} from "./messages";
import { capacityOf, sessionFacts } from "./present";
import {
  deleteSession,
  findSession,
  insertParticipant,
  insertSession,
  listParticipants,
  lockSession,
  type ParticipantWithUser,
  type SessionRow,
  updateParticipant,
  updateSession,
} from "./queries";
import { endOf, instantToLocal, localToInstant } from "./schedule";
import {
  capacityChangeProblems,
  compactPresenterOrder,
  countActive,
  isActiveParticipant,
  isFull,
  movePresenter,
  nextPresenterOrder,
  type Role,
  roleRefusal,
} from "./slots";

/** What one locked unit of work on a session sees. */
interface SessionWork {
  tx: Db;
  row: SessionRow;
  participants: ParticipantWithUser[];
  features: FeatureSettings;
  site: SiteSettings;
  now: string;
}

const AUDIT_TYPE = "community_session";

/**
 * Runs `fn` in one transaction with the session row locked and its participants loaded; then re-evaluates
 * Full in the same transaction (community.md, Status lifecycle: Open ⇄ Full automatically).
 * Cannot see it: 404; can see but may not: 403.
 */
async function withSession<T>(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  need: "manage" | "register",
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
  need: "manage" | "register",
  fn: (w: SessionWork) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockSession(tx, deps.engine, sessionId);
    if (!row) throw notFound("The session");
    const [participants, features, site] = await Promise.all([
      listParticipants(tx, sessionId),
      readFeatures(tx),
      readSite(tx),
    ]);
    const facts = sessionFacts(row, actor, participants, features);
    if (!can(actor, "community.session.view", facts)) throw notFound("The session");
    authorize(actor, need === "manage" ? "community.session.manage" : "community.session.register", facts);
    const work: SessionWork = { tx, row, participants, features, site, now: deps.clock.now().toISOString() };
    const result = await fn(work);
    await settleFull(actor, work);
    // Every change a participant or the community calendar could see; the sync reads the state it finds.
    await enqueueCalendarSync(tx, deps, sessionId);
    return result;
  });
}

/** Re-reads the participants and turns Open into Full or back, with an audit entry when it changes. */
async function settleFull(actor: Actor | null, w: SessionWork): Promise<void> {
  const fresh = await w.tx.selectFrom("community_sessions").selectAll().where("id", "=", w.row.id).executeTakeFirst();
  if (!fresh) return; // deleted
  const participants = await listParticipants(w.tx, w.row.id);
  const next = reconcileFull(
    fresh.status,
    isFull(capacityOf(fresh), countActive(participants.filter((p) => isActiveParticipant(p.status)))),
  );
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

function emailView(deps: Deps, row: SessionRow): SessionForEmail {
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

const recipient = (p: { name: string | null; time_zone: string | null }) => ({ name: p.name, timeZone: p.time_zone });

function invite(
  deps: Deps,
  w: { site: SiteSettings },
  row: SessionRow,
  to: { name: string | null; email: string },
  method: "REQUEST" | "CANCEL",
) {
  return sessionInvite(deps.config, row, to, w.site.siteName, method);
}

/** Every change participants' calendars must follow raises the session's iCalendar SEQUENCE. */
async function bumpSequence(w: SessionWork, row: SessionRow = w.row): Promise<SessionRow> {
  const next = { ...row, ics_sequence: row.ics_sequence + 1 };
  await updateSession(w.tx, row.id, { ics_sequence: next.ics_sequence });
  return next;
}

function refuse(r: { code: string; message: string; field?: string }): AppError {
  return conflict(r.code, r.message, r.field ? { [r.field]: r.message } : undefined);
}

function activeOf(w: SessionWork) {
  return w.participants.filter((p) => isActiveParticipant(p.status));
}

async function compactPresenters(w: SessionWork, leaving: string): Promise<void> {
  const remaining = activeOf(w)
    .filter((p) => p.role === "presenter" && p.id !== leaving)
    .map((p) => ({ id: p.id, order: p.presenter_order ?? 0 }));
  for (const p of compactPresenterOrder(remaining)) {
    await updateParticipant(w.tx, p.id, { presenter_order: p.order });
  }
}

function nextOrder(w: SessionWork): number {
  return nextPresenterOrder(
    activeOf(w)
      .filter((p) => p.role === "presenter")
      .map((p) => p.presenter_order ?? 0),
  );
}

type ScheduleFields = { starts_at: string | null; ends_at: string | null; time_zone: string };

function schedule(startsLocal: string | null, timeZone: string, durationMinutes: number): ScheduleFields {
  if (startsLocal === null) return { starts_at: null, ends_at: null, time_zone: timeZone };
  const res = localToInstant(startsLocal, timeZone);
  if (!res.ok) throw badRequest(`Date & Time ${res.message}.`, { startsLocal: res.message });
  return { starts_at: res.startsAt, ends_at: endOf(res.startsAt, durationMinutes), time_zone: timeZone };
}

/** New Session: created in Draft with the seed's defaults (community.md, Session). */
export async function createCommunitySession(deps: Deps, actor: Actor, input: SessionCreateInput): Promise<SessionRow> {
  const v = { ...SESSION_DEFAULTS, ...input };
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const features = await readFeatures(tx);
    authorize(actor, "community.sessions.create", {
      kind: "community",
      allowUserSessionCreation: features.allowUserSessionCreation,
    });
    const row: SessionRow = {
      id: newId(),
      title: v.title,
      description: v.description,
      ...schedule(v.startsLocal, v.timeZone, v.durationMinutes),
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
    // A member who creates a session becomes its host when they may host (community.md, Settings).
    const mayHost = !features.requirePremiumForHosting || isPremium(actor);
    if (!actor.isAdmin && mayHost) {
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

const NOTIFIED_FIELDS = ["starts_at", "meeting_url", "meeting_password", "duration_minutes"] as const;

function describeChange(
  deps: Deps,
  field: (typeof NOTIFIED_FIELDS)[number],
  from: SessionRow,
  to: SessionRow,
  zone: string | null,
): SessionChange {
  const view = (r: SessionRow) => ({ ...emailView(deps, r) });
  switch (field) {
    case "starts_at":
      return {
        label: "Date & Time",
        from: whenText(view(from), { name: null, timeZone: zone }),
        to: whenText(view(to), { name: null, timeZone: zone }),
      };
    case "meeting_url":
      return { label: "Meeting URL", from: from.meeting_url ?? "none", to: to.meeting_url ?? "none" };
    case "meeting_password":
      return { label: "Meeting Password", from: from.meeting_password ?? "none", to: to.meeting_password ?? "none" };
    case "duration_minutes":
      return { label: "Duration", from: `${from.duration_minutes} minutes`, to: `${to.duration_minutes} minutes` };
  }
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
    };
    const problems = capacityChangeProblems(capacityOf(next), countActive(activeOf(w)));
    if (Object.keys(problems).length > 0) {
      throw conflict("below_registered", `Not saved: ${Object.values(problems).join(" ")}`, problems);
    }
    if (row.status !== "draft" && row.status !== "cancelled") {
      const missing: Record<string, string> = {};
      if (!next.starts_at) missing.startsLocal = "is required while the session is open to members";
      if (!next.meeting_url) missing.meetingUrl = "is required while the session is open to members";
      if (Object.keys(missing).length > 0)
        throw conflict(
          "required_while_published",
          "A published session needs a Date & Time and a Meeting URL.",
          missing,
        );
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
    if (notified.length > 0 && row.status !== "draft" && row.status !== "cancelled") {
      await notifyUpdate(deps, w, await bumpSequence(w, saved), notified);
    }
    return saved;
  });
}

const updateNoticeKey = (sessionId: string, userId: string) => `session-updated:${sessionId}:${userId}`;

/** Someone who leaves the session must not receive a queued notice with its new meeting details. */
async function withdrawUpdateNotice(w: SessionWork, userId: string): Promise<void> {
  await w.tx
    .deleteFrom("outbox")
    .where("coalesce_key", "=", updateNoticeKey(w.row.id, userId))
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .execute();
}

/**
 * Queues Session Updated for each active participant. A pending notice for the same session and person is
 * replaced, keeping what it said the old values were, so a burst of autosaves sends one email.
 */
async function notifyUpdate(
  deps: Deps,
  w: SessionWork,
  saved: SessionRow,
  fields: (typeof NOTIFIED_FIELDS)[number][],
): Promise<void> {
  const notBefore = addMs(w.now, deps.config.updateNoticeDelayMs);
  for (const p of activeOf(w)) {
    const key = updateNoticeKey(saved.id, p.user_id);
    const pending = await w.tx
      .selectFrom("outbox")
      .select("payload")
      .where("coalesce_key", "=", key)
      .where("status", "=", "pending")
      .where("attempts", "=", 0)
      .executeTakeFirst();
    const before: SessionRow = pending ? { ...w.row, ...(JSON.parse(pending.payload).meta?.before ?? {}) } : w.row;
    const allFields = NOTIFIED_FIELDS.filter(
      (f) => fields.includes(f) || JSON.stringify(before[f]) !== JSON.stringify(w.row[f]),
    );
    const changes = allFields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(saved[f]))
      .map((f) => describeChange(deps, f, before, saved, p.time_zone));
    if (changes.length === 0) {
      // The edits ended where they started: the unsent notice would now be wrong.
      if (pending) {
        await w.tx
          .deleteFrom("outbox")
          .where("coalesce_key", "=", key)
          .where("status", "=", "pending")
          .where("attempts", "=", 0)
          .execute();
      }
      continue;
    }
    const rendered = sessionUpdatedEmail(w.site, emailView(deps, saved), recipient(p), changes);
    const beforeValues = Object.fromEntries(NOTIFIED_FIELDS.map((f) => [f, before[f]]));
    await enqueueEmail(w.tx, deps, p.email, rendered, invite(deps, w, saved, p, "REQUEST"), {
      coalesceKey: key,
      notBefore,
      meta: { before: beforeValues },
    });
  }
}

/** Open, Close, Reopen, Cancel: applied at once (community.md, Status lifecycle). */
export async function changeCommunitySessionStatus(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  action: StatusAction,
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const { row } = w;
    const active = activeOf(w);
    const result = applyStatusAction(row.status, action, {
      hasStart: row.starts_at !== null,
      hasMeetingUrl: row.meeting_url !== null,
      isFull: isFull(capacityOf(row), countActive(active)),
    });
    if (!result.ok) throw refuse(result);
    await updateSession(w.tx, row.id, { status: result.status, updated_at: w.now });
    const changed = action === "cancel" || action === "reopen" ? await bumpSequence(w) : row;
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_session.status_changed",
      objectType: AUDIT_TYPE,
      objectId: row.id,
      changes: { status: { from: row.status, to: result.status }, action },
      at: w.now,
    });
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

/** Delete: the session and all its participant records, for good (community.md, Session editor). */
export async function deleteCommunitySession(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    await deleteSession(w.tx, w.row.id);
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_session.deleted",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: { title: w.row.title, participants: w.participants.length },
      at: w.now,
    });
  });
}

function roleFields(
  role: Role,
  input: {
    talkTitle?: string | null;
    talkDescription?: string | null;
    topics?: string | null;
    questions?: string | null;
  },
) {
  return {
    talk_title: role === "presenter" ? (input.talkTitle ?? null) : null,
    talk_description: role === "presenter" ? (input.talkDescription ?? null) : null,
    topics: role === "guest" ? (input.topics ?? null) : null,
    questions: role === "guest" ? (input.questions ?? null) : null,
  };
}

/**
 * Puts a person into a role, if the role has a free slot and they may take it (admins may override the premium
 * gate, never a full role); presenters go last in the order. Returns the participant id.
 */
async function placeParticipant(
  w: SessionWork,
  userId: string,
  input: {
    role: Role;
    talkTitle?: string | null;
    talkDescription?: string | null;
    topics?: string | null;
    questions?: string | null;
  },
  who: { isPremium: boolean; adminOverride: boolean },
): Promise<string> {
  const problem = roleRefusal(input.role, {
    cap: capacityOf(w.row),
    counts: countActive(activeOf(w)),
    gates: w.features,
    isPremium: who.isPremium,
    adminOverride: who.adminOverride,
    premiumLabel: w.features.premiumLabel,
  });
  if (problem) throw conflict(problem.code, problem.message, { role: problem.message });
  const id = newId();
  await insertParticipant(w.tx, {
    id,
    session_id: w.row.id,
    user_id: userId,
    role: input.role,
    status: "registered",
    presenter_order: input.role === "presenter" ? nextOrder(w) : null,
    ...roleFields(input.role, input),
    created_at: w.now,
    updated_at: w.now,
  });
  return id;
}

/** Register (community.md, Registration): one transaction for the row, the order, Full and the email. */
export async function registerForCommunitySession(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: RegisterInput,
): Promise<void> {
  await withSession(deps, actor, sessionId, "register", async (w) => {
    const refusal = registrationRefusal(w.row.status, w.row.starts_at, deps.clock.now());
    if (refusal) throw refuse(refusal);
    if (activeOf(w).some((p) => p.user_id === actor.id)) {
      throw conflict(
        "already_registered",
        "You are already registered for this session. Cancel first to change your role.",
      );
    }
    const user = await findUserById(w.tx, actor.id);
    if (!user) throw notFound("Your account");
    let name = user.name;
    if (!name) {
      if (!input.name)
        throw badRequest("Tell us your name to register.", { name: "is required: your name appears in the roster" });
      name = input.name;
      await updateUser(w.tx, actor.id, { name, updated_at: w.now });
    }
    const id = await placeParticipant(w, actor.id, input, { isPremium: isPremium(actor), adminOverride: false });
    await enqueueEmail(
      w.tx,
      deps,
      user.email,
      registrationConfirmedEmail(
        w.site,
        emailView(deps, w.row),
        { name, timeZone: user.time_zone },
        input.role,
        input.role === "presenter" ? (input.talkTitle ?? null) : null,
      ),
      invite(deps, w, w.row, { name, email: user.email }, "REQUEST"),
    );
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_participant.registered",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: { participant: id, user: actor.id, role: input.role },
      at: w.now,
    });
  });
}

/** A member cancels their own registration until the session starts (community.md, Registration, 6). */
export async function cancelOwnRegistration(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "register", async (w) => {
    const mine = activeOf(w).find((p) => p.user_id === actor.id);
    if (!mine) throw notFound("Your registration");
    if (!canMemberCancel(w.row.starts_at, deps.clock.now())) {
      throw conflict("session_started", "The session has started: registrations can no longer be cancelled.");
    }
    await cancelParticipant(deps, w, mine, actor, "self");
  });
}

async function cancelParticipant(
  deps: Deps,
  w: SessionWork,
  p: ParticipantWithUser,
  actor: Actor,
  by: "self" | "organiser",
): Promise<void> {
  await updateParticipant(w.tx, p.id, { status: "cancelled", presenter_order: null, updated_at: w.now });
  if (p.role === "presenter") await compactPresenters(w, p.id);
  await withdrawUpdateNotice(w, p.user_id);
  w.row = await bumpSequence(w);
  await enqueueEmail(
    w.tx,
    deps,
    p.email,
    registrationCancelledEmail(w.site, emailView(deps, w.row), recipient(p), by),
    invite(deps, w, w.row, p, "CANCEL"),
  );
  await recordAudit(w.tx, {
    actorId: actor.id,
    action: by === "self" ? "community_participant.cancelled" : "community_participant.removed",
    objectType: AUDIT_TYPE,
    objectId: w.row.id,
    changes: { participant: p.id, user: p.user_id, role: p.role, status: { from: p.status, to: "cancelled" } },
    at: w.now,
  });
}

function findParticipant(w: SessionWork, participantId: string): ParticipantWithUser {
  const p = w.participants.find((x) => x.id === participantId);
  if (!p) throw notFound("The participant");
  return p;
}

function invitationEmail(site: SiteSettings, s: SessionForEmail, role: Role, link: string): Rendered {
  return renderEmail(site, `You are invited to ${s.title}`, [
    "Hello,",
    `An organiser of ${site.siteName} added you to "${s.title}" as ${ROLE_LABEL[role]}.`,
    {
      lines: [
        ["When", whenText(s, { name: null, timeZone: null })],
        ["Duration", `${s.durationMinutes} minutes`],
      ],
    },
    "Create your account to see the meeting details and manage your registration (the link works for 7 days):",
    { link, label: "Create your account" },
  ]);
}

/** Invitations a member managing their own sessions may send per hour: each one emails another member. */
export const MEMBER_INVITATION_LIMIT: Limit = { max: 20, windowMs: 3600_000 };

export type AddByEmailResult = { added: string } | { invited: true };

/**
 * Add a participant by email in a chosen role (community.md, Participants tab). Admins add at once; an unknown
 * email gets an account without a password and an invitation to set one; they may override a premium gate,
 * never a full role. Members managing their own sessions only invite (inviteByEmail).
 */
export async function addParticipantByEmail(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: { email: string; role: Role; talkTitle?: string | null; talkDescription?: string | null },
): Promise<AddByEmailResult> {
  if (!actor.isAdmin) {
    await inviteByEmail(deps, actor, sessionId, input);
    return { invited: true };
  }
  const added = await withSession(deps, actor, sessionId, "manage", async (w) => {
    if (w.row.status === "cancelled")
      throw conflict("session_cancelled", "The session is cancelled: reopen it before adding people.");
    let user = await findUserByEmail(w.tx, input.email);
    let invitationToken: string | null = null;
    if (!user) {
      const id = newId();
      await insertUser(w.tx, {
        id,
        email: input.email,
        name: null,
        password_hash: null,
        is_admin: 0,
        is_staff: 0,
        is_premium: 0,
        time_zone: null,
        deactivated_at: null,
        created_at: w.now,
        updated_at: w.now,
      });
      invitationToken = newToken();
      await insertPasswordReset(w.tx, {
        id: sha256(invitationToken),
        user_id: id,
        created_at: w.now,
        expires_at: addMs(w.now, 7 * 24 * 3600_000),
        used_at: null,
      });
      user = await findUserById(w.tx, id);
    }
    if (!user) throw notFound("The user");
    if (user.deactivated_at)
      throw conflict("user_deactivated", "This account is deactivated.", { email: "belongs to a deactivated account" });
    const target = user;
    if (activeOf(w).some((p) => p.user_id === target.id)) {
      throw conflict("already_registered", "This person is already registered; change their role instead.", {
        email: "is already registered",
      });
    }
    const id = await placeParticipant(w, target.id, input, {
      isPremium: target.is_premium === 1 || target.is_staff === 1 || target.is_admin === 1,
      adminOverride: actor.isAdmin,
    });
    const view = emailView(deps, w.row);
    const calendar = invite(deps, w, w.row, target, "REQUEST");
    if (invitationToken) {
      const link = `${deps.config.baseUrl}/reset-password?token=${encodeURIComponent(invitationToken)}&invited=1`;
      // The link sets the password of the new account: only its owner may read it (issue #11).
      await enqueueEmail(w.tx, deps, target.email, invitationEmail(w.site, view, input.role, link), {
        ...calendar,
        secrets: [invitationToken],
      });
    } else {
      const talk = input.role === "presenter" ? (input.talkTitle ?? null) : null;
      await enqueueEmail(
        w.tx,
        deps,
        target.email,
        registrationConfirmedEmail(w.site, view, recipient(target), input.role, talk),
        calendar,
      );
    }
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_participant.added",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: { participant: id, user: target.id, role: input.role, invited: invitationToken !== null },
      at: w.now,
    });
    return id;
  });
  return { added };
}

/**
 * A member managing their own session (Allow User Session Creation) invites by email: a member with an account
 * is emailed an invitation to register themselves; nobody else is emailed and no account is created. The answer
 * and the roster are the same either way, so the inviter cannot tell whether the address has an account; and
 * nobody is registered for something they did not choose.
 */
async function inviteByEmail(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: { email: string; role: Role },
): Promise<void> {
  const row = await findSession(deps.db, sessionId);
  if (!row) throw notFound("The session");
  const [participants, features, site] = await Promise.all([
    listParticipants(deps.db, row.id),
    readFeatures(deps.db),
    readSite(deps.db),
  ]);
  assertManager(actor, row, participants, features);
  await throttle(
    deps.db,
    deps.clock.now(),
    [[`community-invitation:${actor.id}`, MEMBER_INVITATION_LIMIT]],
    "Too many invitations.",
  );
  if (row.status !== "open" && row.status !== "full") {
    throw conflict("session_not_open", "Only an Open or Full session takes invitations: nobody could register.");
  }
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    const registered = participants.some((p) => p.user_id === user?.id && isActiveParticipant(p.status));
    if (user && user.deactivated_at === null && user.id !== actor.id && !registered) {
      const inviter = actor.name ?? `A member of ${site.siteName}`;
      const rendered = memberInvitationEmail(site, emailView(deps, row), recipient(user), inviter, input.role);
      await enqueueEmail(tx, deps, user.email, rendered);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community_participant.invited",
      objectType: AUDIT_TYPE,
      objectId: row.id,
      changes: { email: input.email, role: input.role },
      at: now,
    });
  });
}

/**
 * Participants tab edits (community.md): change role (Role Changed email), participant status (no email;
 * Cancelled frees the slot), a presenter's talk title and description.
 */
export async function updateCommunityParticipant(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  participantId: string,
  input: UpdateParticipantInput,
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const p = findParticipant(w, participantId);
    const patch: Parameters<typeof updateParticipant>[2] = {};
    const changes: Changes = {};
    const wasActive = isActiveParticipant(p.status);
    const nextStatus = input.status ?? p.status;
    const nextRole = input.role ?? p.role;
    const counts = countActive(activeOf(w));
    const targetUser = await findUserById(w.tx, p.user_id);
    const targetPremium = targetUser
      ? targetUser.is_premium === 1 || targetUser.is_staff === 1 || targetUser.is_admin === 1
      : false;

    if (input.role !== undefined && input.role !== p.role) {
      if (!isActiveParticipant(nextStatus)) {
        throw conflict(
          "participant_cancelled",
          "This registration is cancelled: set its status back first, then change the role.",
          {
            role: "cannot change while cancelled",
          },
        );
      }
      const problem = roleRefusal(input.role, {
        cap: capacityOf(w.row),
        counts,
        gates: w.features,
        isPremium: targetPremium,
        adminOverride: actor.isAdmin,
        currentRole: wasActive ? p.role : undefined,
        premiumLabel: w.features.premiumLabel,
      });
      if (problem) throw conflict(problem.code, problem.message, { role: problem.message });
      patch.role = input.role;
      changes.role = { from: p.role, to: input.role };
    }
    if (input.status !== undefined && input.status !== p.status) {
      const reactivating = !wasActive && isActiveParticipant(input.status);
      if (reactivating) {
        if (activeOf(w).some((x) => x.user_id === p.user_id)) {
          throw conflict("already_registered", "This person has another active registration in this session.", {
            status: "another registration is active",
          });
        }
        const problem = roleRefusal(nextRole, {
          cap: capacityOf(w.row),
          counts,
          gates: w.features,
          isPremium: targetPremium,
          adminOverride: actor.isAdmin,
          premiumLabel: w.features.premiumLabel,
        });
        if (problem) throw conflict(problem.code, problem.message, { status: problem.message });
      }
      patch.status = input.status;
      changes.status = { from: p.status, to: input.status };
    }
    const roleAfter = patch.role ?? p.role;
    const activeAfter = isActiveParticipant(patch.status ?? p.status);
    if (input.talkTitle !== undefined || input.talkDescription !== undefined) {
      if (roleAfter !== "presenter") {
        throw badRequest("Only presenters have a talk title and description.", {
          talkTitle: "only presenters have a talk",
        });
      }
      if (input.talkTitle !== undefined) patch.talk_title = input.talkTitle;
      if (input.talkDescription !== undefined) patch.talk_description = input.talkDescription;
      Object.assign(
        changes,
        diff(
          { talkTitle: p.talk_title, talkDescription: p.talk_description },
          { talkTitle: input.talkTitle, talkDescription: input.talkDescription },
        ),
      );
    }
    // Presentation order: a presenter who leaves the role or the session closes ranks; one who joins goes last.
    const wasPresenter = wasActive && p.role === "presenter";
    const isPresenter = activeAfter && roleAfter === "presenter";
    if (wasPresenter && !isPresenter) patch.presenter_order = null;
    if (!wasPresenter && isPresenter) patch.presenter_order = nextOrder(w);
    if (Object.keys(patch).length === 0) return;
    await updateParticipant(w.tx, p.id, { ...patch, updated_at: w.now });
    if (wasPresenter && !isPresenter) await compactPresenters(w, p.id);
    if (wasActive && !activeAfter) await withdrawUpdateNotice(w, p.user_id);
    if (changes.role && activeAfter) {
      await enqueueEmail(
        w.tx,
        deps,
        p.email,
        roleChangedEmail(w.site, emailView(deps, w.row), recipient(p), p.role, roleAfter),
        invite(deps, w, w.row, p, "REQUEST"),
      );
    }
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_participant.updated",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: { participant: p.id, user: p.user_id, ...changes },
      at: w.now,
    });
  });
}

/** Up/down buttons on a presenter row: saved at once (community.md, Participants tab). */
export async function moveCommunityPresenter(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  participantId: string,
  direction: "up" | "down",
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const p = findParticipant(w, participantId);
    if (p.role !== "presenter" || !isActiveParticipant(p.status)) {
      throw conflict("not_a_presenter", "Only active presenters have a presentation order.");
    }
    const presenters = activeOf(w)
      .filter((x) => x.role === "presenter")
      .map((x) => ({ id: x.id, order: x.presenter_order ?? 0 }));
    const before = new Map(presenters.map((x) => [x.id, x.order]));
    const after = movePresenter(presenters, p.id, direction);
    for (const x of after)
      if (before.get(x.id) !== x.order)
        await updateParticipant(w.tx, x.id, { presenter_order: x.order, updated_at: w.now });
    await recordAudit(w.tx, {
      actorId: actor.id,
      action: "community_participant.reordered",
      objectType: AUDIT_TYPE,
      objectId: w.row.id,
      changes: { participant: p.id, direction, order: after.map((x) => x.id) },
      at: w.now,
    });
  });
}

/** Remove (after the dialog's confirmation): Registration Cancelled email, the slot frees (community.md). */
export async function removeCommunityParticipant(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  participantId: string,
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const p = findParticipant(w, participantId);
    if (!isActiveParticipant(p.status)) throw conflict("already_cancelled", "This registration is already cancelled.");
    await cancelParticipant(deps, w, p, actor, "organiser");
  });
}

/** Throws 403 unless the actor may manage, used by read routes for managers. */
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
