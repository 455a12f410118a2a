import type { Actor } from "./actor";

/**
 * The one place that answers "may this user do this" (platform.md, Permissions).
 * Each action names the facts it needs; rules are pure so the matrix test can walk them all.
 */
export interface SiteFacts {
  kind: "site";
}

/** Community-wide facts: the Allow User Session Creation flag. */
export interface CommunityFacts {
  kind: "community";
  allowUserSessionCreation: boolean;
}

/** One community session as the policy sees it. */
export interface CommunitySessionFacts {
  kind: "communitySession";
  createdBy: string | null;
  isDraft: boolean;
  allowUserSessionCreation: boolean;
  /** The actor holds an active (not cancelled) registration in this session. */
  isActiveParticipant: boolean;
}

export type Facts = SiteFacts | CommunityFacts | CommunitySessionFacts;

export const ACTIONS = {
  "users.manage": "site",
  "audit.read": "site",
  "mail.read": "site",
  "settings.manage": "site",
  "community.sessions.create": "community",
  "community.session.view": "communitySession",
  "community.session.viewRoster": "communitySession",
  "community.session.manage": "communitySession",
  "community.session.seeMeeting": "communitySession",
  "community.session.register": "communitySession",
} as const satisfies Record<string, Facts["kind"]>;

export type Action = keyof typeof ACTIONS;
type FactsFor<A extends Action> = Extract<Facts, { kind: (typeof ACTIONS)[A] }>;

type Rule<A extends Action> = (actor: Actor | null, facts: FactsFor<A>) => boolean;

const adminOnly = (actor: Actor | null) => actor?.isAdmin === true;

/**
 * Admins manage every session; with Allow User Session Creation on, a member manages the sessions they
 * created (community.md, Settings).
 */
const managesSession = (actor: Actor | null, f: CommunitySessionFacts) =>
  actor !== null && (actor.isAdmin || (f.allowUserSessionCreation && f.createdBy === actor.id));

const RULES: { [A in Action]: Rule<A> } = {
  "users.manage": adminOnly,
  "audit.read": adminOnly,
  "mail.read": adminOnly,
  "settings.manage": adminOnly,
  "community.sessions.create": (actor, f) => actor !== null && (actor.isAdmin || f.allowUserSessionCreation),
  // Members never see Drafts (community.md, Status lifecycle); anyone may see the others.
  "community.session.view": (actor, f) => !f.isDraft || managesSession(actor, f),
  // Who else takes part is for signed-in members only.
  "community.session.viewRoster": (actor, f) => actor !== null && (!f.isDraft || managesSession(actor, f)),
  "community.session.manage": managesSession,
  // Meeting URL and password: admins, the session's managers and its active participants only.
  "community.session.seeMeeting": (actor, f) => managesSession(actor, f) || (actor !== null && f.isActiveParticipant),
  "community.session.register": (actor, f) => actor !== null && !f.isDraft,
};

export function can<A extends Action>(actor: Actor | null, action: A, facts: FactsFor<A>): boolean {
  return RULES[action](actor, facts);
}

export const SITE: SiteFacts = { kind: "site" };
