import type { Actor } from "./actor";

/**
 * The one place that answers "may this user do this" (platform.md, Permissions).
 * Each action names the facts it needs; rules are pure so the matrix test can walk them all.
 */
export interface SiteFacts {
  kind: "site";
}

export type Facts = SiteFacts;

export const ACTIONS = {
  "users.manage": "site",
  "audit.read": "site",
  "mail.read": "site",
  "settings.manage": "site",
} as const satisfies Record<string, Facts["kind"]>;

export type Action = keyof typeof ACTIONS;
type FactsFor<A extends Action> = Extract<Facts, { kind: (typeof ACTIONS)[A] }>;

type Rule<A extends Action> = (actor: Actor | null, facts: FactsFor<A>) => boolean;

const adminOnly = (actor: Actor | null) => actor?.isAdmin === true;

const RULES: { [A in Action]: Rule<A> } = {
  "users.manage": adminOnly,
  "audit.read": adminOnly,
  "mail.read": adminOnly,
  "settings.manage": adminOnly,
};

export function can<A extends Action>(actor: Actor | null, action: A, facts: FactsFor<A>): boolean {
  return RULES[action](actor, facts);
}

export const SITE: SiteFacts = { kind: "site" };
