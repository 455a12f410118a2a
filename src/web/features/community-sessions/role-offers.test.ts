import { describe, expect, it } from "vitest";
import type { CommunitySession, Role } from "../../../shared/schemas/community-sessions";
import {
  cardRoles,
  isRegistrationOpen,
  joinsWaitlist,
  maySignUp,
  offerClosed,
  offerDescription,
  premiumOnlyText,
  roleOffers,
  waitlistStanding,
} from "./role-offers";

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
    waitlistRoles: [] as Role[],
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

describe("waitlists (issue #15)", () => {
  const full = (waiting: number) => ({ capacity: 1, taken: 1, offered: 0, free: 0, waiting });

  it("offers a full role's waitlist when the server lists it, with how many wait", () => {
    const s = { ...session({ presenter: full(2) }, ["guest"]), waitlistRoles: ["presenter"] as Role[] };
    const presenter = roleOffers(s).find((o) => o.role === "presenter")!;
    expect(presenter).toMatchObject({ state: "waitlist", waiting: 2, free: 0 });
    expect(offerDescription(presenter, "Gold")).toBe("Full: every place is taken. Join the waitlist: 2 waiting");
    expect(joinsWaitlist(roleOffers(s), "presenter")).toBe(true);
    expect(joinsWaitlist(roleOffers(s), "guest")).toBe(false);
  });

  it("says nobody waits yet, and keeps a full role without a waitlist for the caller as full", () => {
    const s = { ...session({ presenter: full(0), host: full(0) }, ["guest"]), waitlistRoles: ["presenter"] as Role[] };
    const offers = roleOffers(s);
    expect(offerDescription(offers.find((o) => o.role === "presenter")!, "Gold")).toBe(
      "Full: every place is taken. Join the waitlist: nobody is waiting yet",
    );
    expect(offers.find((o) => o.role === "host")).toMatchObject({ state: "full" });
  });

  it("lets a member sign up while a role is free or a waitlist is open", () => {
    expect(maySignUp({ registrableRoles: [], waitlistRoles: [] })).toBe(false);
    expect(maySignUp({ registrableRoles: ["guest"], waitlistRoles: [] })).toBe(true);
    expect(maySignUp({ registrableRoles: [], waitlistRoles: ["host"] })).toBe(true);
  });

  it("names the member's place in line, or the place held for them", () => {
    expect(waitlistStanding({ status: "waiting", role: "presenter", position: 2 })).toBe("2nd in line for Presenter");
    expect(waitlistStanding({ status: "offered", role: "presenter", position: null })).toBe(
      "A Presenter place is held for you until",
    );
    expect(waitlistStanding({ status: "offered", role: "interviewer", position: null })).toBe(
      "An Interviewer place is held for you until",
    );
  });
});

describe("offerClosed", () => {
  it("says why an offer can no longer be answered", () => {
    expect(offerClosed("expired").title).toBe("Offer expired");
    expect(offerClosed("accepted").text).toContain("you are registered");
    expect(offerClosed("declined").text).toContain("next person in line");
    for (const s of ["left", "removed", "closed", "waiting"] as const)
      expect(offerClosed(s).title).toBe("Offer closed");
  });
});
