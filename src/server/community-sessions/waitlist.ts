import type { Role, SessionStatus, WaitlistSettings, WaitlistStatus } from "../../shared/schemas/community-sessions";
import { registrationRefusal } from "./lifecycle";
import { type Capacity, ROLES, type RoleCounts, type RoleRefusal, roleCapacity } from "./slots";

/**
 * Role-aware waitlists (issue #15, "Waitlists per role, with automatic promotion"; spec community.md, Later).
 * When a role is full a member may join that role's line; when a place of the role frees, the first in line is
 * offered it and the place is held for them until they accept, decline or the offer expires (the hold, a site
 * setting, ends before the session starts), then the next in line is offered it. With promotion instead of
 * offers the first in line is registered at once. Members sent to the waitlist by the no-show rule (probation)
 * come after everyone else. Pure: the caller passes the session, its participants, its line and the clock.
 */

export const DEFAULT_WAITLIST_SETTINGS: WaitlistSettings = {
  holdMinutes: 12 * 60,
  mode: "offer",
  noShowLimit: 0,
  noShowDays: 90,
};

/** One entry of a session's waitlists, as the rules see it. */
export interface LineEntry {
  id: string;
  user_id: string;
  role: Role;
  status: WaitlistStatus;
  position: number;
  probation: 0 | 1;
  offer_expires_at: string | null;
  created_at: string;
}

/** Waiting for a place, or holding one on offer: the entries still in a line. */
export function isLive(status: WaitlistStatus): status is "waiting" | "offered" {
  return status === "waiting" || status === "offered";
}

/** Places held for offers not yet answered, per role: they count as taken until the offer is resolved. */
export function heldPlaces(entries: readonly Pick<LineEntry, "role" | "status">[]): RoleCounts {
  const held: RoleCounts = { host: 0, presenter: 0, interviewer: 0, guest: 0 };
  for (const e of entries) if (e.status === "offered") held[e.role] += 1;
  return held;
}

/** Members waiting (not yet offered) per role. */
export function waitingCounts(entries: readonly Pick<LineEntry, "role" | "status">[]): RoleCounts {
  const n: RoleCounts = { host: 0, presenter: 0, interviewer: 0, guest: 0 };
  for (const e of entries) if (e.status === "waiting") n[e.role] += 1;
  return n;
}

/** Active registrations plus held offers: what a newcomer cannot take. */
export function placesTaken(active: RoleCounts, held: RoleCounts): RoleCounts {
  return {
    host: active.host + held.host,
    presenter: active.presenter + held.presenter,
    interviewer: active.interviewer + held.interviewer,
    guest: active.guest + held.guest,
  };
}

/** A role's line in the order places are offered: regular members first, then probation, each by position. */
export function lineOf<T extends Pick<LineEntry, "role" | "status" | "position" | "probation" | "created_at">>(
  entries: readonly T[],
  role: Role,
): T[] {
  return entries
    .filter((e) => e.role === role && e.status === "waiting")
    .sort((a, b) => a.probation - b.probation || a.position - b.position || a.created_at.localeCompare(b.created_at));
}

/** Where an entry stands in its role's line, 1 = next; null when it is not waiting. */
export function positionInLine(entries: readonly LineEntry[], entryId: string): number | null {
  const entry = entries.find((e) => e.id === entryId);
  if (entry?.status !== "waiting") return null;
  return lineOf(entries, entry.role).findIndex((e) => e.id === entryId) + 1;
}

/** The position a newcomer to a role's line gets: after everyone in it. */
export function nextPosition(entries: readonly Pick<LineEntry, "role" | "position">[], role: Role): number {
  return entries.filter((e) => e.role === role).reduce((max, e) => Math.max(max, e.position), 0) + 1;
}

/**
 * An offer's deadline: the hold after now, shortened to end when the session starts (a place is no use after
 * that); null when the session has no start or it has come (nothing can be offered then).
 */
export function offerDeadline(now: Date, holdMinutes: number, startsAt: string | null): string | null {
  if (!startsAt) return null;
  const start = Date.parse(startsAt);
  if (start <= now.getTime()) return null;
  return new Date(Math.min(now.getTime() + holdMinutes * 60_000, start)).toISOString();
}

/**
 * Waitlists move while registration would be open were it not Full (issue #15): the session is Open or Full
 * and has not started. Draft, Closed and Cancelled sessions, and started ones, neither take nor offer places.
 */
export function waitlistRefusal(
  status: SessionStatus,
  startsAt: string | null,
  now: Date,
): { code: string; message: string } | null {
  return registrationRefusal(status === "full" ? "open" : status, startsAt, now);
}

/** An offer is answered too late once its deadline has come. */
export function offerHasExpired(entry: Pick<LineEntry, "status" | "offer_expires_at">, now: Date): boolean {
  return (
    entry.status === "offered" && entry.offer_expires_at !== null && Date.parse(entry.offer_expires_at) <= now.getTime()
  );
}

/** Nothing to do. */
export function isEmptyPlan(p: PromotionPlan): boolean {
  return p.expire.length + p.offer.length + p.promote.length + p.close.length + p.drop.length + p.shorten.length === 0;
}

/** What settling a session's waitlists does now. */
export interface PromotionPlan {
  /** Offers whose deadline has come: resolved as expired (their places go to the next in line). */
  expire: string[];
  /** First in line for a place that is free: offered it until `expiresAt`. */
  offer: { id: string; expiresAt: string }[];
  /** First in line, with promotion instead of offers: registered at once. */
  promote: string[];
  /** The session is cancelled (every live entry) or has started (those still waiting): their lines close. */
  close: string[];
  /** Entries for a role the session no longer has: closed. */
  drop: string[];
  /** Offers whose deadline now falls after the start (the session moved earlier): they end at the start. */
  shorten: { id: string; expiresAt: string }[];
}

export interface SettleInput {
  status: SessionStatus;
  startsAt: string | null;
  cap: Capacity;
  /** Active registrations per role. */
  active: RoleCounts;
  entries: readonly LineEntry[];
  settings: Pick<WaitlistSettings, "holdMinutes" | "mode">;
  now: Date;
}

/**
 * What must happen so that every free place of a role reaches the next in line (issue #15, 2): offers past their
 * deadline expire; then, while registration is open, each role's free places (capacity less active registrations
 * and held offers) go to its first in line, as offers or, in promote mode, as registrations. A cancelled session
 * closes its waitlists, and so does a session that has started (nobody can take a place then); a Closed one
 * offers nothing while it is closed: its lines wait.
 */
export function settleWaitlists(input: SettleInput): PromotionPlan {
  const plan: PromotionPlan = { expire: [], offer: [], promote: [], close: [], drop: [], shorten: [] };
  if (input.status === "cancelled") {
    plan.close = input.entries.filter((e) => isLive(e.status)).map((e) => e.id);
    return plan;
  }
  // The session has started: no place will be offered or taken any more, so everyone in a line is let go.
  if (input.startsAt !== null && Date.parse(input.startsAt) <= input.now.getTime() && input.status !== "draft") {
    plan.close = input.entries.filter((e) => isLive(e.status)).map((e) => e.id);
    return plan;
  }
  // A role the session no longer has (Has Interviewer switched off): nobody can wait for it.
  plan.drop = input.entries.filter((e) => isLive(e.status) && roleCapacity(e.role, input.cap) === 0).map((e) => e.id);
  const dropped = new Set(plan.drop);
  plan.expire = input.entries.filter((e) => offerHasExpired(e, input.now) && !dropped.has(e.id)).map((e) => e.id);
  const expired = new Set(plan.expire);
  const live = input.entries.filter((e) => isLive(e.status) && !expired.has(e.id) && !dropped.has(e.id));
  const start = input.startsAt;
  if (start !== null)
    for (const e of live)
      if (e.status === "offered" && e.offer_expires_at !== null && Date.parse(e.offer_expires_at) > Date.parse(start))
        plan.shorten.push({ id: e.id, expiresAt: new Date(Date.parse(start)).toISOString() });
  if (waitlistRefusal(input.status, input.startsAt, input.now) !== null) return plan;
  const deadline = offerDeadline(input.now, input.settings.holdMinutes, input.startsAt);
  if (deadline === null) return plan;
  const held = heldPlaces(live);
  for (const role of ROLES) {
    const free = roleCapacity(role, input.cap) - input.active[role] - held[role];
    for (const e of lineOf(live, role).slice(0, Math.max(0, free))) {
      if (input.settings.mode === "promote") plan.promote.push(e.id);
      else plan.offer.push({ id: e.id, expiresAt: deadline });
    }
  }
  return plan;
}

/**
 * Why a member may not join a role's waitlist, or null (issue #15, 1): registration must be open, the member
 * neither registered nor already in a line of the session, the role must exist and be full (a free place is
 * taken by registering), unless the no-show rule sends them to the line; the premium gate applies as for
 * registering (`gateRefusal`: roleRefusal on an empty role).
 */
export function joinRefusal(input: {
  status: SessionStatus;
  startsAt: string | null;
  now: Date;
  role: Role;
  cap: Capacity;
  taken: RoleCounts;
  isRegistered: boolean;
  isWaiting: boolean;
  onProbation: boolean;
  gateRefusal: RoleRefusal | null;
}): RoleRefusal | { code: string; message: string; field?: string } | null {
  const closed = waitlistRefusal(input.status, input.startsAt, input.now);
  if (closed) return closed;
  if (input.isRegistered)
    return { code: "already_registered", message: "You are already registered for this session." };
  if (input.isWaiting)
    return {
      code: "already_waiting",
      message: "You are already in a waitlist of this session: leave it first to wait for another role.",
    };
  if (roleCapacity(input.role, input.cap) === 0)
    return { code: "role_unavailable", message: "This session has no such places to wait for.", field: "role" };
  if (input.gateRefusal) return { ...input.gateRefusal, field: "role" };
  if (!input.onProbation && input.taken[input.role] < roleCapacity(input.role, input.cap))
    return { code: "role_has_places", message: "A place in this role is free: register instead.", field: "role" };
  return null;
}

/**
 * The no-show rule (issue #15, 7): with a limit N > 0, a member with N or more no-shows in sessions that started
 * within the last M days has their next registrations sent to the waitlist first. Off when the limit is 0.
 */
export function onProbation(
  noShowStarts: readonly string[],
  rule: Pick<WaitlistSettings, "noShowLimit" | "noShowDays">,
  now: Date,
): boolean {
  if (rule.noShowLimit <= 0) return false;
  const since = now.getTime() - rule.noShowDays * 24 * 3600_000;
  const recent = noShowStarts.filter((at) => {
    const t = Date.parse(at);
    return t >= since && t <= now.getTime();
  });
  return recent.length >= rule.noShowLimit;
}

/** What the member is told when the no-show rule sends their registration to the waitlist. */
export function probationReason(rule: Pick<WaitlistSettings, "noShowLimit" | "noShowDays">): string {
  const times = rule.noShowLimit === 1 ? "once" : `${rule.noShowLimit} times`;
  return `You missed sessions you registered for ${times} in the last ${rule.noShowDays} days, so your registration waits for a place: members without missed sessions are offered places first.`;
}

/**
 * An admin reorders a role's line (issue #15, 3): one place up or down, or to the front. Returns the role's
 * waiting entries with positions 1..n in their new order; moving past an end changes nothing.
 */
export function moveInLine(
  line: readonly { id: string; position: number }[],
  id: string,
  direction: "up" | "down" | "front",
): { id: string; position: number }[] {
  const ids = [...line].sort((a, b) => a.position - b.position).map((e) => e.id);
  const from = ids.indexOf(id);
  if (from === -1) throw new RangeError(`Entry ${id} is not waiting in this line`);
  const to = direction === "front" ? 0 : direction === "up" ? from - 1 : from + 1;
  if (to >= 0 && to < ids.length && to !== from) {
    ids.splice(from, 1);
    ids.splice(to, 0, id);
  }
  return ids.map((eid, i) => ({ id: eid, position: i + 1 }));
}
