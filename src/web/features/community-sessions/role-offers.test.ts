import { describe, expect, it } from "vitest";
import type { CommunitySession, Role } from "../../../shared/schemas/community-sessions";
import { cardRoles, isRegistrationOpen, premiumOnlyText, roleOffers } from "./role-offers";

const slot = (capacity: number, taken: number) => ({ capacity, taken, offered: 0, free: capacity - taken, waiting: 0 });

function session(slots: Partial<CommunitySession["slots"]>, registrableRoles: Role[]) {
  return {
    slots: {
      host: slot(1, 0),
      presenter: slot(3, 0),
      interviewer: slot(1, 0),
      guest: slot(5, 0),
      ...slots,
    },
    registrableRoles,
  };
}

describe("roleOffers", () => {
  it("offers the registrable roles in roster order", () => {
    const offers = roleOffers(session({}, ["guest", "host", "presenter", "interviewer"]));
    expect(offers.map((o) => [o.role, o.state])).toEqual([
      ["host", "available"],
      ["presenter", "available"],
      ["interviewer", "available"],
      ["guest", "available"],
    ]);
  });

  it("leaves out roles the session has no slots for (no interviewer, no guests)", () => {
    const offers = roleOffers(session({ interviewer: slot(0, 0), guest: slot(0, 0) }, ["host", "presenter"]));
    expect(offers.map((o) => o.role)).toEqual(["host", "presenter"]);
  });

  it("explains a role with no free slot as full", () => {
    const offers = roleOffers(session({ presenter: slot(1, 1) }, ["host", "interviewer", "guest"]));
    expect(offers.find((o) => o.role === "presenter")).toMatchObject({ state: "full", free: 0 });
  });

  it("explains a free role that is not offered as premium-only", () => {
    const offers = roleOffers(session({}, ["guest"]));
    expect(offers.map((o) => [o.role, o.state])).toEqual([
      ["host", "premium"],
      ["presenter", "premium"],
      ["interviewer", "premium"],
      ["guest", "available"],
    ]);
  });

  it("says full before premium: nobody can take a full role", () => {
    const offers = roleOffers(session({ host: slot(1, 1) }, ["guest"]));
    expect(offers[0]).toMatchObject({ role: "host", state: "full" });
  });
});

describe("isRegistrationOpen", () => {
  it("is open only for Open sessions with a start", () => {
    expect(isRegistrationOpen({ shownStatus: "open", startsAt: "2030-01-01T00:00:00Z" })).toBe(true);
    expect(isRegistrationOpen({ shownStatus: "open", startsAt: null })).toBe(false);
    for (const s of ["full", "closed", "cancelled", "in_progress", "completed", "draft"] as const) {
      expect(isRegistrationOpen({ shownStatus: s, startsAt: "2030-01-01T00:00:00Z" })).toBe(false);
    }
  });
});

describe("cardRoles", () => {
  const card = { freeRoles: ["host", "presenter", "guest"] as Role[], premiumRoles: ["host", "presenter"] as Role[] };

  it("names premium-only roles apart for a member without the premium label, and for a visitor", () => {
    expect(cardRoles(card, false)).toEqual({ open: ["guest"], premiumOnly: ["host", "presenter"] });
    expect(premiumOnlyText(["host", "presenter"], "Gold")).toBe("Host, Presenter: for Gold members only");
  });

  it("lists every free role as open for a premium member", () => {
    expect(cardRoles(card, true)).toEqual({ open: ["host", "presenter", "guest"], premiumOnly: [] });
  });

  it("leaves out gated roles that are full", () => {
    expect(cardRoles({ freeRoles: ["guest"], premiumRoles: ["host"] }, false)).toEqual({
      open: ["guest"],
      premiumOnly: [],
    });
  });
});
