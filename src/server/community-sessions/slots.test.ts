import { describe, expect, it } from "vitest";
import type { ParticipantStatus, Role } from "../../shared/schemas/community-sessions";
import {
  type Capacity,
  capacityChangeProblems,
  compactPresenterOrder,
  countActive,
  creatorBecomesHost,
  freeSlots,
  holdsActiveRegistration,
  isActiveParticipant,
  isFull,
  movePresenter,
  nextPresenterOrder,
  ROLES,
  type RoleCounts,
  type RoleGates,
  type RoleRequest,
  roleCapacity,
  roleRefusal,
} from "./slots";

const DEFAULTS: Capacity = { maxPresenters: 3, maxGuests: 5, hasInterviewer: true };
const counts = (c: Partial<RoleCounts> = {}): RoleCounts => ({ host: 0, presenter: 0, interviewer: 0, guest: 0, ...c });
const FULL_DEFAULTS = counts({ host: 1, presenter: 3, interviewer: 1, guest: 5 });
const NO_GATES: RoleGates = { requirePremiumForPresenting: false, requirePremiumForHosting: false };
const ALL_GATES: RoleGates = { requirePremiumForPresenting: true, requirePremiumForHosting: true };

const request = (over: Partial<RoleRequest> = {}): RoleRequest => ({
  cap: DEFAULTS,
  counts: counts(),
  gates: NO_GATES,
  isPremium: false,
  adminOverride: false,
  ...over,
});

describe("roles and capacity", () => {
  it("lists the roles in roster order", () => {
    expect(ROLES).toEqual(["host", "presenter", "interviewer", "guest"]);
  });

  it("gives the host exactly one slot, presenters and guests their maximum, the interviewer 1 or 0", () => {
    expect(ROLES.map((r) => roleCapacity(r, DEFAULTS))).toEqual([1, 3, 1, 5]);
    expect(ROLES.map((r) => roleCapacity(r, { maxPresenters: 0, maxGuests: 0, hasInterviewer: false }))).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it.each([
    ["registered", true],
    ["confirmed", true],
    ["attended", true],
    ["no_show", true],
    ["cancelled", false],
  ] as const)("a %s participant is active: %s", (status, active) => {
    expect(isActiveParticipant(status)).toBe(active);
  });
});

describe("countActive", () => {
  it("counts each role and ignores cancelled registrations", () => {
    const p = (role: Role, status: ParticipantStatus) => ({ role, status });
    expect(
      countActive([
        p("host", "confirmed"),
        p("presenter", "registered"),
        p("presenter", "cancelled"),
        p("presenter", "attended"),
        p("guest", "no_show"),
        p("guest", "cancelled"),
        p("interviewer", "cancelled"),
      ]),
    ).toEqual({ host: 1, presenter: 2, interviewer: 0, guest: 1 });
  });

  it("is all zeros for nobody", () => {
    expect(countActive([])).toEqual(counts());
  });
});

describe("freeSlots", () => {
  it("subtracts the active count from each role's capacity", () => {
    expect(freeSlots(DEFAULTS, counts({ presenter: 1, guest: 5 }))).toEqual({
      host: 1,
      presenter: 2,
      interviewer: 1,
      guest: 0,
    });
  });

  it("never goes below zero when old data holds more than the capacity", () => {
    expect(freeSlots(DEFAULTS, counts({ guest: 7 })).guest).toBe(0);
  });
});

describe("isFull", () => {
  it("is Full when host, all presenters, the interviewer and all guests are in", () => {
    expect(isFull(DEFAULTS, FULL_DEFAULTS)).toBe(true);
  });

  it("needs the guests too: free guest seats keep the session Open", () => {
    expect(isFull(DEFAULTS, { ...FULL_DEFAULTS, guest: 4 })).toBe(false);
  });

  it.each(["host", "presenter", "interviewer", "guest"] as const)("is not Full with one %s slot free", (role) => {
    expect(isFull(DEFAULTS, { ...FULL_DEFAULTS, [role]: FULL_DEFAULTS[role] - 1 })).toBe(false);
  });

  it("does not wait for an interviewer when Has Interviewer is off", () => {
    expect(isFull({ ...DEFAULTS, hasInterviewer: false }, { ...FULL_DEFAULTS, interviewer: 0 })).toBe(true);
  });

  it("treats a maximum of 0 as nothing to fill", () => {
    expect(isFull({ maxPresenters: 0, maxGuests: 0, hasInterviewer: false }, counts({ host: 1 }))).toBe(true);
    expect(isFull({ maxPresenters: 0, maxGuests: 0, hasInterviewer: false }, counts())).toBe(false);
  });
});

describe("capacityChangeProblems", () => {
  const registered = counts({ host: 1, presenter: 3, interviewer: 1, guest: 1 });

  it("accepts raising or keeping the maximums", () => {
    expect(capacityChangeProblems({ maxPresenters: 3, maxGuests: 1, hasInterviewer: true }, registered)).toEqual({});
    expect(capacityChangeProblems({ maxPresenters: 10, maxGuests: 50, hasInterviewer: true }, registered)).toEqual({});
  });

  it("refuses lowering Max Presenters below the presenters registered", () => {
    expect(capacityChangeProblems({ ...DEFAULTS, maxPresenters: 2 }, registered)).toEqual({
      maxPresenters: "cannot be lower than the 3 presenters already registered",
    });
  });

  it("refuses lowering Max Guests below the guests registered, in the singular for one", () => {
    expect(capacityChangeProblems({ ...DEFAULTS, maxGuests: 0 }, registered)).toEqual({
      maxGuests: "cannot be lower than the guest already registered",
    });
  });

  it("refuses switching Has Interviewer off while an interviewer is registered", () => {
    expect(capacityChangeProblems({ ...DEFAULTS, hasInterviewer: false }, registered)).toEqual({
      hasInterviewer: "cannot be switched off while an interviewer is registered",
    });
    expect(capacityChangeProblems({ ...DEFAULTS, hasInterviewer: false }, { ...registered, interviewer: 0 })).toEqual(
      {},
    );
  });

  it("names every field at once", () => {
    expect(
      Object.keys(capacityChangeProblems({ maxPresenters: 0, maxGuests: 0, hasInterviewer: false }, registered)),
    ).toEqual(["maxPresenters", "maxGuests", "hasInterviewer"]);
  });
});

describe("roleRefusal", () => {
  it("lets anyone take a free role when no gate is on", () => {
    for (const role of ROLES) expect(roleRefusal(role, request())).toBeNull();
  });

  it.each([
    ["host", { host: 1 }, "The Host slot is taken."],
    ["presenter", { presenter: 3 }, "All 3 Presenter slots are taken."],
    ["interviewer", { interviewer: 1 }, "The Interviewer slot is taken."],
    ["guest", { guest: 5 }, "All 5 Guest slots are taken."],
  ] as const)("refuses a full %s role", (role, c, message) => {
    expect(roleRefusal(role, request({ counts: counts(c) }))).toEqual({ code: "role_full", message });
  });

  it("refuses a full role even to an admin overriding the premium gate", () => {
    expect(
      roleRefusal("presenter", request({ counts: counts({ presenter: 3 }), adminOverride: true, isPremium: true })),
    ).toMatchObject({ code: "role_full" });
  });

  it("calls a role with no slots unavailable, not full", () => {
    const none: Capacity = { maxPresenters: 0, maxGuests: 0, hasInterviewer: false };
    expect(roleRefusal("interviewer", request({ cap: none }))).toEqual({
      code: "role_unavailable",
      message: "This session has no Interviewer.",
    });
    expect(roleRefusal("presenter", request({ cap: none }))).toMatchObject({ code: "role_unavailable" });
    expect(roleRefusal("guest", request({ cap: none }))).toMatchObject({ code: "role_unavailable" });
    expect(roleRefusal("host", request({ cap: none }))).toBeNull();
  });

  // Every role × each gate × premium × admin override, from one table.
  const GATED_BY: Record<Role, keyof RoleGates | null> = {
    host: "requirePremiumForHosting",
    presenter: "requirePremiumForPresenting",
    interviewer: "requirePremiumForPresenting",
    guest: null,
  };
  const gateRows = ROLES.flatMap((role) =>
    (["requirePremiumForPresenting", "requirePremiumForHosting"] as const).flatMap((gate) =>
      [false, true].flatMap((isPremium) =>
        [false, true].map((adminOverride) => ({
          role,
          gate,
          isPremium,
          adminOverride,
          refused: GATED_BY[role] === gate && !isPremium && !adminOverride,
        })),
      ),
    ),
  );

  it.each(gateRows)(
    "$role with only $gate on, premium=$isPremium, adminOverride=$adminOverride → refused=$refused",
    ({ role, gate, isPremium, adminOverride, refused }) => {
      const gates = { ...NO_GATES, [gate]: true };
      const result = roleRefusal(role, request({ gates, isPremium, adminOverride }));
      if (refused) expect(result).toMatchObject({ code: "premium_required" });
      else expect(result).toBeNull();
    },
  );

  it("never gates guests", () => {
    expect(roleRefusal("guest", request({ gates: ALL_GATES }))).toBeNull();
  });

  it("names the site's Premium Label", () => {
    expect(roleRefusal("presenter", request({ gates: ALL_GATES, premiumLabel: "Office Hours" }))).toEqual({
      code: "premium_required",
      message: "Only Office Hours members can register as Presenter.",
    });
    expect(roleRefusal("host", request({ gates: ALL_GATES }))?.message).toBe(
      "Only Premium members can register as Host.",
    );
  });

  it("reports a full role before the premium gate", () => {
    expect(roleRefusal("host", request({ gates: ALL_GATES, counts: counts({ host: 1 }) }))).toMatchObject({
      code: "role_full",
    });
  });

  it("does not count the person themself when they keep their role (a no-op change)", () => {
    const full = request({ counts: counts({ presenter: 3 }) });
    expect(roleRefusal("presenter", { ...full, currentRole: "presenter" })).toBeNull();
    expect(roleRefusal("presenter", { ...full, currentRole: "guest" })).toMatchObject({ code: "role_full" });
    const hostTaken = request({ counts: counts({ host: 1 }) });
    expect(roleRefusal("host", { ...hostTaken, currentRole: "host" })).toBeNull();
    expect(roleRefusal("host", { ...hostTaken, currentRole: "presenter" })).toMatchObject({ code: "role_full" });
  });

  it("still refuses a role over capacity even for someone keeping it", () => {
    expect(
      roleRefusal(
        "guest",
        request({ cap: { ...DEFAULTS, maxGuests: 2 }, counts: counts({ guest: 3 }), currentRole: "guest" }),
      ),
    ).toMatchObject({ code: "role_full" });
  });

  it("does not apply the premium gate to someone keeping their role", () => {
    expect(
      roleRefusal(
        "presenter",
        request({ gates: ALL_GATES, counts: counts({ presenter: 1 }), currentRole: "presenter" }),
      ),
    ).toBeNull();
    expect(
      roleRefusal("presenter", request({ gates: ALL_GATES, counts: counts({ presenter: 1 }), currentRole: "guest" })),
    ).toMatchObject({ code: "premium_required" });
  });
});

describe("presenter order", () => {
  it("gives the first presenter 1 and each next one the number after the last", () => {
    expect(nextPresenterOrder([])).toBe(1);
    expect(nextPresenterOrder([1, 2, 3])).toBe(4);
    expect(nextPresenterOrder([3, 1])).toBe(4);
  });

  it("puts a newcomer last even when there is a gap", () => {
    expect(nextPresenterOrder([1, 3])).toBe(4);
  });

  it("closes ranks to 1..n keeping the relative order", () => {
    expect(
      compactPresenterOrder([
        { id: "c", order: 7 },
        { id: "a", order: 2 },
        { id: "b", order: 4 },
      ]),
    ).toEqual([
      { id: "a", order: 1 },
      { id: "b", order: 2 },
      { id: "c", order: 3 },
    ]);
  });

  it("keeps equal orders in the order given", () => {
    expect(
      compactPresenterOrder([
        { id: "x", order: 1 },
        { id: "y", order: 1 },
        { id: "z", order: 0 },
      ]).map((p) => p.id),
    ).toEqual(["z", "x", "y"]);
  });

  it("is empty for no presenters", () => {
    expect(compactPresenterOrder([])).toEqual([]);
  });

  const three = [
    { id: "a", order: 1 },
    { id: "b", order: 2 },
    { id: "c", order: 3 },
  ];
  const ids = (list: { id: string }[]) => list.map((p) => p.id);

  it("moves a presenter up and down one place", () => {
    expect(movePresenter(three, "b", "up")).toEqual([
      { id: "b", order: 1 },
      { id: "a", order: 2 },
      { id: "c", order: 3 },
    ]);
    expect(ids(movePresenter(three, "b", "down"))).toEqual(["a", "c", "b"]);
    expect(ids(movePresenter(three, "a", "down"))).toEqual(["b", "a", "c"]);
    expect(ids(movePresenter(three, "c", "up"))).toEqual(["a", "c", "b"]);
  });

  it("leaves the order alone when the first moves up or the last moves down", () => {
    expect(movePresenter(three, "a", "up")).toEqual(three);
    expect(movePresenter(three, "c", "down")).toEqual(three);
    expect(movePresenter([{ id: "solo", order: 1 }], "solo", "up")).toEqual([{ id: "solo", order: 1 }]);
  });

  it("moves within the compacted order when the stored one has gaps", () => {
    const gappy = [
      { id: "c", order: 9 },
      { id: "a", order: 2 },
      { id: "b", order: 5 },
    ];
    expect(movePresenter(gappy, "c", "up")).toEqual([
      { id: "a", order: 1 },
      { id: "c", order: 2 },
      { id: "b", order: 3 },
    ]);
  });

  it("throws for someone who is not in the list", () => {
    expect(() => movePresenter(three, "nobody", "up")).toThrow(RangeError);
  });

  it("does not change the list it was given", () => {
    const input = three.map((p) => ({ ...p }));
    movePresenter(input, "b", "up");
    expect(input).toEqual(three);
  });
});

describe("holdsActiveRegistration", () => {
  const rows = [
    { user_id: "ann", status: "cancelled" as const },
    { user_id: "bob", status: "no_show" as const },
  ];

  it("is true only for someone whose registration still holds a slot", () => {
    expect(holdsActiveRegistration(rows, "bob")).toBe(true);
    expect(holdsActiveRegistration(rows, "ann")).toBe(false);
    expect(holdsActiveRegistration(rows, "cid")).toBe(false);
    expect(holdsActiveRegistration([...rows, { user_id: "ann", status: "registered" }], "ann")).toBe(true);
  });
});

describe("creatorBecomesHost", () => {
  const member = { isAdmin: false, isPremium: false };
  const premium = { isAdmin: false, isPremium: true };
  const admin = { isAdmin: true, isPremium: true };

  it("makes a member who creates a session its host, unless hosting needs premium and they are not", () => {
    expect(creatorBecomesHost(member, NO_GATES)).toBe(true);
    expect(creatorBecomesHost(member, { ...NO_GATES, requirePremiumForPresenting: true })).toBe(true);
    expect(creatorBecomesHost(member, ALL_GATES)).toBe(false);
    expect(creatorBecomesHost(premium, ALL_GATES)).toBe(true);
  });

  it("never makes an admin the host of what they create", () => {
    expect(creatorBecomesHost(admin, NO_GATES)).toBe(false);
    expect(creatorBecomesHost(admin, ALL_GATES)).toBe(false);
  });
});
