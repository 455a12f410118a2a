import { describe, expect, it } from "vitest";
import { mayMarkAttendance, sendsFollowUp, wrapUpRefusal } from "./wrap-up";

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
    expect(sendsFollowUp(true, null)).toBe(true);
    expect(sendsFollowUp(true, "2026-06-11T08:00:00.000Z")).toBe(false);
    expect(sendsFollowUp(false, null)).toBe(false);
  });
});
