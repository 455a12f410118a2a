import { describe, expect, it } from "vitest";
import { ParticipantStatus, Role, SessionStatus, ShownStatus } from "../../../shared/schemas/community-sessions";
import { formatDuration, PARTICIPANT_STATUSES, ROLE_ORDER, roleList, SESSION_STATUSES, STATUS_LABEL } from "./labels";

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
