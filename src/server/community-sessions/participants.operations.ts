import type {
  MyWaitlistEntry,
  RegisterInput,
  Role,
  UpdateParticipantInput,
} from "../../shared/schemas/community-sessions";
import { findUserById, updateUser } from "../accounts/queries";
import { type Changes, diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import { type Actor, actorFromUser, isPremium } from "../permissions/actor";
import { can, SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { badRequest, conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { memberCancelRefusal, registrationRefusal } from "./lifecycle";
import { registrationCancelledEmail, registrationConfirmedEmail, roleChangedEmail } from "./messages";
import { capacityOf } from "./present";
import { insertParticipant, type ParticipantWithUser, updateParticipant } from "./queries";
import {
  AUDIT_TYPE,
  activeOf,
  bumpSequence,
  emailView,
  findParticipant,
  invite,
  recipient,
  refuse,
  type SessionWork,
  takenOf,
  withSession,
} from "./session-work";
import {
  compactPresenterOrder,
  holdsActiveRegistration,
  isActiveParticipant,
  movePresenter,
  nextPresenterOrder,
  roleRefusal,
} from "./slots";
import { withdrawUpdateNotice } from "./update-notices";
import { addRegistrationToLine, closeLineOf, probationOf, refuseIfWaiting } from "./waitlist.operations";

/** Who takes part and how: registration, role and status changes, presenters' order (community.md). */

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

/** 409 when the person already holds an active registration in this session. */
export function refuseIfRegistered(w: SessionWork, userId: string, message: string, fields?: Record<string, string>) {
  if (holdsActiveRegistration(w.participants, userId)) throw conflict("already_registered", message, fields);
}

/**
 * Puts a person into a role, if the role has a free slot and they may take it (admins may override the premium
 * gate, never a full role); presenters go last in the order. Returns the participant id.
 */
export async function placeParticipant(
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
    counts: takenOf(w),
    gates: w.features,
    isPremium: who.isPremium,
    adminOverride: who.adminOverride,
    premiumLabel: w.features.premiumLabel,
  });
  if (problem) throw conflict(problem.code, problem.message, { role: problem.message });
  // An organiser placing someone who waits in a line of the session: they now hold a place instead.
  await closeLineOf(w, userId);
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
): Promise<MyWaitlistEntry | null> {
  return withSession(deps, actor, sessionId, "register", async (w): Promise<MyWaitlistEntry | null> => {
    const refusal = registrationRefusal(w.row.status, w.row.starts_at, deps.clock.now());
    if (refusal) throw refuse(refusal);
    refuseIfRegistered(w, actor.id, "You are already registered for this session. Cancel first to change your role.");
    refuseIfWaiting(w, actor.id);
    // The no-show rule (issue #15, 7): the registration waits in the role's line, behind everyone else.
    const probation = await probationOf(w, actor.id);
    if (probation) return await addRegistrationToLine(deps, w, actor, input, probation);
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
    return null;
  });
}

/**
 * A member cancels their own registration until the session starts (community.md, Registration, 6), and not
 * while it is Cancelled (issue 13, 1).
 */
export async function cancelOwnRegistration(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "register", async (w) => {
    const mine = activeOf(w).find((p) => p.user_id === actor.id);
    if (!mine) throw notFound("Your registration");
    const refusal = memberCancelRefusal(w.row.status, w.row.starts_at, deps.clock.now());
    if (refusal) throw refuse(refusal);
    await cancelParticipant(deps, w, mine, actor, "self");
  });
}

/** Registration Cancelled with the calendar cancellation, to someone who lost their place. */
async function tellCancelled(deps: Deps, w: SessionWork, p: ParticipantWithUser, by: "self" | "organiser") {
  w.row = await bumpSequence(w);
  await enqueueEmail(
    w.tx,
    deps,
    p.email,
    registrationCancelledEmail(w.site, emailView(deps, w.row), recipient(p), by),
    invite(deps, w, w.row, p, "CANCEL"),
  );
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
  await tellCancelled(deps, w, p, by);
  await recordAudit(w.tx, {
    actorId: actor.id,
    action: by === "self" ? "community_participant.cancelled" : "community_participant.removed",
    objectType: AUDIT_TYPE,
    objectId: w.row.id,
    changes: { participant: p.id, user: p.user_id, role: p.role, status: { from: p.status, to: "cancelled" } },
    at: w.now,
  });
}

/**
 * Participants tab edits (community.md): change role (Role Changed email), participant status (record-keeping;
 * but Cancelled frees the slot and tells the person, with the calendar cancellation, as Remove does, and a
 * cancelled registration made active again is confirmed to them with the calendar invitation: issue 13, 2), a
 * presenter's talk title and description.
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
    // Places held for offers are not free to a role change or a reactivation either.
    const counts = takenOf(w);
    const targetUser = await findUserById(w.tx, p.user_id);
    const targetPremium = targetUser ? isPremium(actorFromUser(targetUser)) : false;
    const premiumOverride = can(actor, "community.premium.override", SITE);

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
        adminOverride: premiumOverride,
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
        refuseIfRegistered(w, p.user_id, "This person has another active registration in this session.", {
          status: "another registration is active",
        });
        const problem = roleRefusal(nextRole, {
          cap: capacityOf(w.row),
          counts,
          gates: w.features,
          isPremium: targetPremium,
          adminOverride: premiumOverride,
          premiumLabel: w.features.premiumLabel,
        });
        if (problem) throw conflict(problem.code, problem.message, { status: problem.message });
        await closeLineOf(w, p.user_id);
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
    if (wasActive && !activeAfter) {
      await withdrawUpdateNotice(w, p.user_id);
      await tellCancelled(deps, w, p, "organiser");
    } else if (!wasActive && activeAfter) {
      w.row = await bumpSequence(w);
      const talk = roleAfter === "presenter" ? (patch.talk_title ?? p.talk_title) : null;
      await enqueueEmail(
        w.tx,
        deps,
        p.email,
        registrationConfirmedEmail(w.site, emailView(deps, w.row), recipient(p), roleAfter, talk),
        invite(deps, w, w.row, p, "REQUEST"),
      );
    } else if (changes.role && activeAfter) {
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
