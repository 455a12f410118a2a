import { describe, expect, it } from "vitest";
import { mayMarkAttendance, sendsFollowUp, wrappedUpAtAfter, wrapUpRefusal } from "./wrap-up";

describe("wrapping up a session", () => {
  const end = "2026-06-10T19:15:00.000Z";

  it("is possible once a session that took place has ended", () => {
    expect(wrapUpRefusal("open", end, new Date("2026-06-10T19:15:00Z"))).toBeNull();
    expect(wrapUpRefusal("closed", end, new Date("2026-06-11T08:00:00Z"))).toBeNull();
    expect(wrapUpRefusal("full", end, new Date("2026-06-10T19:14:59Z"))?.code).toBe("not_ended");
    expect(wrapUpRefusal("open", null, new Date("2026-06-11T08:00:00Z"))?.code).toBe("not_ended");
  });

  it("is refused for a Draft or Cancelled session, which did not take place", () => {
    expect(wrapUpRefusal("cancelled", end, new Date("2026-06-11T08:00:00Z"))).toEqual({
      code: "not_held",
      message: "A Cancelled session did not take place.",
    });
    expect(wrapUpRefusal("draft", end, new Date("2026-06-11T08:00:00Z"))?.code).toBe("not_held");
  });

  it("marks attendance on those who held a place, and sends the follow-up the first time only", () => {
    for (const s of ["registered", "confirmed", "attended", "no_show"] as const)
      expect(mayMarkAttendance(s)).toBe(true);
    expect(mayMarkAttendance("cancelled")).toBe(false);
    expect(sendsFollowUp(true, null, 2)).toBe(true);
    expect(sendsFollowUp(true, "2026-06-11T08:00:00.000Z", 2)).toBe(false);
    expect(sendsFollowUp(false, null, 2)).toBe(false);
  });

  it("stays open for the follow-up while nobody is marked attended (the host saved the recording first)", () => {
    const now = "2026-06-11T08:00:00.000Z";
    expect(sendsFollowUp(true, null, 0)).toBe(false);
    expect(wrappedUpAtAfter(null, true, 0, now)).toBeNull();
    expect(wrappedUpAtAfter(null, true, 3, now)).toBe(now);
    expect(wrappedUpAtAfter(null, false, 0, now)).toBe(now);
    expect(wrappedUpAtAfter("2026-06-10T20:00:00.000Z", true, 3, now)).toBe("2026-06-10T20:00:00.000Z");
  });
});
