import { describe, expect, it } from "vitest";
import { ParticipantStatus, Role, SessionStatus, ShownStatus } from "../../../shared/schemas/community-sessions";
import {
  emptyRosterText,
  formatDuration,
  PARTICIPANT_STATUSES,
  placesSummary,
  ROLE_ORDER,
  roleList,
  SESSION_STATUSES,
  STATUS_LABEL,
} from "./labels";

describe("roleList", () => {
  it("names roles in roster order", () => {
    expect(roleList(["guest", "presenter"])).toBe("Presenter, Guest");
    expect(roleList([])).toBe("");
  });
});

describe("formatDuration", () => {
  it("reads as people say it", () => {
    expect(formatDuration(45)).toBe("45 minutes");
    expect(formatDuration(1)).toBe("1 minute");
    expect(formatDuration(60)).toBe("1 hour");
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
    expect(formatDuration(720)).toBe("12 hours");
  });
});

describe("orders", () => {
  it("list every value of the shared enums, in their order", () => {
    expect(ROLE_ORDER).toEqual(Role.options);
    expect(SESSION_STATUSES).toEqual(SessionStatus.options);
    expect(PARTICIPANT_STATUSES).toEqual(ParticipantStatus.options);
    expect(Object.keys(STATUS_LABEL)).toEqual(ShownStatus.options);
  });
});

describe("emptyRosterText", () => {
  const start = "2030-01-01T18:00:00Z";

  it("asks to be the first only while registration is open", () => {
    expect(emptyRosterText({ shownStatus: "open", startsAt: start })).toBe("Nobody has registered yet: be the first.");
    for (const shownStatus of ShownStatus.options.filter((s) => s !== "open")) {
      expect(emptyRosterText({ shownStatus, startsAt: start }), shownStatus).not.toMatch(/be the first/);
    }
    expect(emptyRosterText({ shownStatus: "open", startsAt: null })).toBe("Nobody has registered yet.");
  });

  it("says plainly that nobody registered once the session is under way or over", () => {
    expect(emptyRosterText({ shownStatus: "in_progress", startsAt: start })).toBe(
      "Nobody registered for this session.",
    );
    expect(emptyRosterText({ shownStatus: "completed", startsAt: start })).toBe("Nobody registered for this session.");
  });
});

describe("placesSummary", () => {
  const slot = (capacity: number, taken: number) => ({ capacity, taken, free: capacity - taken });

  it("counts the free places of every role together", () => {
    expect(placesSummary({ host: slot(1, 1), presenter: slot(3, 1), interviewer: slot(1, 0), guest: slot(5, 2) })).toBe(
      "6 of 10 places free.",
    );
  });

  it("says when every place is taken", () => {
    expect(placesSummary({ host: slot(1, 1), presenter: slot(1, 1), interviewer: slot(0, 0), guest: slot(0, 0) })).toBe(
      "Every place is taken (2 of 2).",
    );
  });
});
