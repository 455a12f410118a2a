import { describe, expect, it } from "vitest";
import { lineText, ordinal } from "../../shared/labels";
import {
  heldPlaces,
  isEmptyPlan,
  joinRefusal,
  type LineEntry,
  lineOf,
  moveInLine,
  offerDeadline,
  onProbation,
  positionInLine,
  settleWaitlists,
} from "./waitlist";

const NOW = new Date("2026-12-02T12:00:00Z");
const START = "2026-12-05T18:00:00Z";
const cap = { maxPresenters: 2, maxGuests: 3, hasInterviewer: true };
const none = { host: 0, presenter: 0, interviewer: 0, guest: 0 };
let seq = 0;
function entry(over: Partial<LineEntry>): LineEntry {
  seq += 1;
  return {
    id: `e${seq}`,
    user_id: `u${seq}`,
    role: "presenter",
    status: "waiting",
    position: seq,
    probation: 0,
    offer_expires_at: null,
    created_at: `2026-12-01T00:00:${String(seq % 60).padStart(2, "0")}Z`,
    ...over,
  };
}
const settle = (over: Partial<Parameters<typeof settleWaitlists>[0]>) =>
  settleWaitlists({
    status: "open",
    startsAt: START,
    cap,
    active: { ...none, presenter: 2 },
    entries: [],
    settings: { holdMinutes: 720, mode: "offer" },
    now: NOW,
    ...over,
  });

describe("settleWaitlists", () => {
  it("offers each free place to the first in line, held for the hold window", () => {
    const [a, b, c] = [entry({ position: 1 }), entry({ position: 2 }), entry({ position: 3 })];
    const plan = settle({ active: { ...none, presenter: 0 }, entries: [c!, a!, b!] });
    expect(plan.offer).toEqual([
      { id: a!.id, expiresAt: "2026-12-03T00:00:00.000Z" },
      { id: b!.id, expiresAt: "2026-12-03T00:00:00.000Z" },
    ]);
    expect(plan.promote).toEqual([]);
  });

  it("counts places held for offers as taken: no second offer for one place", () => {
    const held = entry({ status: "offered", offer_expires_at: "2026-12-02T20:00:00Z" });
    const next = entry({});
    const plan = settle({ active: { ...none, presenter: 1 }, entries: [held, next] });
    expect(plan.offer).toEqual([]);
    expect(heldPlaces([held, next]).presenter).toBe(1);
  });

  it("expires offers whose deadline has come and offers their place to the next in line", () => {
    const late = entry({ status: "offered", offer_expires_at: "2026-12-02T12:00:00Z" });
    const next = entry({});
    const plan = settle({ active: { ...none, presenter: 1 }, entries: [late, next] });
    expect(plan.expire).toEqual([late.id]);
    expect(plan.offer.map((o) => o.id)).toEqual([next.id]);
  });

  it("promotes instead of offering in promote mode", () => {
    const a = entry({});
    expect(
      settle({ active: { ...none, presenter: 1 }, entries: [a], settings: { holdMinutes: 60, mode: "promote" } }),
    ).toMatchObject({ offer: [], promote: [a.id] });
  });

  it("offers nothing once the session has started, is Closed or Draft; a cancelled one closes every line", () => {
    const a = entry({});
    const free = { ...none, presenter: 0 };
    expect(settle({ active: free, entries: [a], now: new Date(START) })).toMatchObject({ offer: [], close: [a.id] });
    expect(settle({ active: free, entries: [a], status: "closed" }).offer).toEqual([]);
    expect(settle({ active: free, entries: [a], status: "draft" }).offer).toEqual([]);
    const held = entry({ status: "offered", offer_expires_at: "2026-12-02T20:00:00Z" });
    expect(settle({ active: free, entries: [a, held], status: "cancelled" }).close).toEqual([a.id, held.id]);
  });

  it("offers in a Full session: the freed place is what makes it Open again", () => {
    const a = entry({});
    expect(settle({ active: { ...none, presenter: 1 }, entries: [a], status: "full" }).offer).toHaveLength(1);
  });

  it("closes the line of a role the session no longer has (Has Interviewer switched off)", () => {
    const waiting = entry({ role: "interviewer" });
    const held = entry({ role: "interviewer", status: "offered", offer_expires_at: "2026-12-02T11:00:00Z" });
    const plan = settle({ entries: [waiting, held], cap: { ...cap, hasInterviewer: false } });
    expect(plan.drop).toEqual([waiting.id, held.id]);
    expect(plan.expire).toEqual([]);
    // Closing the line is work on its own: the settling must not stop at "nothing to do".
    expect(isEmptyPlan(plan)).toBe(false);
  });

  it("ends an offer at the start when the session moved earlier", () => {
    const held = entry({ status: "offered", offer_expires_at: "2026-12-03T00:00:00Z" });
    const plan = settle({ entries: [held], startsAt: "2026-12-02T18:00:00Z" });
    expect(plan.shorten).toEqual([{ id: held.id, expiresAt: "2026-12-02T18:00:00.000Z" }]);
  });

  it("puts members on probation after everyone else", () => {
    const ruled = entry({ position: 1, probation: 1 });
    const regular = entry({ position: 2 });
    expect(lineOf([ruled, regular], "presenter").map((e) => e.id)).toEqual([regular.id, ruled.id]);
    expect(positionInLine([ruled, regular], ruled.id)).toBe(2);
  });
});

describe("offerDeadline", () => {
  it("is the hold after now, ending no later than the start, and null once the session has started", () => {
    expect(offerDeadline(NOW, 60, START)).toBe("2026-12-02T13:00:00.000Z");
    expect(offerDeadline(NOW, 720, "2026-12-02T15:00:00Z")).toBe("2026-12-02T15:00:00.000Z");
    expect(offerDeadline(NOW, 60, "2026-12-02T12:00:00Z")).toBeNull();
    expect(offerDeadline(NOW, 60, null)).toBeNull();
  });
});

describe("joinRefusal", () => {
  const base = {
    status: "open" as const,
    startsAt: START,
    now: NOW,
    role: "presenter" as const,
    cap,
    taken: { ...none, presenter: 2 },
    isRegistered: false,
    isWaiting: false,
    onProbation: false,
    gateRefusal: null,
  };
  it("lets a member wait for a full role, in an Open or a Full session", () => {
    expect(joinRefusal(base)).toBeNull();
    expect(joinRefusal({ ...base, status: "full" })).toBeNull();
  });
  it("refuses a role with free places (register instead) unless the no-show rule sends them to the line", () => {
    expect(joinRefusal({ ...base, taken: { ...none, presenter: 1 } })?.code).toBe("role_has_places");
    expect(joinRefusal({ ...base, taken: { ...none, presenter: 1 }, onProbation: true })).toBeNull();
  });
  it("refuses the registered, those already in a line, roles the session lacks, the gate, and closed registration", () => {
    expect(joinRefusal({ ...base, isRegistered: true })?.code).toBe("already_registered");
    expect(joinRefusal({ ...base, isWaiting: true })?.code).toBe("already_waiting");
    expect(joinRefusal({ ...base, role: "interviewer", cap: { ...cap, hasInterviewer: false } })?.code).toBe(
      "role_unavailable",
    );
    expect(joinRefusal({ ...base, gateRefusal: { code: "premium_required", message: "Premium only." } })?.code).toBe(
      "premium_required",
    );
    expect(joinRefusal({ ...base, status: "closed" })?.code).toBe("registration_closed");
    expect(joinRefusal({ ...base, now: new Date(START) })?.code).toBe("session_started");
  });
});

describe("onProbation", () => {
  const rule = { noShowLimit: 2, noShowDays: 30 };
  it("holds after N no-shows in sessions that started within the last M days; off at 0", () => {
    expect(onProbation(["2026-11-20T18:00:00Z", "2026-11-27T18:00:00Z"], rule, NOW)).toBe(true);
    expect(onProbation(["2026-10-01T18:00:00Z", "2026-11-27T18:00:00Z"], rule, NOW)).toBe(false);
    expect(onProbation(["2026-11-20T18:00:00Z", "2026-11-27T18:00:00Z"], { ...rule, noShowLimit: 0 }, NOW)).toBe(false);
  });
});

describe("moveInLine", () => {
  const line = [
    { id: "a", position: 1 },
    { id: "b", position: 2 },
    { id: "c", position: 3 },
  ];
  it("moves one place up or down, or to the front; past an end changes nothing", () => {
    expect(moveInLine(line, "c", "up").map((e) => e.id)).toEqual(["a", "c", "b"]);
    expect(moveInLine(line, "a", "down").map((e) => e.id)).toEqual(["b", "a", "c"]);
    expect(moveInLine(line, "c", "front")).toEqual([
      { id: "c", position: 1 },
      { id: "a", position: 2 },
      { id: "b", position: 3 },
    ]);
    expect(moveInLine(line, "a", "up").map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(() => moveInLine(line, "z", "up")).toThrow(RangeError);
  });
});

describe("lineText", () => {
  it("says where a member stands", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
    ]);
    expect(lineText(2, "presenter")).toBe("2nd in line for Presenter");
  });
});
