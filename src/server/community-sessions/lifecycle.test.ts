import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { SessionStatus, StatusAction } from "../../shared/schemas/community-sessions";
import {
  allowedStatusActions,
  applyStatusAction,
  canMemberCancel,
  hasStarted,
  isPublished,
  isVisibleToMembers,
  pastStartRefusal,
  reconcileFull,
  registrationRefusal,
  requiredWhilePublished,
  SESSION_STATUSES,
  STATUS_ACTIONS,
  type StatusActionContext,
  shownStatus,
  statusChoices,
  takesInvitations,
} from "./lifecycle";

// community.md, Status lifecycle, restated as a table independent of the code:
// "publish" lands in Open (or Full when no slot is free) and needs Date & Time and Meeting URL.
// Issue 13, 3 and 7: once the start has passed, registration is over, so only cancelling still applies; reopening
// a Full session with no free slot would leave it Full, so it does not apply either.
type Outcome = "refused" | "publish" | "closed" | "cancelled";
const TRANSITIONS: Record<SessionStatus, Record<StatusAction, Outcome>> = {
  draft: { open: "publish", close: "refused", reopen: "refused", cancel: "cancelled" },
  open: { open: "refused", close: "closed", reopen: "refused", cancel: "cancelled" },
  full: { open: "refused", close: "closed", reopen: "publish", cancel: "cancelled" },
  closed: { open: "refused", close: "refused", reopen: "publish", cancel: "cancelled" },
  cancelled: { open: "refused", close: "refused", reopen: "publish", cancel: "refused" },
};

const REFUSAL_MESSAGES: Record<SessionStatus, string> = {
  draft: "A Draft session can only be opened or cancelled.",
  open: "An Open session can only be closed or cancelled.",
  full: "A Full session can only be closed, reopened or cancelled.",
  closed: "A Closed session can only be reopened or cancelled.",
  cancelled: "A Cancelled session can only be reopened.",
};

const BOOLS = [false, true] as const;
// A session can only have started when it has a start.
const CONTEXTS: StatusActionContext[] = BOOLS.flatMap((hasStart) =>
  BOOLS.flatMap((hasMeetingUrl) =>
    BOOLS.flatMap((isFull) =>
      (hasStart ? BOOLS : [false]).map((hasStarted) => ({ hasStart, hasMeetingUrl, isFull, hasStarted })),
    ),
  ),
);

function expected(status: SessionStatus, action: StatusAction, ctx: StatusActionContext) {
  const outcome = TRANSITIONS[status][action];
  switch (outcome) {
    case "refused":
      return { ok: false, code: "invalid_transition", message: REFUSAL_MESSAGES[status] };
    case "closed":
      if (ctx.hasStarted) return { ok: false, code: "session_started" };
      return { ok: true, status: outcome };
    case "cancelled":
      return { ok: true, status: outcome };
    case "publish":
      if (ctx.hasStarted) {
        return status === "draft" || status === "cancelled"
          ? { ok: false, code: "start_passed", field: "startsLocal" }
          : { ok: false, code: "start_passed" };
      }
      if (status === "full" && ctx.isFull) return { ok: false, code: "already_full" };
      if (!ctx.hasStart) return { ok: false, code: "required_before_open", field: "startsLocal" };
      if (!ctx.hasMeetingUrl) return { ok: false, code: "required_before_open", field: "meetingUrl" };
      return { ok: true, status: ctx.isFull ? "full" : "open" };
  }
}

const ROWS = SESSION_STATUSES.flatMap((status) =>
  STATUS_ACTIONS.flatMap((action) =>
    CONTEXTS.map((ctx) => ({
      status,
      action,
      ctx,
      name: `${status} + ${action} (start ${ctx.hasStart ? (ctx.hasStarted ? "passed" : "ahead") : "unset"}, meeting URL ${
        ctx.hasMeetingUrl ? "set" : "unset"
      }, ${ctx.isFull ? "full" : "not full"})`,
    })),
  ),
);

describe("applyStatusAction", () => {
  it("walks every status × action × full × meeting URL × start unset, ahead or passed (5 × 4 × 2 × 2 × 3 = 240)", () => {
    expect(ROWS).toHaveLength(240);
  });

  it.each(ROWS)("$name", ({ status, action, ctx }) => {
    expect(applyStatusAction(status, action, ctx)).toMatchObject(expected(status, action, ctx));
  });

  it("names every missing field in the message and the first one in field", () => {
    const none = { hasStart: false, hasMeetingUrl: false, isFull: false, hasStarted: false };
    expect(applyStatusAction("draft", "open", none)).toEqual({
      ok: false,
      code: "required_before_open",
      message: "Set the Date & Time and the Meeting URL before opening the session.",
      field: "startsLocal",
    });
    expect(applyStatusAction("closed", "reopen", { ...none, hasStart: true })).toEqual({
      ok: false,
      code: "required_before_open",
      message: "Set the Meeting URL before reopening the session.",
      field: "meetingUrl",
    });
  });

  it("refuses to cancel a session twice", () => {
    const ctx = { hasStart: true, hasMeetingUrl: true, isFull: false, hasStarted: false };
    expect(applyStatusAction("cancelled", "cancel", ctx)).toMatchObject({ ok: false, code: "invalid_transition" });
  });

  const ahead = { hasStart: true, hasMeetingUrl: true, isFull: false, hasStarted: false };

  it("lets a cancelled Draft be reopened only once it has a time and a meeting link", () => {
    expect(applyStatusAction("cancelled", "reopen", { ...ahead, hasStart: false })).toEqual(
      expect.objectContaining({ ok: false, field: "startsLocal" }),
    );
    expect(applyStatusAction("cancelled", "reopen", ahead)).toEqual({
      ok: true,
      status: "open",
    });
  });

  it("offers exactly the actions the transition table allows", () => {
    for (const status of SESSION_STATUSES) {
      const allowed = STATUS_ACTIONS.filter((a) => TRANSITIONS[status][a] !== "refused");
      expect(allowedStatusActions(status)).toEqual(allowed);
    }
  });

  it("refuses to open a Draft whose Date & Time has passed, naming the field and the rule", () => {
    expect(applyStatusAction("draft", "open", { ...ahead, hasStarted: true })).toEqual({
      ok: false,
      code: "start_passed",
      message: "The Date & Time has passed: set a future one before opening the session.",
      field: "startsLocal",
    });
  });

  it("refuses to reopen a Full session that has no free slot, saying it reopens by itself", () => {
    expect(applyStatusAction("full", "reopen", { ...ahead, isFull: true })).toMatchObject({
      ok: false,
      code: "already_full",
      message: expect.stringContaining("reopens by itself when a place frees up"),
    });
  });
});

describe("statusChoices", () => {
  const ahead = { hasStart: true, hasMeetingUrl: true, isFull: false, hasStarted: false };

  it("offers exactly the actions applyStatusAction would not refuse as not applying", () => {
    for (const { status, action, ctx } of ROWS) {
      const result = applyStatusAction(status, action, ctx);
      const offered = statusChoices(status, ctx).actions.includes(action);
      const notApplying = !result.ok && result.code !== "required_before_open";
      expect(offered, `${status} + ${action}`).toBe(!notApplying);
    }
  });

  it("does not offer Reopen registration on a Full session, and says why", () => {
    expect(statusChoices("full", { ...ahead, isFull: true })).toEqual({
      actions: ["close", "cancel"],
      note: "Every place is taken, so reopening would leave it Full. Registration reopens by itself when a place frees up.",
    });
  });

  it("offers every button the table allows before the start, with no note", () => {
    expect(statusChoices("draft", ahead)).toEqual({ actions: ["open", "cancel"], note: null });
    expect(statusChoices("open", ahead)).toEqual({ actions: ["close", "cancel"], note: null });
    expect(statusChoices("closed", { ...ahead, isFull: true })).toEqual({ actions: ["reopen", "cancel"], note: null });
    expect(statusChoices("cancelled", ahead)).toEqual({ actions: ["reopen"], note: null });
  });

  it("keeps Open on a Draft without a time or a link: the refusal then names what is missing", () => {
    expect(statusChoices("draft", { ...ahead, hasStart: false, hasMeetingUrl: false }).actions).toEqual([
      "open",
      "cancel",
    ]);
  });

  it("offers only Cancel once the start has passed, and says why", () => {
    const started = { ...ahead, hasStarted: true };
    expect(statusChoices("open", started)).toEqual({
      actions: ["cancel"],
      note: "The session has started, so registration is already over.",
    });
    expect(statusChoices("closed", started)).toEqual({
      actions: ["cancel"],
      note: "The session has started, so registration cannot reopen.",
    });
    expect(statusChoices("draft", started)).toEqual({
      actions: ["cancel"],
      note: "The Date & Time has passed: set a future one before opening the session.",
    });
    expect(statusChoices("cancelled", started)).toEqual({
      actions: [],
      note: "The Date & Time has passed: set a future one before reopening the session.",
    });
  });
});

describe("reconcileFull", () => {
  const EXPECTED: Record<SessionStatus, [notFull: SessionStatus, full: SessionStatus]> = {
    draft: ["draft", "draft"],
    open: ["open", "full"],
    full: ["open", "full"],
    closed: ["closed", "closed"],
    cancelled: ["cancelled", "cancelled"],
  };
  const rows = SESSION_STATUSES.flatMap((status) =>
    BOOLS.map((isFull) => ({ status, isFull, want: EXPECTED[status][isFull ? 1 : 0] })),
  );

  it.each(rows)("$status with isFull=$isFull → $want", ({ status, isFull, want }) => {
    expect(reconcileFull(status, isFull)).toBe(want);
  });
});

describe("shownStatus", () => {
  const start = "2030-06-01T14:00:00.000Z";
  const at = (iso: string) => new Date(iso);

  it("is the stored status before the start", () => {
    expect(shownStatus("open", start, 45, at("2030-06-01T13:59:59.999Z"))).toBe("open");
  });

  it("is In Progress exactly at the start", () => {
    expect(shownStatus("open", start, 45, at(start))).toBe("in_progress");
  });

  it("is In Progress one millisecond before the end", () => {
    expect(shownStatus("full", start, 45, at("2030-06-01T14:44:59.999Z"))).toBe("in_progress");
  });

  it("is Completed exactly at the end", () => {
    expect(shownStatus("closed", start, 45, at("2030-06-01T14:45:00.000Z"))).toBe("completed");
  });

  it.each(["open", "full", "closed"] as const)("applies to %s sessions", (status) => {
    expect(shownStatus(status, start, 45, at("2030-06-01T14:10:00Z"))).toBe("in_progress");
    expect(shownStatus(status, start, 45, at("2030-06-02T00:00:00Z"))).toBe("completed");
  });

  it.each(["draft", "cancelled"] as const)("never applies to %s sessions", (status) => {
    expect(shownStatus(status, start, 45, at("2030-06-01T14:10:00Z"))).toBe(status);
    expect(shownStatus(status, start, 45, at("2030-06-02T00:00:00Z"))).toBe(status);
  });

  it("is the stored status when there is no start", () => {
    expect(shownStatus("open", null, 45, at("2030-06-01T14:10:00Z"))).toBe("open");
  });

  it("reads the start's offset, whatever zone the instant is written in", () => {
    expect(shownStatus("open", "2030-06-01T10:00:00-04:00", 45, at("2030-06-01T14:00:00Z"))).toBe("in_progress");
  });

  it("counts real minutes across a daylight-saving change (New York falls back during the session)", () => {
    // 01:30 EDT on 2025-11-02; 60 minutes later the wall clock reads 01:30 again (EST).
    const zone = "America/New_York";
    const dstStart = "2025-11-02T05:30:00.000Z";
    const end = DateTime.fromISO(dstStart).plus({ minutes: 60 });
    expect(DateTime.fromISO(dstStart, { zone }).toFormat("HH:mm ZZZZ")).toBe("01:30 EDT");
    expect(end.setZone(zone).toFormat("HH:mm ZZZZ")).toBe("01:30 EST");

    // 01:00 EST is an earlier wall-clock time than the start, but 30 real minutes into the session.
    expect(shownStatus("open", dstStart, 60, at("2025-11-02T06:00:00.000Z"))).toBe("in_progress");
    expect(shownStatus("open", dstStart, 60, at("2025-11-02T06:29:59.999Z"))).toBe("in_progress");
    expect(shownStatus("open", dstStart, 60, new Date(end.toMillis()))).toBe("completed");
  });

  it("counts real minutes across a daylight-saving change (New York springs forward during the session)", () => {
    // 01:30 EST on 2025-03-09; 60 minutes later the wall clock reads 03:30 EDT.
    const springStart = "2025-03-09T06:30:00.000Z";
    expect(shownStatus("open", springStart, 60, at("2025-03-09T07:29:59.999Z"))).toBe("in_progress");
    expect(shownStatus("open", springStart, 60, at("2025-03-09T07:30:00.000Z"))).toBe("completed");
  });

  it("rejects text that is not an instant", () => {
    expect(() => shownStatus("open", "next Tuesday", 45, at(start))).toThrow(RangeError);
  });
});

describe("registrationRefusal", () => {
  const start = "2030-06-01T14:00:00.000Z";
  const before = new Date("2030-06-01T13:59:59.999Z");

  it("accepts an Open session that has not started", () => {
    expect(registrationRefusal("open", start, before)).toBeNull();
  });

  it.each([
    ["draft", "session_not_open"],
    ["full", "session_full"],
    ["closed", "registration_closed"],
    ["cancelled", "session_cancelled"],
  ] as const)("refuses a %s session with %s", (status, code) => {
    expect(registrationRefusal(status, start, before)).toMatchObject({ code });
  });

  it("refuses exactly at the start", () => {
    expect(registrationRefusal("open", start, new Date(start))).toMatchObject({ code: "session_started" });
  });

  it("refuses after the start and after the end", () => {
    expect(registrationRefusal("open", start, new Date("2030-06-01T14:10:00Z"))).toMatchObject({
      code: "session_started",
    });
    expect(registrationRefusal("open", start, new Date("2031-01-01T00:00:00Z"))).toMatchObject({
      code: "session_started",
    });
  });

  it("refuses an Open session without a start rather than guess", () => {
    expect(registrationRefusal("open", null, before)).toMatchObject({ code: "session_not_scheduled" });
  });

  it("explains a Full session in the members' words", () => {
    expect(registrationRefusal("full", start, before)?.message).toBe(
      "This session is full: join a role's waitlist to be offered a place that frees.",
    );
  });
});

describe("canMemberCancel", () => {
  const start = "2030-06-01T14:00:00.000Z";

  it("allows cancelling until the session starts", () => {
    expect(canMemberCancel(start, new Date("2030-06-01T13:59:59.999Z"))).toBe(true);
  });

  it("refuses from the start on", () => {
    expect(canMemberCancel(start, new Date(start))).toBe(false);
    expect(canMemberCancel(start, new Date("2030-06-01T15:00:00Z"))).toBe(false);
  });

  it("allows cancelling a session with no start yet", () => {
    expect(canMemberCancel(null, new Date("2030-06-01T15:00:00Z"))).toBe(true);
  });
});

describe("hasStarted", () => {
  const start = "2030-06-01T14:00:00.000Z";
  it("is false before the start and without one, true from the start on", () => {
    expect(hasStarted(start, new Date("2030-06-01T13:59:59.999Z"))).toBe(false);
    expect(hasStarted(start, new Date(start))).toBe(true);
    expect(hasStarted(null, new Date(start))).toBe(false);
  });
});

describe("pastStartRefusal", () => {
  const now = new Date("2030-06-01T14:00:00.000Z");

  it("refuses a new start that is not ahead", () => {
    expect(pastStartRefusal("2030-06-01T13:59:00.000Z", null, now)).toBe("must be in the future");
    expect(pastStartRefusal("2030-06-01T14:00:00.000Z", "2030-07-01T14:00:00.000Z", now)).toBe("must be in the future");
  });

  it("accepts a start ahead, no start, and a passed start left as it was", () => {
    expect(pastStartRefusal("2030-06-01T14:01:00.000Z", null, now)).toBeNull();
    expect(pastStartRefusal(null, "2030-05-01T14:00:00.000Z", now)).toBeNull();
    expect(pastStartRefusal("2030-05-01T14:00:00.000Z", "2030-05-01T14:00:00.000Z", now)).toBeNull();
  });
});

describe("isVisibleToMembers", () => {
  it.each(SESSION_STATUSES.map((s) => [s, s !== "draft"] as const))("%s → %s", (status, visible) => {
    expect(isVisibleToMembers(status)).toBe(visible);
  });
});

describe("isPublished", () => {
  const PUBLISHED: Record<SessionStatus, boolean> = {
    draft: false,
    open: true,
    full: true,
    closed: true,
    cancelled: false,
  };
  it.each(SESSION_STATUSES.map((s) => [s, PUBLISHED[s]] as const))("%s → %s", (status, published) => {
    expect(isPublished(status)).toBe(published);
  });
});

describe("requiredWhilePublished", () => {
  const both = { hasStart: true, hasMeetingUrl: true };
  const neither = { hasStart: false, hasMeetingUrl: false };
  const message = "is required while the session is open to members";

  it("keeps an Open, Full or Closed session's Date & Time and Meeting URL", () => {
    for (const status of ["open", "full", "closed"] as const) {
      expect(requiredWhilePublished(status, neither)).toEqual({ startsLocal: message, meetingUrl: message });
      expect(requiredWhilePublished(status, { ...both, hasMeetingUrl: false })).toEqual({ meetingUrl: message });
      expect(requiredWhilePublished(status, { ...both, hasStart: false })).toEqual({ startsLocal: message });
      expect(requiredWhilePublished(status, both)).toEqual({});
    }
  });

  it("lets a Draft or a Cancelled session go without them", () => {
    expect(requiredWhilePublished("draft", neither)).toEqual({});
    expect(requiredWhilePublished("cancelled", neither)).toEqual({});
  });
});

describe("takesInvitations", () => {
  it.each(SESSION_STATUSES.map((s) => [s, s === "open" || s === "full"] as const))("%s → %s", (status, takes) => {
    expect(takesInvitations(status)).toBe(takes);
  });
});
