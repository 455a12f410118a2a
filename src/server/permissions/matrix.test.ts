import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { ACTIONS, type Action, can, type Facts } from "./policy";

/**
 * The permission matrix: every action × every kind of user × every situation, from one table
 * (platform.md, Permissions). Adding an action without a row here fails the first test.
 */
const KINDS = ["anonymous", "member", "participant", "creator", "premium", "staff", "admin"] as const;
type Kind = (typeof KINDS)[number];

const person = (id: string, flags: Partial<Actor> = {}): Actor => ({
  id,
  email: `${id}@example.test`,
  name: id,
  isAdmin: false,
  isStaff: false,
  isPremium: false,
  ...flags,
});
const actors: Record<Kind, Actor | null> = {
  anonymous: null,
  member: person("member"),
  participant: person("participant"),
  creator: person("creator"),
  premium: person("premium", { isPremium: true }),
  staff: person("staff", { isStaff: true }),
  admin: person("admin", { isAdmin: true }),
};

/** Situations, in the order of the letters in each row: Y = allowed, n = refused. */
const SITUATIONS = [
  { label: "published, user creation off", isDraft: false, allow: false },
  { label: "published, user creation on", isDraft: false, allow: true },
  { label: "draft, user creation off", isDraft: true, allow: false },
  { label: "draft, user creation on", isDraft: true, allow: true },
] as const;

function factsFor(action: Action, kind: Kind, s: (typeof SITUATIONS)[number]): Facts {
  switch (ACTIONS[action]) {
    case "site":
      return { kind: "site" };
    case "community":
      return { kind: "community", allowUserSessionCreation: s.allow };
    case "communitySession":
      return {
        kind: "communitySession",
        createdBy: "creator",
        isDraft: s.isDraft,
        allowUserSessionCreation: s.allow,
        isActiveParticipant: kind === "participant",
      };
  }
}

const ALL = "YYYY";
const NONE = "nnnn";
const ADMIN_ONLY: Record<Kind, string> = {
  anonymous: NONE,
  member: NONE,
  participant: NONE,
  creator: NONE,
  premium: NONE,
  staff: NONE,
  admin: ALL,
};

const MATRIX: Record<Action, Record<Kind, string>> = {
  "users.manage": ADMIN_ONLY,
  "audit.read": ADMIN_ONLY,
  "mail.read": ADMIN_ONLY,
  "settings.manage": ADMIN_ONLY,
  // Only the flag matters for creating; draft or not does not apply.
  "community.sessions.create": {
    anonymous: NONE,
    member: "nYnY",
    participant: "nYnY",
    creator: "nYnY",
    premium: "nYnY",
    staff: "nYnY",
    admin: ALL,
  },
  "community.session.view": {
    anonymous: "YYnn",
    member: "YYnn",
    participant: "YYnn",
    creator: "YYnY",
    premium: "YYnn",
    staff: "YYnn",
    admin: ALL,
  },
  "community.session.viewRoster": {
    anonymous: NONE,
    member: "YYnn",
    participant: "YYnn",
    creator: "YYnY",
    premium: "YYnn",
    staff: "YYnn",
    admin: ALL,
  },
  "community.session.manage": {
    anonymous: NONE,
    member: NONE,
    participant: NONE,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  "community.session.seeMeeting": {
    anonymous: NONE,
    member: NONE,
    participant: ALL,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  "community.session.register": {
    anonymous: NONE,
    member: "YYnn",
    participant: "YYnn",
    creator: "YYnn",
    premium: "YYnn",
    staff: "YYnn",
    admin: "YYnn",
  },
};

describe("permission matrix", () => {
  it("covers every action the policy knows", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const action of Object.keys(MATRIX) as Action[]) {
    for (const kind of KINDS) {
      SITUATIONS.forEach((situation, i) => {
        const allowed = MATRIX[action][kind][i] === "Y";
        it(`${kind} ${allowed ? "may" : "may not"} ${action} (${situation.label})`, () => {
          // biome-ignore lint/suspicious/noExplicitAny: facts are built per action kind above
          expect(can(actors[kind], action, factsFor(action, kind, situation) as any)).toBe(allowed);
        });
      });
    }
  }
});
