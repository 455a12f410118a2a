import type { Role } from "../../shared/schemas/community-sessions";
import { createInvitedAccount } from "../accounts/invitees";
import { findUserByEmail } from "../accounts/queries";
import { recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import { type Actor, actorFromUser, isPremium } from "../permissions/actor";
import { can, SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { conflict, notFound } from "../platform/errors";
import { type Limit, throttle } from "../platform/rate-limit";
import { readFeatures, readSite } from "../site/settings";
import { takesInvitations } from "./lifecycle";
import { accountInvitationEmail, memberInvitationEmail, registrationConfirmedEmail } from "./messages";
import { placeParticipant, refuseIfRegistered } from "./participants.operations";
import { findSession, listParticipants } from "./queries";
import { AUDIT_TYPE, assertManager, emailView, invite, recipient, withSession } from "./session-work";
import { holdsActiveRegistration } from "./slots";

/** Adding people by email (community.md, Participants tab): admins add at once, members managing a session invite. */

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
  if (!can(actor, "community.strangers.invite", SITE)) {
    await inviteByEmail(deps, actor, sessionId, input);
    return { invited: true };
  }
  const added = await withSession(deps, actor, sessionId, "manage", async (w) => {
    if (w.row.status === "cancelled")
      throw conflict("session_cancelled", "The session is cancelled: reopen it before adding people.");
    let user = await findUserByEmail(w.tx, input.email);
    let invitationToken: string | null = null;
    if (!user) {
      const created = await createInvitedAccount(w.tx, input.email, w.now);
      user = created.user;
      invitationToken = created.token;
    }
    if (user.deactivated_at)
      throw conflict("user_deactivated", "This account is deactivated.", { email: "belongs to a deactivated account" });
    const target = user;
    refuseIfRegistered(w, target.id, "This person is already registered; change their role instead.", {
      email: "is already registered",
    });
    const id = await placeParticipant(w, target.id, input, {
      isPremium: isPremium(actorFromUser(target)),
      adminOverride: can(actor, "community.premium.override", SITE),
    });
    const view = emailView(deps, w.row);
    if (invitationToken) {
      // The link creates the account and lands on the session page; only its owner may read it (issue #11). Until
      // the account exists nothing proves who reads this mailbox, so no meeting details, in the calendar part
      // neither (issue #13).
      const next = encodeURIComponent(`/sessions/${w.row.id}`);
      const link = `${deps.config.baseUrl}/accept-invitation?token=${encodeURIComponent(invitationToken)}&next=${next}`;
      await enqueueEmail(w.tx, deps, target.email, accountInvitationEmail(w.site, view, input.role, link), {
        ...invite(deps, w, w.row, target, "REQUEST", { withMeeting: false }),
        secrets: [invitationToken],
      });
    } else {
      const talk = input.role === "presenter" ? (input.talkTitle ?? null) : null;
      await enqueueEmail(
        w.tx,
        deps,
        target.email,
        registrationConfirmedEmail(w.site, view, recipient(target), input.role, talk),
        invite(deps, w, w.row, target, "REQUEST"),
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
  if (!takesInvitations(row.status)) {
    throw conflict("session_not_open", "Only an Open or Full session takes invitations: nobody could register.");
  }
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (
      user &&
      user.deactivated_at === null &&
      user.id !== actor.id &&
      !holdsActiveRegistration(participants, user.id)
    ) {
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
