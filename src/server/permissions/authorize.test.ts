import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { type EventFacts, SITE } from "./policy";

const member: Actor = {
  id: "m",
  email: "m@example.test",
  name: "M",
  isAdmin: false,
  isStaff: false,
  isPremium: false,
};
const admin: Actor = { ...member, id: "a", isAdmin: true };
const event: EventFacts = { kind: "event", isTimetablePublished: true, isEventManager: false, holdsSessionRole: false };

const statusOf = (fn: () => void) => {
  try {
    fn();
    return "allowed";
  } catch (err) {
    return err instanceof AppError ? err.status : err;
  }
};

describe("authorize", () => {
  it("answers 401 to nobody, 403 to a signed-in user who may not, and lets the others through", () => {
    expect(statusOf(() => authorize(null, "users.manage", SITE))).toBe(401);
    expect(statusOf(() => authorize(member, "users.manage", SITE))).toBe(403);
    expect(statusOf(() => authorize(admin, "users.manage", SITE))).toBe("allowed");
    expect(statusOf(() => authorize(member, "event.view", event))).toBe("allowed");
  });

  it("takes only the facts the action is decided on", () => {
    // Never called: the lines only have to fail to compile (`npm run check`).
    const wrongKinds = () => {
      // @ts-expect-error an event action needs event facts
      authorize(member, "event.manage", SITE);
      // @ts-expect-error a site action needs site facts
      authorize(member, "users.manage", event);
    };
    expect(wrongKinds).toBeTypeOf("function");
  });
});
