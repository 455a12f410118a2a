import { aRole, lineText } from "../../../shared/labels";
import type {
  CommunitySession,
  MyWaitlistEntry,
  Role,
  SessionCard,
  WaitlistStatus,
} from "../../../shared/schemas/community-sessions";
import { ROLE_LABEL, ROLE_ORDER, roleList } from "./labels";

export type RoleOffer =
  | { role: Role; free: number; capacity: number; state: "available" }
  /** Every slot of the role is taken, and its waitlist is open to the caller (issue #15). */
  | { role: Role; free: 0; capacity: number; state: "waitlist"; waiting: number }
  /** Every slot of the role is taken. */
  | { role: Role; free: 0; capacity: number; state: "full" }
  /** Free, and registration is open to the caller, yet not offered: the premium gate (community.md, Roles and slots). */
  | { role: Role; free: number; capacity: number; state: "premium" };

/**
 * The roles of the registration form, in roster order, each offered, offered as a waitlist, or with the reason it
 * is not. The server decides (`registrableRoles`, `waitlistRoles`); this only names the reason. A role with no
 * slots in this session is left out. Call it only when the caller may sign up (`maySignUp`): then the server's
 * only other refusal for a free role is the premium gate.
 */
export function roleOffers(
  session: Pick<CommunitySession, "slots" | "registrableRoles" | "waitlistRoles">,
): RoleOffer[] {
  return ROLE_ORDER.flatMap((role): RoleOffer[] => {
    const { capacity, free, waiting } = session.slots[role];
    if (capacity <= 0) return [];
    if (session.registrableRoles.includes(role)) return [{ role, free, capacity, state: "available" }];
    if (session.waitlistRoles.includes(role)) return [{ role, free: 0, capacity, state: "waitlist", waiting }];
    if (free <= 0) return [{ role, free: 0, capacity, state: "full" }];
    return [{ role, free, capacity, state: "premium" }];
  });
}

/** Registration is open to whoever asks (the caller still needs a free, allowed role). */
export function isRegistrationOpen(session: Pick<CommunitySession, "shownStatus" | "startsAt">): boolean {
  return session.shownStatus === "open" && session.startsAt !== null;
}

/**
 * The caller may register or join a waitlist now (the server says which roles): a Full session still takes
 * names for its waitlists.
 */
export function maySignUp(session: Pick<CommunitySession, "registrableRoles" | "waitlistRoles">): boolean {
  return session.registrableRoles.length > 0 || session.waitlistRoles.length > 0;
}

/** What a role's choice in the registration form says about it. */
export function offerDescription(offer: RoleOffer, premiumLabel: string): string {
  switch (offer.state) {
    case "available":
      return offer.capacity === 1 ? "1 place left" : `${offer.free} of ${offer.capacity} places left`;
    case "waitlist":
      return `Full: every place is taken. Join the waitlist: ${
        offer.waiting === 0 ? "nobody is waiting yet" : `${offer.waiting} waiting`
      }`;
    case "full":
      return "Full: every place is taken";
    case "premium":
      return `${premiumLabel} members only`;
  }
}

/** The form's choice joins a waitlist rather than registering. */
export function joinsWaitlist(offers: readonly RoleOffer[], role: string): boolean {
  return offers.some((o) => o.role === role && o.state === "waitlist");
}

/** "A Presenter place", "An Interviewer place". */
export function placeOf(role: Role): string {
  const phrase = aRole(role);
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} place`;
}

/**
 * Where the caller stands in a waitlist, in words: "2nd in line for Presenter", or, with a place on offer, the
 * start of "A Presenter place is held for you until …" (the deadline is shown by the page, in the viewer's zone).
 */
export function waitlistStanding(entry: Pick<MyWaitlistEntry, "status" | "role" | "position">): string {
  if (entry.status === "offered") return `${placeOf(entry.role)} is held for you until`;
  return lineText(entry.position ?? 1, entry.role);
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

/** The offer page (`/offers/:token`) of an offer that can no longer be answered: its heading and why. */
export function offerClosed(status: WaitlistStatus): { title: string; text: string } {
  switch (status) {
    case "accepted":
      return {
        title: "Place accepted",
        text: "This offer was accepted: you are registered. The meeting link is in your email and, once you sign in, on the session page.",
      };
    case "expired":
      return {
        title: "Offer expired",
        text: "This offer was not accepted in time, so the place went to the next person in line.",
      };
    case "declined":
      return { title: "Offer declined", text: "This offer was declined: the place went to the next person in line." };
    default:
      return {
        title: "Offer closed",
        text: "This offer is no longer open: the session may have been cancelled or the organisers changed its waitlist.",
      };
  }
}
