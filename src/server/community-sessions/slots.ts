/**
 * Slot accounting for community sessions (community.md, Roles and slots): how many places each role has,
 * how many are taken, when the session is Full, who may take a role, and the presenters' order.
 * Pure: the caller passes the session's capacity and its participants.
 */

import { ROLE_LABEL, roleLabel } from "../../shared/labels";
import { type ParticipantStatus, Role } from "../../shared/schemas/community-sessions";

/** The roles in roster order: Host, Presenters, Interviewer, Guests (the shared schema's order). */
export const ROLES: readonly Role[] = Role.options;

/** The session fields that decide how many slots each role has. */
export interface Capacity {
  maxPresenters: number;
  maxGuests: number;
  hasInterviewer: boolean;
}

/** The settings that reserve roles for premium members (community.md, Settings). */
export interface RoleGates {
  requirePremiumForPresenting: boolean;
  requirePremiumForHosting: boolean;
}

export type RoleCounts = Record<Role, number>;

export interface RoleRefusal {
  code: "role_full" | "premium_required" | "role_unavailable";
  message: string;
}

export interface RoleRequest {
  cap: Capacity;
  /** Active participants per role, the person asking included if they already hold a role. */
  counts: RoleCounts;
  gates: RoleGates;
  /** The person's premium flag, or staff, or admin (community.md, Roles and slots). */
  isPremium: boolean;
  /** An admin is placing someone: the premium gate does not apply; a full role still does. */
  adminOverride: boolean;
  /** The role the person holds now in this session, if any (a role change). */
  currentRole?: Role;
  /** The site's Premium Label, used in the message. Defaults to "Premium". */
  premiumLabel?: string;
}

export interface PresenterOrder {
  id: string;
  order: number;
}

/**
 * A registration holds a slot unless it is Cancelled (community.md, Roles and slots; Participants tab:
 * "Cancelled frees the slot").
 */
export function isActiveParticipant(status: ParticipantStatus): boolean {
  return status !== "cancelled";
}

/**
 * A person holds at most one active registration in a session (community.md, Registration: "already
 * registered"): to take another role they cancel first, or an organiser changes their role.
 */
export function holdsActiveRegistration(
  participants: readonly { user_id: string; status: ParticipantStatus }[],
  userId: string,
): boolean {
  return participants.some((p) => p.user_id === userId && isActiveParticipant(p.status));
}

/**
 * How many slots a role has (community.md, Roles and slots): Host exactly 1, Presenter Max Presenters,
 * Interviewer 1 if Has Interviewer else 0, Guest Max Guests.
 */
export function roleCapacity(role: Role, cap: Capacity): number {
  switch (role) {
    case "host":
      return 1;
    case "presenter":
      return cap.maxPresenters;
    case "interviewer":
      return cap.hasInterviewer ? 1 : 0;
    case "guest":
      return cap.maxGuests;
  }
}

/** How many active (not Cancelled) participants hold each role (community.md, Roles and slots). */
export function countActive(participants: { role: Role; status: ParticipantStatus }[]): RoleCounts {
  const counts: RoleCounts = { host: 0, presenter: 0, interviewer: 0, guest: 0 };
  for (const p of participants) {
    if (isActiveParticipant(p.status)) counts[p.role] += 1;
  }
  return counts;
}

/** The slots still free in each role, never below zero (community.md, Roles and slots). */
export function freeSlots(cap: Capacity, counts: RoleCounts): RoleCounts {
  const free = (role: Role) => Math.max(0, roleCapacity(role, cap) - counts[role]);
  return { host: free("host"), presenter: free("presenter"), interviewer: free("interviewer"), guest: free("guest") };
}

/**
 * A session is Full when every slot is taken: the host, all presenter slots, the interviewer if Has
 * Interviewer is on, and all guest slots; free guest seats keep it Open (community.md, Status lifecycle).
 */
export function isFull(cap: Capacity, counts: RoleCounts): boolean {
  const free = freeSlots(cap, counts);
  return ROLES.every((role) => free[role] === 0);
}

/**
 * Lowering Max Presenters or Max Guests below the number already registered, or switching Has Interviewer
 * off while an interviewer is registered, is refused with a clear message (community.md, Roles and slots).
 * Returns field name → message; empty when the change is fine.
 */
export function capacityChangeProblems(next: Capacity, counts: RoleCounts): Record<string, string> {
  const problems: Record<string, string> = {};
  if (next.maxPresenters < counts.presenter) {
    problems.maxPresenters = `cannot be lower than the ${registered("presenter", counts.presenter)}`;
  }
  if (next.maxGuests < counts.guest) {
    problems.maxGuests = `cannot be lower than the ${registered("guest", counts.guest)}`;
  }
  if (!next.hasInterviewer && counts.interviewer > 0) {
    problems.hasInterviewer = "cannot be switched off while an interviewer is registered";
  }
  return problems;
}

function registered(role: Role, n: number): string {
  const noun = roleLabel(role, n).toLowerCase();
  return n === 1 ? `${noun} already registered` : `${n} ${noun} already registered`;
}

/**
 * Why this person may not take this role, or null when they may (community.md, Roles and slots and
 * Participants tab): a role without slots is unavailable; a full role is refused, even to an admin;
 * Presenter and Interviewer need premium under Require Premium for Presenting, Host under Require Premium
 * for Hosting, Guest never; an admin placing someone may override the premium gate. Keeping the role one
 * already holds is never refused because of that person's own slot or the premium gate.
 */
export function roleRefusal(role: Role, req: RoleRequest): RoleRefusal | null {
  const capacity = roleCapacity(role, req.cap);
  const label = ROLE_LABEL[role];
  if (capacity === 0) {
    const message = role === "interviewer" ? "This session has no Interviewer." : `This session has no ${label} slots.`;
    return { code: "role_unavailable", message };
  }
  const keeping = req.currentRole === role;
  // The person's own registration is in `counts`; when they keep their role it is not someone else's slot.
  const taken = req.counts[role] - (keeping ? 1 : 0);
  // Full is checked before premium: nobody can override it, so it is the answer that holds for everyone.
  if (taken >= capacity) {
    const message = capacity === 1 ? `The ${label} slot is taken.` : `All ${capacity} ${label} slots are taken.`;
    return { code: "role_full", message };
  }
  // The gate guards entry into a role; someone already holding it (e.g. the gate was switched on since)
  // is not refused for a no-op change.
  if (!keeping && isGated(role, req.gates) && !req.isPremium && !req.adminOverride) {
    const premium = req.premiumLabel?.trim() || "Premium";
    return { code: "premium_required", message: `Only ${premium} members can register as ${label}.` };
  }
  return null;
}

/**
 * A member who creates a session becomes its host when the hosting gate lets them take the role (community.md,
 * Settings); admins create sessions for others and do not become their hosts.
 */
export function creatorBecomesHost(creator: { isAdmin: boolean; isPremium: boolean }, gates: RoleGates): boolean {
  return !creator.isAdmin && (!gates.requirePremiumForHosting || creator.isPremium);
}

/** The roles reserved for premium members under these settings, in roster order (community.md, Settings). */
export function gatedRoles(gates: RoleGates): Role[] {
  return ROLES.filter((role) => isGated(role, gates));
}

function isGated(role: Role, gates: RoleGates): boolean {
  switch (role) {
    case "host":
      return gates.requirePremiumForHosting;
    case "presenter":
    case "interviewer":
      return gates.requirePremiumForPresenting;
    case "guest":
      return false;
  }
}

/**
 * The presentation order a new presenter gets (community.md, Registration, 4): the next free number,
 * 1-based, after everyone already in the list, so a newcomer never jumps ahead of someone.
 */
export function nextPresenterOrder(existingOrders: number[]): number {
  return existingOrders.reduce((max, order) => Math.max(max, order), 0) + 1;
}

/**
 * Presenters close ranks when one leaves (community.md, Registration, 6): orders become 1..n, keeping the
 * relative order (equal orders keep the order they were given in). Returned sorted by order.
 */
export function compactPresenterOrder(presenters: PresenterOrder[]): PresenterOrder[] {
  return presenters
    .map((p, index) => ({ p, index }))
    .sort((a, b) => a.p.order - b.p.order || a.index - b.index)
    .map(({ p }, i) => ({ id: p.id, order: i + 1 }));
}

/**
 * An admin moves a presenter one place up or down with the up/down buttons (community.md, Participants tab).
 * Returns every presenter with their new order, 1..n, sorted. Moving the first up or the last down changes
 * nothing (a no-op, so a double click is harmless). Throws for an id that is not in the list: the caller
 * checks that the participant is a presenter of the session first.
 */
export function movePresenter(presenters: PresenterOrder[], id: string, direction: "up" | "down"): PresenterOrder[] {
  const ordered = compactPresenterOrder(presenters);
  const from = ordered.findIndex((p) => p.id === id);
  if (from === -1) throw new RangeError(`Presenter ${id} is not in this session's presenter list`);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ordered.length) return ordered;
  const ids = ordered.map((p) => p.id);
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return ids.map((pid, i) => ({ id: pid, order: i + 1 }));
}
