import type { CommunitySession, Role, SessionCard } from "../../../shared/schemas/community-sessions";
import { ROLE_ORDER, roleList } from "./labels";

export type RoleOffer =
  | { role: Role; free: number; capacity: number; state: "available" }
  /** Every slot of the role is taken. */
  | { role: Role; free: 0; capacity: number; state: "full" }
  /** Free, and registration is open to the caller, yet not offered: the premium gate (community.md, Roles and slots). */
  | { role: Role; free: number; capacity: number; state: "premium" };

/**
 * The roles of the registration form, in roster order, each offered or with the reason it is not. The server
 * decides (`registrableRoles`); this only names the reason. A role with no slots in this session is left out.
 * Call it only when the caller may register (signed in, not registered, registration open): then the server's
 * only other refusal for a free role is the premium gate.
 */
export function roleOffers(session: Pick<CommunitySession, "slots" | "registrableRoles">): RoleOffer[] {
  return ROLE_ORDER.flatMap((role): RoleOffer[] => {
    const { capacity, free } = session.slots[role];
    if (capacity <= 0) return [];
    if (session.registrableRoles.includes(role)) return [{ role, free, capacity, state: "available" }];
    if (free <= 0) return [{ role, free: 0, capacity, state: "full" }];
    return [{ role, free, capacity, state: "premium" }];
  });
}

/** Registration is open to whoever asks (the caller still needs a free, allowed role). */
export function isRegistrationOpen(session: Pick<CommunitySession, "shownStatus" | "startsAt">): boolean {
  return session.shownStatus === "open" && session.startsAt !== null;
}

/**
 * The free roles a home card names (issue 13, 8: a non-premium member saw premium-only roles as open): those the
 * viewer may take, and those only members with the Premium Label may take. A visitor is not premium.
 */
export function cardRoles(
  card: Pick<SessionCard, "freeRoles" | "premiumRoles">,
  viewerIsPremium: boolean,
): { open: Role[]; premiumOnly: Role[] } {
  const gated = (r: Role) => !viewerIsPremium && card.premiumRoles.includes(r);
  return { open: card.freeRoles.filter((r) => !gated(r)), premiumOnly: card.freeRoles.filter(gated) };
}

/** "Host, Presenter: for Premium members only". */
export function premiumOnlyText(roles: readonly Role[], premiumLabel: string): string {
  return `${roleList(roles)}: for ${premiumLabel} members only`;
}
