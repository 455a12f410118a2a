import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { type Action, ACTIONS, can, SITE } from "./policy";

/**
 * The permission matrix: every action × every kind of user, from one table (platform.md, Permissions).
 * Adding an action without a row here fails the first test.
 */
const KINDS = ["anonymous", "member", "premium", "staff", "admin"] as const;
type Kind = (typeof KINDS)[number];

const actors: Record<Kind, Actor | null> = {
  anonymous: null,
  member: { id: "m", email: "m@x", name: "M", isAdmin: false, isStaff: false, isPremium: false },
  premium: { id: "p", email: "p@x", name: "P", isAdmin: false, isStaff: false, isPremium: true },
  staff: { id: "s", email: "s@x", name: "S", isAdmin: false, isStaff: true, isPremium: false },
  admin: { id: "a", email: "a@x", name: "A", isAdmin: true, isStaff: false, isPremium: false },
};

const ADMIN_ONLY = ["admin"] as const;
const MATRIX: Record<Action, readonly Kind[]> = {
  "users.manage": ADMIN_ONLY,
  "audit.read": ADMIN_ONLY,
  "mail.read": ADMIN_ONLY,
  "settings.manage": ADMIN_ONLY,
};

describe("site permission matrix", () => {
  it("covers every action the policy knows", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const action of Object.keys(MATRIX) as Action[]) {
    for (const kind of KINDS) {
      const allowed = MATRIX[action].includes(kind);
      it(`${kind} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(actors[kind], action, SITE)).toBe(allowed);
      });
    }
  }
});
