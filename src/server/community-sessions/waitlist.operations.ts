import { lineText } from "../../shared/labels";
import type {
  MyWaitlistEntry,
  OfferAnswer,
  PlaceOffer,
  RegisterInput,
  WaitlistList,
  WaitlistSettings,
} from "../../shared/schemas/community-sessions";
import { findUserById, updateUser } from "../accounts/queries";
import { diff, recordAudit } from "../audit/record";
import { enqueueEmail } from "../mail/enqueue-email";
import { enqueue } from "../outbox/enqueue";
import { type Actor, actorFromUser, isPremium } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import { can, SITE } from "../permissions/policy";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { badRequest, conflict, notFound } from "../platform/errors";
import { newId, newToken, sha256 } from "../platform/ids";
import { readSetting, writeSetting } from "../site/queries";
import { readFeatures } from "../site/settings";
import {
  offerDeclinedEmail,
  offerExpiredEmail,
  placeOfferedEmail,
  promotedEmail,
  registrationConfirmedEmail,
  waitlistEndedEmail,
  waitlistJoinedEmail,
} from "./messages";
import { capacityOf } from "./present";
import { findSession, insertParticipant, listParticipants } from "./queries";
import { minutesText } from "./reminders";
import {
  AUDIT_TYPE,
  activeOf,
  assertManager,
  emailView,
  invite,
  recipient,
  refuse,
  reloadWork,
  type SessionWork,
  takenOf,
  withSession,
} from "./session-work";
import { countActive, holdsActiveRegistration, nextPresenterOrder, roleCapacity, roleRefusal } from "./slots";
import {
  DEFAULT_WAITLIST_SETTINGS,
  heldPlaces,
  isEmptyPlan,
  joinRefusal,
  lineOf,
  moveInLine,
  nextPosition,
  onProbation,
  positionInLine,
  probationReason,
  settleWaitlists,
  waitlistRefusal,
} from "./waitlist";
import {
  findLastEntryOf,
  findWaitlistByToken,
  findWaitlistEntry,
  insertWaitlistEntry,
  listLiveWaitlist,
  listNoShowStarts,
  updateWaitlistEntry,
  type WaitlistRow,
  type WaitlistWithUser,
} from "./waitlist.queries";

/**
 * Role-aware waitlists (issue #15; the rules are in waitlist.ts). Every change runs in the session's unit of
 * work, which settles the waitlists before and after it (`settleSessionWaitlists`): a freed place reaches the
 * first in line as an offer (or a registration, in promote mode) in the same transaction as the change that
 * freed it, and an offer's deadline is an outbox row that settles the session again when it comes.
 */
export const OFFER_EXPIRY_KIND = "community.offer.expire";

/** A session's start, for a session with people waiting: their lines close then. */
export const LINES_END_KIND = "community.waitlist.end";

declare module "../outbox/kinds" {
  interface OutboxPayloads {
    /** An offered place's deadline: the session's waitlists are settled again then. */
    "community.offer.expire": { sessionId: string; entryId: string };
    /** A session with people waiting has started: its lines close. */
    "community.waitlist.end": { sessionId: string };
  }
}

const SETTING = "waitlist";

export async function readWaitlistSettings(db: Db): Promise<WaitlistSettings> {
  return { ...DEFAULT_WAITLIST_SETTINGS, ...(await readSetting<Partial<WaitlistSettings>>(db, SETTING)) };
}

/** The link in an offer email: opens the offer page, where one click accepts. */
const offerLink = (deps: Deps, token: string) => `${deps.config.baseUrl}/offers/${token}`;

/** An entry's person as the session's participant emails address them. */
const personOf = (e: WaitlistWithUser) => ({ name: e.name, email: e.email });

async function audit(
  w: SessionWork,
  actorId: string | null,
  action: Parameters<typeof recordAudit>[1]["action"],
  changes: Record<string, unknown>,
) {
  await recordAudit(w.tx, { actorId, action, objectType: AUDIT_TYPE, objectId: w.row.id, changes, at: w.now });
}

/**
 * Registers the person of a waitlist entry in its role with its talk or questions (an accepted offer, a
 * promotion, an admin's Register), resolving the entry as accepted.
 */
async function registerFromEntry(w: SessionWork, e: WaitlistWithUser): Promise<string> {
  const id = newId();
  const presenters = activeOf(w).filter((p) => p.role === "presenter");
  await insertParticipant(w.tx, {
    id,
    session_id: w.row.id,
    user_id: e.user_id,
    role: e.role,
    status: "registered",
    presenter_order: e.role === "presenter" ? nextPresenterOrder(presenters.map((p) => p.presenter_order ?? 0)) : null,
    talk_title: e.role === "presenter" ? e.talk_title : null,
    talk_description: e.role === "presenter" ? e.talk_description : null,
    topics: e.role === "guest" ? e.topics : null,
    questions: e.role === "guest" ? e.questions : null,
    created_at: w.now,
    updated_at: w.now,
  });
  await updateWaitlistEntry(w.tx, e.id, { status: "accepted", resolved_at: w.now, updated_at: w.now });
  return id;
}

/**
 * Settles the session's waitlists (waitlist.ts `settleWaitlists`): expired offers pass on, free places go to
 * the first in line, a cancelled session closes its lines; each person is emailed. `reload` re-reads the
 * session first (after a change). Costs no query when the session has nobody waiting.
 */
export async function settleSessionWaitlists(deps: Deps, w: SessionWork, opts: { reload: boolean }): Promise<void> {
  if (opts.reload && !(await reloadWork(w))) return;
  if (w.waitlist.length === 0) return;
  await settlePlan(deps, w);
  // After a change, those still waiting are let go at the start (wherever the change put it).
  if (opts.reload && w.waitlist.length > 0) await scheduleLinesEnd(w);
}

async function settlePlan(deps: Deps, w: SessionWork): Promise<void> {
  const settings = await readWaitlistSettings(w.tx);
  const now = new Date(w.now);
  const plan = settleWaitlists({
    status: w.row.status,
    startsAt: w.row.starts_at,
    cap: capacityOf(w.row),
    active: countActive(activeOf(w)),
    entries: w.waitlist,
    settings,
    now,
  });
  if (isEmptyPlan(plan)) return;
  const byId = new Map(w.waitlist.map((e) => [e.id, e]));
  const view = emailView(deps, w.row);
  for (const id of plan.expire) {
    const e = byId.get(id)!;
    await updateWaitlistEntry(w.tx, id, { status: "expired", resolved_at: w.now, updated_at: w.now });
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      offerExpiredEmail(w.site, view, recipient(e), e.role),
      invite(deps, w, w.row, personOf(e), "CANCEL"),
    );
    await audit(w, null, "community_waitlist.offer_expired", { entry: id, user: e.user_id, role: e.role });
  }
  for (const id of plan.close) {
    const e = byId.get(id)!;
    await updateWaitlistEntry(w.tx, id, { status: "closed", resolved_at: w.now, updated_at: w.now });
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      waitlistEndedEmail(w.site, view, recipient(e), e.role, w.row.status === "cancelled" ? "cancelled" : "started"),
      e.status === "offered" ? invite(deps, w, w.row, personOf(e), "CANCEL") : {},
    );
    await audit(w, null, "community_waitlist.closed", { entry: id, user: e.user_id, role: e.role });
  }
  for (const id of plan.drop) {
    const e = byId.get(id)!;
    await updateWaitlistEntry(w.tx, id, { status: "closed", resolved_at: w.now, updated_at: w.now });
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      waitlistEndedEmail(w.site, view, recipient(e), e.role, "role_removed"),
      e.status === "offered" ? invite(deps, w, w.row, personOf(e), "CANCEL") : {},
    );
    await audit(w, null, "community_waitlist.closed", {
      entry: id,
      user: e.user_id,
      role: e.role,
      why: "role_removed",
    });
  }
  for (const s of plan.shorten) {
    await updateWaitlistEntry(w.tx, s.id, { offer_expires_at: s.expiresAt, updated_at: w.now });
    await scheduleExpiry(w, s.id, s.expiresAt);
  }
  for (const o of plan.offer) {
    const e = byId.get(o.id)!;
    const token = newToken(32);
    await updateWaitlistEntry(w.tx, o.id, {
      status: "offered",
      offer_token_hash: sha256(token),
      offered_at: w.now,
      offer_expires_at: o.expiresAt,
      updated_at: w.now,
    });
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      placeOfferedEmail(w.site, view, recipient(e), {
        role: e.role,
        acceptLink: offerLink(deps, token),
        expiresAt: o.expiresAt,
      }),
      // The link accepts for them: masked in Admin > Mail like a reset link (docs/decisions.md, Security).
      { ...invite(deps, w, w.row, personOf(e), "PUBLISH"), secrets: [token] },
    );
    await scheduleExpiry(w, o.id, o.expiresAt);
    await audit(w, null, "community_waitlist.offered", {
      entry: o.id,
      user: e.user_id,
      role: e.role,
      expiresAt: o.expiresAt,
    });
  }
  for (const id of plan.promote) {
    const e = byId.get(id)!;
    const participant = await registerFromEntry(w, e);
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      promotedEmail(w.site, view, recipient(e), e.role, e.role === "presenter" ? e.talk_title : null),
      invite(deps, w, w.row, personOf(e), "REQUEST"),
    );
    await audit(w, null, "community_participant.promoted", { entry: id, participant, user: e.user_id, role: e.role });
    // The next promotion in the same role counts this one (presentation order, places).
    await reloadWork(w);
  }
  await reloadWork(w);
}

/** One outbox row per session with people waiting, due at its start: settling then closes its lines. */
async function scheduleLinesEnd(w: SessionWork): Promise<void> {
  const start = w.row.starts_at;
  if (start === null || Date.parse(start) <= Date.parse(w.now) || w.row.status === "cancelled") return;
  await enqueue(w.tx, LINES_END_KIND, { sessionId: w.row.id }, w.now, newId(), {
    coalesceKey: `waitlist-end:${w.row.id}`,
    notBefore: start,
  });
}

async function scheduleExpiry(w: SessionWork, entryId: string, at: string): Promise<void> {
  await enqueue(w.tx, OFFER_EXPIRY_KIND, { sessionId: w.row.id, entryId }, w.now, newId(), {
    coalesceKey: `offer:${entryId}`,
    notBefore: at,
  });
}

/**
 * A session with people waiting has reached its start (outbox): settling closes its lines and tells them. Runs as
 * a change, so if the session moved later the row is planned again for the new start.
 */
export async function endLines(deps: Deps, payload: { sessionId: string }): Promise<void> {
  const row = await findSession(deps.db, payload.sessionId);
  if (!row) return;
  await withSession(deps, null, payload.sessionId, "system", async () => {});
}

/** An offer's deadline has come (outbox): settling the session expires it and offers the place to the next. */
export async function expireOffer(deps: Deps, payload: { sessionId: string; entryId: string }): Promise<void> {
  const row = await findSession(deps.db, payload.sessionId);
  if (!row) return; // deleted since
  await withSession(deps, null, payload.sessionId, "system", async () => {});
}

/** The caller's place in this session's waitlists, for the session page and My sessions. */
export function myWaitlistEntry(
  entries: readonly WaitlistWithUser[] | readonly WaitlistRow[],
  userId: string,
  reason: string | null = null,
): MyWaitlistEntry | null {
  const mine = entries.find((e) => e.user_id === userId);
  if (!mine || (mine.status !== "waiting" && mine.status !== "offered")) return null;
  return {
    entryId: mine.id,
    role: mine.role,
    status: mine.status,
    position: positionInLine(entries as WaitlistRow[], mine.id),
    offerExpiresAt: mine.status === "offered" ? mine.offer_expires_at : null,
    reason: reason ?? (mine.probation === 1 ? "Your registration waits for a place under the no-show rule." : null),
  };
}

/**
 * Puts the member in a role's line (issue #15, 1), or (the no-show rule) their registration there; emails them
 * where they stand. Runs inside the session's unit of work.
 */
async function addToLine(
  deps: Deps,
  w: SessionWork,
  actor: Actor,
  input: RegisterInput,
  probation: string | null,
): Promise<MyWaitlistEntry> {
  const user = await findUserById(w.tx, actor.id);
  if (!user) throw notFound("Your account");
  let name = user.name;
  if (!name) {
    if (!input.name)
      throw badRequest("Tell us your name to join the waitlist.", {
        name: "is required: organisers see who is waiting",
      });
    name = input.name;
    await updateUser(w.tx, actor.id, { name, updated_at: w.now });
  }
  const gate = roleRefusal(input.role, {
    cap: capacityOf(w.row),
    counts: { host: 0, presenter: 0, interviewer: 0, guest: 0 },
    gates: w.features,
    isPremium: isPremium(actor),
    adminOverride: false,
    premiumLabel: w.features.premiumLabel,
  });
  const refusal = joinRefusal({
    status: w.row.status,
    startsAt: w.row.starts_at,
    now: new Date(w.now),
    role: input.role,
    cap: capacityOf(w.row),
    taken: takenOf(w),
    isRegistered: holdsActiveRegistration(w.participants, actor.id),
    isWaiting: w.waitlist.some((e) => e.user_id === actor.id),
    onProbation: probation !== null,
    gateRefusal: gate,
  });
  if (refusal) throw refuse(refusal);
  const id = newId();
  const role = input.role;
  await insertWaitlistEntry(w.tx, {
    id,
    session_id: w.row.id,
    user_id: actor.id,
    role,
    status: "waiting",
    position: nextPosition(w.waitlist, role),
    probation: probation ? 1 : 0,
    talk_title: role === "presenter" ? (input.talkTitle ?? null) : null,
    talk_description: role === "presenter" ? (input.talkDescription ?? null) : null,
    topics: role === "guest" ? (input.topics ?? null) : null,
    questions: role === "guest" ? (input.questions ?? null) : null,
    offer_token_hash: null,
    offered_at: null,
    offer_expires_at: null,
    resolved_at: null,
    created_at: w.now,
    updated_at: w.now,
  });
  await reloadWork(w);
  const settings = await readWaitlistSettings(w.tx);
  const entry = myWaitlistEntry(w.waitlist, actor.id, probation)!;
  await enqueueEmail(
    w.tx,
    deps,
    user.email,
    waitlistJoinedEmail(
      w.site,
      emailView(deps, w.row),
      { name, timeZone: user.time_zone },
      {
        role,
        line: lineText(entry.position ?? 1, role),
        reason: probation,
        holdText: settings.mode === "offer" ? minutesText(settings.holdMinutes) : null,
      },
    ),
  );
  await audit(w, actor.id, "community_waitlist.joined", { entry: id, user: actor.id, role, probation: !!probation });
  return entry;
}

/** Join a full role's waitlist (issue #15, 1). */
export async function joinWaitlist(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: RegisterInput,
): Promise<MyWaitlistEntry> {
  const entry = await withSession(deps, actor, sessionId, "register", (w) => addToLine(deps, w, actor, input, null));
  // The settling after the change may already have offered the place (a place freed meanwhile): read it again.
  return (await readMyEntry(deps, sessionId, actor.id)) ?? entry;
}

async function readMyEntry(deps: Deps, sessionId: string, userId: string): Promise<MyWaitlistEntry | null> {
  return myWaitlistEntry(await listLiveWaitlist(deps.db, sessionId), userId);
}

/**
 * The no-show rule (issue #15, 7), asked by registration: the reason the member's registration goes to the
 * waitlist, or null when it does not.
 */
export async function probationOf(w: SessionWork, userId: string): Promise<string | null> {
  const settings = await readWaitlistSettings(w.tx);
  if (settings.noShowLimit <= 0) return null;
  if (!onProbation(await listNoShowStarts(w.tx, userId), settings, new Date(w.now))) return null;
  return probationReason(settings);
}

/** A registration the no-show rule sends to the waitlist (called by registerForCommunitySession). */
export function addRegistrationToLine(
  deps: Deps,
  w: SessionWork,
  actor: Actor,
  input: RegisterInput,
  reason: string,
): Promise<MyWaitlistEntry> {
  return addToLine(deps, w, actor, input, reason);
}

/** Refuses a registration from someone in a line of the session: never both registered and waiting. */
export function refuseIfWaiting(w: SessionWork, userId: string): void {
  const e = w.waitlist.find((x) => x.user_id === userId);
  if (!e) return;
  throw conflict(
    "already_waiting",
    e.status === "offered"
      ? "A place is on offer to you: accept it instead of registering."
      : "You are on this session's waitlist: leave it first to register in another role.",
  );
}

/**
 * An admin placed this person in the session another way (added, reactivated): their place in a line, if any,
 * is closed without an email (they get the registration's).
 */
export async function closeLineOf(w: SessionWork, userId: string): Promise<void> {
  const e = w.waitlist.find((x) => x.user_id === userId);
  if (!e) return;
  await updateWaitlistEntry(w.tx, e.id, { status: "closed", resolved_at: w.now, updated_at: w.now });
  w.waitlist = w.waitlist.filter((x) => x.id !== e.id);
}

/** The member leaves the waitlist, or declines the place offered to them (it goes to the next in line). */
export async function leaveWaitlist(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "register", async (w) => {
    const e = w.waitlist.find((x) => x.user_id === actor.id);
    if (!e) throw notFound("Your place on the waitlist");
    await declineEntry(deps, w, e, actor.id);
  });
}

async function declineEntry(deps: Deps, w: SessionWork, e: WaitlistWithUser, actorId: string | null) {
  const offered = e.status === "offered";
  await updateWaitlistEntry(w.tx, e.id, {
    status: offered ? "declined" : "left",
    resolved_at: w.now,
    updated_at: w.now,
  });
  // A declined offer had put the session in their calendar, pencilled in: take it out.
  if (offered)
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      offerDeclinedEmail(w.site, emailView(deps, w.row), recipient(e), e.role),
      invite(deps, w, w.row, personOf(e), "CANCEL"),
    );
  await audit(w, actorId, offered ? "community_waitlist.declined" : "community_waitlist.left", {
    entry: e.id,
    user: e.user_id,
    role: e.role,
  });
}

/** Registers an entry's person (an accepted offer, an organiser's Register) with the usual confirmation. */
async function registerAndConfirm(deps: Deps, w: SessionWork, e: WaitlistWithUser): Promise<string> {
  const participant = await registerFromEntry(w, e);
  const talk = e.role === "presenter" ? e.talk_title : null;
  await enqueueEmail(
    w.tx,
    deps,
    e.email,
    registrationConfirmedEmail(w.site, emailView(deps, w.row), recipient(e), e.role, talk),
    invite(deps, w, w.row, personOf(e), "REQUEST"),
  );
  return participant;
}

/** Accepts the offer of an entry (signed in or by the email's link): the person is registered. */
async function acceptEntry(deps: Deps, w: SessionWork, e: WaitlistWithUser, actorId: string | null) {
  const closed = waitlistRefusal(w.row.status, w.row.starts_at, new Date(w.now));
  if (closed) throw refuse(closed);
  // Defence in depth: the settling never offers a place that is not free, so this only holds an invariant.
  const others = heldPlaces(w.waitlist.filter((x) => x.id !== e.id));
  if (countActive(activeOf(w))[e.role] + others[e.role] >= roleCapacity(e.role, capacityOf(w.row)))
    throw conflict("role_full", "The place is no longer free.");
  const participant = await registerAndConfirm(deps, w, e);
  await audit(w, actorId, "community_waitlist.accepted", { entry: e.id, participant, user: e.user_id, role: e.role });
}

/** Why an offer that is no longer open cannot be answered. */
function offerGone(status: string, e?: Pick<WaitlistRow, "offer_expires_at">) {
  switch (status) {
    case "expired":
      return conflict("offer_expired", "This offer expired: the place went to the next person in line.");
    case "accepted":
      return conflict("offer_accepted", "You accepted this offer already: you are registered.");
    case "declined":
      return conflict("offer_declined", "You declined this offer: the place went to the next person in line.");
    default:
      return conflict(
        "offer_closed",
        e?.offer_expires_at ? "This offer is no longer open." : "There is no place on offer to you.",
      );
  }
}

/** The signed-in member accepts the place offered to them (session page). */
export async function acceptMyOffer(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "register", async (w) => {
    const e = w.waitlist.find((x) => x.user_id === actor.id);
    if (e?.status === "offered") return acceptEntry(deps, w, e, actor.id);
    // Not (or no longer) offered: say what became of their last offer, e.g. it expired a moment ago.
    const last = e ?? (await findLastEntryOf(w.tx, w.row.id, actor.id));
    throw offerGone(last?.status ?? "none", last);
  });
}

async function entryOfToken(deps: Deps, token: string): Promise<WaitlistRow> {
  const e = await findWaitlistByToken(deps.db, sha256(token));
  if (!e) throw notFound("The offer");
  return e;
}

/** The offer page behind the email's link: what is offered, until when, and whether it is still open. */
export async function readOffer(deps: Deps, token: string, actor: Actor | null): Promise<PlaceOffer> {
  const e = await entryOfToken(deps, token);
  const row = await findSession(deps.db, e.session_id);
  if (!row) throw notFound("The offer");
  // An offer past its deadline reads as expired even before the worker has passed it on.
  const expired =
    e.status === "offered" &&
    e.offer_expires_at !== null &&
    Date.parse(e.offer_expires_at) <= deps.clock.now().getTime();
  return {
    sessionId: row.id,
    sessionTitle: row.title,
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    role: e.role,
    status: expired ? "expired" : e.status,
    offerExpiresAt: e.offer_expires_at,
    forYou: actor ? actor.id === e.user_id : null,
  };
}

/** One click in the offer email's page: accept or decline, by the link's token (no sign-in needed). */
export async function answerOfferByToken(
  deps: Deps,
  token: string,
  answer: "accept" | "decline",
): Promise<OfferAnswer> {
  const found = await entryOfToken(deps, token);
  await withSession(deps, null, found.session_id, "system", async (w) => {
    const e = w.waitlist.find((x) => x.id === found.id);
    if (e?.status !== "offered") {
      const now = await findWaitlistEntry(w.tx, found.id);
      throw offerGone(now?.status ?? "none", now);
    }
    if (answer === "accept") await acceptEntry(deps, w, e, e.user_id);
    else await declineEntry(deps, w, e, e.user_id);
  });
  return { sessionId: found.session_id, status: answer === "accept" ? "accepted" : "declined" };
}

/* ---------- Managers: the Participants tab's waitlists (issue #15, 3) ---------- */

function toEntry(entries: WaitlistWithUser[], e: WaitlistWithUser): WaitlistList["entries"][number] {
  return {
    id: e.id,
    userId: e.user_id,
    name: e.name,
    email: e.email,
    role: e.role,
    status: e.status as "waiting" | "offered",
    position: positionInLine(entries, e.id),
    offeredAt: e.offered_at,
    offerExpiresAt: e.offer_expires_at,
    probation: e.probation === 1,
    talkTitle: e.talk_title,
    talkDescription: e.talk_description,
    topics: e.topics,
    questions: e.questions,
    createdAt: e.created_at,
  };
}

/** Each role's waitlist in line order (offers first), for the session's managers. */
export async function readWaitlist(deps: Deps, actor: Actor | null, sessionId: string): Promise<WaitlistList> {
  const row = await findSession(deps.db, sessionId);
  if (!row) throw notFound("The session");
  const [participants, entries, features] = await Promise.all([
    listParticipants(deps.db, sessionId),
    listLiveWaitlist(deps.db, sessionId),
    readFeatures(deps.db),
  ]);
  assertManager(actor, row, participants, features);
  return { entries: orderedForManagers(entries).map((e) => toEntry(entries, e)) };
}

function orderedForManagers(entries: WaitlistWithUser[]): WaitlistWithUser[] {
  const rank = (e: WaitlistWithUser) => (e.status === "offered" ? 0 : (positionInLine(entries, e.id) ?? 0));
  return [...entries].sort((a, b) => a.role.localeCompare(b.role) || rank(a) - rank(b));
}

function findEntry(w: SessionWork, entryId: string): WaitlistWithUser {
  const e = w.waitlist.find((x) => x.id === entryId);
  if (!e) throw notFound("The waitlist entry");
  return e;
}

/**
 * Reorders a role's line: one place up or down, or to the front. The admin's order is the order: the no-show
 * rule's "after the others" no longer applies to that line.
 */
export async function moveWaitlistEntry(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  entryId: string,
  direction: "up" | "down" | "front",
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const e = findEntry(w, entryId);
    if (e.status !== "waiting")
      throw conflict("entry_offered", "A place is on offer to this person: they are no longer in line.");
    const line = lineOf(w.waitlist, e.role).map((x, i) => ({ id: x.id, position: i + 1 }));
    const after = moveInLine(line, e.id, direction);
    for (const x of after)
      await updateWaitlistEntry(w.tx, x.id, { position: x.position, probation: 0, updated_at: w.now });
    await audit(w, actor.id, "community_waitlist.reordered", {
      entry: e.id,
      direction,
      order: after.map((x) => x.id),
    });
  });
}

/**
 * "Offer a place": the person goes to the front of their line, so a free place is offered to them now (the
 * answer says so) and otherwise the next one that frees.
 */
export async function offerFromWaitlist(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  entryId: string,
): Promise<{ status: "offered" | "registered" | "first_in_line" }> {
  await moveWaitlistEntry(deps, actor, sessionId, entryId, "front");
  const e = await findWaitlistEntry(deps.db, entryId);
  // In promote mode a free place registers them at once.
  if (e?.status === "accepted") return { status: "registered" };
  return { status: e?.status === "offered" ? "offered" : "first_in_line" };
}

/** "Register": an admin places someone from the waitlist at once, if their role has a free place. */
export async function registerFromWaitlist(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  entryId: string,
): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const e = findEntry(w, entryId);
    const target = await findUserById(w.tx, e.user_id);
    const others = heldPlaces(w.waitlist.filter((x) => x.id !== e.id));
    const problem = roleRefusal(e.role, {
      cap: capacityOf(w.row),
      counts: { ...countActive(activeOf(w)), [e.role]: countActive(activeOf(w))[e.role] + others[e.role] },
      gates: w.features,
      isPremium: target ? isPremium(actorFromUser(target)) : false,
      adminOverride: can(actor, "community.premium.override", SITE),
      premiumLabel: w.features.premiumLabel,
    });
    if (problem) {
      // Say so when what fills the role is a place held for someone else's offer.
      const message =
        problem.code === "role_full" && others[e.role] > 0
          ? `${problem.message.replace(/\.$/, "")}, or held for an offer.`
          : problem.message;
      throw conflict(problem.code, message, { role: message });
    }
    const participant = await registerAndConfirm(deps, w, e);
    await audit(w, actor.id, "community_waitlist.accepted", {
      entry: e.id,
      participant,
      user: e.user_id,
      role: e.role,
      by: "organiser",
    });
  });
}

/** "Remove": takes someone off the waitlist (an offer they hold passes on); they are told. */
export async function removeFromWaitlist(deps: Deps, actor: Actor, sessionId: string, entryId: string): Promise<void> {
  await withSession(deps, actor, sessionId, "manage", async (w) => {
    const e = findEntry(w, entryId);
    await updateWaitlistEntry(w.tx, e.id, { status: "removed", resolved_at: w.now, updated_at: w.now });
    await enqueueEmail(
      w.tx,
      deps,
      e.email,
      waitlistEndedEmail(w.site, emailView(deps, w.row), recipient(e), e.role, "removed"),
      e.status === "offered" ? invite(deps, w, w.row, personOf(e), "CANCEL") : {},
    );
    await audit(w, actor.id, "community_waitlist.removed", { entry: e.id, user: e.user_id, role: e.role });
  });
}

/* ---------- Admin > Settings > Waitlists ---------- */

export async function readWaitlistSettingsAs(deps: Deps, actor: Actor | null): Promise<WaitlistSettings> {
  authorize(actor, "settings.manage", SITE);
  return readWaitlistSettings(deps.db);
}

export async function updateWaitlistSettings(
  deps: Deps,
  actor: Actor | null,
  input: Partial<WaitlistSettings>,
): Promise<WaitlistSettings> {
  authorize(actor, "settings.manage", SITE);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const before = await readWaitlistSettings(tx);
    const next: WaitlistSettings = { ...before, ...input };
    const changes = diff({ ...before }, { ...next });
    if (Object.keys(changes).length === 0) return before;
    await writeSetting(tx, SETTING, next);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.updated",
      objectType: "settings",
      objectId: SETTING,
      changes,
      at: now,
    });
    return next;
  });
}
