/**
 * The status lifecycle of a community session (community.md, Status lifecycle): the admin's status actions,
 * the automatic Full, the statuses worked out from the clock, and who may register or cancel when.
 * Pure: the caller passes the facts and the time.
 */

import { SESSION_STATUS_LABEL } from "../../shared/labels";
import { SessionStatus, type ShownStatus, StatusAction } from "../../shared/schemas/community-sessions";

/** Facts about the session that a status action depends on. */
export interface StatusActionContext {
  /** Date & Time is set. */
  hasStart: boolean;
  /** Meeting URL is set. */
  hasMeetingUrl: boolean;
  /** Every slot is taken (see `isFull` in slots.ts). */
  isFull: boolean;
  /** The start has passed (see `hasStarted`): registration is over, so nothing can open it again. */
  hasStarted: boolean;
}

export type StatusActionResult =
  | { ok: true; status: SessionStatus }
  | { ok: false; code: string; message: string; field?: string };

/** The statuses stored on a session, in lifecycle order (the shared schema's). */
export const SESSION_STATUSES: readonly SessionStatus[] = SessionStatus.options;
/** The status buttons an admin has in the session editor, in button order (the shared schema's). */
export const STATUS_ACTIONS: readonly StatusAction[] = StatusAction.options;

// "open" is the first publication of a Draft; "reopen" brings back a session that has been open before
// (Full, Closed or Cancelled). Keeping them apart means a button never does two different things, and a
// request sent twice is refused rather than silently meaning something else.
const ALLOWED_ACTIONS: Record<SessionStatus, readonly StatusAction[]> = {
  draft: ["open", "cancel"],
  open: ["close", "cancel"],
  full: ["close", "reopen", "cancel"],
  closed: ["reopen", "cancel"],
  cancelled: ["reopen"],
};

const ACTION_VERBS: Record<StatusAction, string> = {
  open: "opened",
  close: "closed",
  reopen: "reopened",
  cancel: "cancelled",
};

/**
 * The status actions the lifecycle table allows from this status, in button order (community.md, Status
 * lifecycle), whatever the session's slots and clock. `statusChoices` narrows them to those that apply now.
 */
export function allowedStatusActions(status: SessionStatus): readonly StatusAction[] {
  return ALLOWED_ACTIONS[status];
}

/** An action the table allows that would change nothing visible now, and why (shown where its button would be). */
type NotApplicable = { code: string; message: string; field?: string };

const FULL_REOPENS_ITSELF =
  "Every place is taken, so reopening would leave it Full. Registration reopens by itself when a place frees up.";

/**
 * Why `action`, allowed from `status` by the table, does not apply to this session now, or null when it does:
 * once the start has passed registration is over, so opening, closing and reopening would only change a status
 * nobody sees (the session shows In Progress or Completed); reopening a Full session with no free slot leaves
 * it Full. Cancelling always applies. Missing Date & Time or Meeting URL is not here: the action applies once
 * they are set, and `applyStatusAction` names them.
 */
function notApplicable(status: SessionStatus, action: StatusAction, ctx: StatusActionContext): NotApplicable | null {
  if (action === "cancel") return null;
  if (ctx.hasStarted) {
    if (action === "close") {
      return { code: "session_started", message: "The session has started, so registration is already over." };
    }
    // A Draft or a Cancelled session can be given a new Date & Time; a published one has simply taken place.
    if (status === "draft" || status === "cancelled") {
      const verb = action === "open" ? "opening" : "reopening";
      return {
        code: "start_passed",
        message: `The Date & Time has passed: set a future one before ${verb} the session.`,
        field: "startsLocal",
      };
    }
    return { code: "start_passed", message: "The session has started, so registration cannot reopen." };
  }
  if (action === "reopen" && status === "full" && ctx.isFull) {
    return { code: "already_full", message: FULL_REOPENS_ITSELF };
  }
  return null;
}

/**
 * The status buttons the editor shows for this session now, in button order, and a note saying why an action
 * the lifecycle allows from this status is not among them (null when none is missing). The server offers these
 * (`abilities.statusActions`, `abilities.statusNote`) and `applyStatusAction` refuses the others, with the note.
 */
export function statusChoices(
  status: SessionStatus,
  ctx: StatusActionContext,
): { actions: StatusAction[]; note: string | null } {
  const actions: StatusAction[] = [];
  let note: string | null = null;
  for (const action of ALLOWED_ACTIONS[status]) {
    const why = notApplicable(status, action, ctx);
    if (why === null) actions.push(action);
    else note ??= why.message;
  }
  return { actions, note };
}

/**
 * An admin opens, closes, reopens or cancels a session (community.md, Status lifecycle):
 * Draft → Open needs Date & Time and Meeting URL, and lands in Full when every slot is already taken;
 * Open or Full → Closed; Full, Closed or Cancelled → Open ("reopen"), Full again at once if no slot is free;
 * any status → Cancelled, but only once. Everything else is refused with `invalid_transition`; an allowed
 * action that does not apply now (`statusChoices`) is refused with its reason.
 */
export function applyStatusAction(
  current: SessionStatus,
  action: StatusAction,
  ctx: StatusActionContext,
): StatusActionResult {
  if (!ALLOWED_ACTIONS[current].includes(action)) {
    return { ok: false, code: "invalid_transition", message: invalidTransitionMessage(current) };
  }
  const why = notApplicable(current, action, ctx);
  if (why) return { ok: false, ...why };
  switch (action) {
    case "open":
    case "reopen":
      // A reopen checks the same fields as the first open: a Draft that was cancelled must not reach
      // members without a time or a meeting link, and the fields may have been cleared since.
      if (!ctx.hasStart || !ctx.hasMeetingUrl) return missingForOpen(action, ctx);
      return { ok: true, status: ctx.isFull ? "full" : "open" };
    case "close":
      return { ok: true, status: "closed" };
    case "cancel":
      return { ok: true, status: "cancelled" };
  }
}

function invalidTransitionMessage(current: SessionStatus): string {
  const label = SESSION_STATUS_LABEL[current];
  const article = /^[AEIOU]/.test(label) ? "An" : "A";
  const verbs = ALLOWED_ACTIONS[current].map((a) => ACTION_VERBS[a]);
  const list = verbs.length > 1 ? `${verbs.slice(0, -1).join(", ")} or ${verbs.at(-1)}` : verbs.join("");
  return `${article} ${label} session can only be ${list}.`;
}

function missingForOpen(action: "open" | "reopen", ctx: StatusActionContext): StatusActionResult {
  const missing = [
    ...(ctx.hasStart ? [] : [{ field: "startsLocal", label: "the Date & Time" }]),
    ...(ctx.hasMeetingUrl ? [] : [{ field: "meetingUrl", label: "the Meeting URL" }]),
  ];
  const what = missing.map((m) => m.label).join(" and ");
  // `field` names the first missing field in editor order so the form can focus it; the message names all.
  return {
    ok: false,
    code: "required_before_open",
    message: `Set ${what} before ${action === "open" ? "opening" : "reopening"} the session.`,
    field: missing[0]!.field,
  };
}

/**
 * Full turns on and off by itself (community.md, Status lifecycle): an Open session becomes Full when the
 * last slot is taken, a Full session becomes Open again when a slot frees up. Other statuses are left alone:
 * a Closed session stays Closed even when a slot frees.
 */
export function reconcileFull(current: SessionStatus, isFull: boolean): SessionStatus {
  if (current === "open" && isFull) return "full";
  if (current === "full" && !isFull) return "open";
  return current;
}

/**
 * The status people see (community.md, Status lifecycle): In Progress while start ≤ now < start + Duration,
 * Completed once the end has passed, for sessions that are not Draft or Cancelled; otherwise the stored
 * status. Durations are real minutes between UTC instants, so a daylight-saving change inside a session
 * does not stretch or shrink it.
 */
export function shownStatus(
  status: SessionStatus,
  startsAt: string | null,
  durationMinutes: number,
  now: Date,
): ShownStatus {
  if (status === "draft" || status === "cancelled" || startsAt === null) return status;
  const start = instantMs(startsAt);
  const end = start + durationMinutes * 60_000;
  const t = now.getTime();
  if (t < start) return status;
  return t < end ? "in_progress" : "completed";
}

/**
 * Why a member may not register now, or null when they may (community.md, Status lifecycle and
 * Registration): registration needs status Open and a start in the future.
 */
export function registrationRefusal(
  status: SessionStatus,
  startsAt: string | null,
  now: Date,
): { code: string; message: string } | null {
  switch (status) {
    case "draft":
      return { code: "session_not_open", message: "This session is not open for registration yet." };
    case "full":
      return {
        code: "session_full",
        message: "This session is full: join a role's waitlist to be offered a place that frees.",
      };
    case "closed":
      return { code: "registration_closed", message: "Registration for this session has been closed." };
    case "cancelled":
      return { code: "session_cancelled", message: "This session has been cancelled." };
    case "open":
      break;
  }
  // An Open session always has a start (opening requires it); refuse rather than guess if it does not.
  if (startsAt === null) {
    return { code: "session_not_scheduled", message: "This session has no date and time yet." };
  }
  if (now.getTime() >= instantMs(startsAt)) {
    return { code: "session_started", message: "This session has already started; registration is closed." };
  }
  return null;
}

/** The session's start has passed (start ≤ now); a session without a start has not started. */
export function hasStarted(startsAt: string | null, now: Date): boolean {
  return startsAt !== null && now.getTime() >= instantMs(startsAt);
}

/**
 * A member can cancel their own registration until the session starts (community.md, Registration, 6).
 * A session without a start has not started.
 */
export function canMemberCancel(startsAt: string | null, now: Date): boolean {
  return !hasStarted(startsAt, now);
}

/**
 * A Date & Time set now must lie ahead (issue 13, 7: a past start was accepted, and the session could then be
 * opened straight into Completed). Only a start that changes is checked, so a session whose start has passed
 * keeps its other fields editable. Returns the rule for the field, or null when the start is fine.
 */
export function pastStartRefusal(next: string | null, previous: string | null, now: Date): string | null {
  if (next === null || next === previous) return null;
  return hasStarted(next, now) ? "must be in the future" : null;
}

/**
 * Open, Full and Closed sessions are published: members rely on their Date & Time and Meeting URL, and
 * participants are told when those change (community.md, Status lifecycle). Drafts are not out yet; a Cancelled
 * session is over.
 */
export function isPublished(status: SessionStatus): boolean {
  return status === "open" || status === "full" || status === "closed";
}

/**
 * A published session cannot lose its Date & Time or Meeting URL (community.md, Status lifecycle: opening needs
 * both). Returns field name → message for each one an edit would clear; empty when the edit is fine.
 */
export function requiredWhilePublished(
  status: SessionStatus,
  next: { hasStart: boolean; hasMeetingUrl: boolean },
): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!isPublished(status)) return missing;
  if (!next.hasStart) missing.startsLocal = "is required while the session is open to members";
  if (!next.hasMeetingUrl) missing.meetingUrl = "is required while the session is open to members";
  return missing;
}

/**
 * Only an Open or Full session takes a member's invitations (community.md, Participants tab): in any other status
 * nobody could register.
 */
export function takesInvitations(status: SessionStatus): boolean {
  return status === "open" || status === "full";
}

/** Members see every session except Drafts (community.md, Status lifecycle). */
export function isVisibleToMembers(status: SessionStatus): boolean {
  return status !== "draft";
}

/**
 * Why a member may not cancel their own registration now, or null when they may: until the session starts
 * (community.md, Registration, 6), and not while it is Cancelled (issue 13, 1): they were told it is off, and a
 * reopen decides what becomes of their registration.
 */
export function memberCancelRefusal(
  status: SessionStatus,
  startsAt: string | null,
  now: Date,
): { code: string; message: string } | null {
  if (status === "cancelled") {
    return { code: "session_cancelled", message: "The session is cancelled: there is no registration to cancel." };
  }
  if (!canMemberCancel(startsAt, now)) {
    return { code: "session_started", message: "The session has started: registrations can no longer be cancelled." };
  }
  return null;
}

/**
 * The choice a reopen needs (issue 13, 1): reopening a Cancelled session whose participants were told it is off
 * must say whether they are registered again (`restore`) or their places are released (`release`). Returns the
 * refusal, naming the field, or null when the request is right: the choice is required exactly then, and refused
 * with any other action, where it would mean nothing.
 */
export function reopenChoiceRefusal(
  status: SessionStatus,
  action: StatusAction,
  activeParticipants: number,
  choice: "restore" | "release" | undefined,
): { code: string; message: string; field: string } | null {
  if (action !== "reopen") {
    if (choice === undefined) return null;
    return {
      code: "invalid_field",
      message: "The participants' choice only applies when reopening a cancelled session.",
      field: "participants",
    };
  }
  if (status === "cancelled" && activeParticipants > 0 && choice === undefined) {
    return {
      code: "choice_required",
      message: `${activeParticipants} ${activeParticipants === 1 ? "person was" : "people were"} registered when the session was cancelled: choose whether to restore them or start empty.`,
      field: "participants",
    };
  }
  return null;
}

/**
 * Whether deleting the session tells its active participants it is cancelled (issue 13, 5): yes, unless it was
 * already Cancelled (they were told then) or it has ended (it took place; there is nothing to call off).
 */
export function deletionTellsParticipants(status: SessionStatus, endsAt: string | null, now: Date): boolean {
  if (status === "cancelled") return false;
  return endsAt === null || now.getTime() < instantMs(endsAt);
}

function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return ms;
}
