import { describe, expect, it } from "vitest";
import {
  PARTICIPANT_STATUS_LABEL,
  ROLE_HEADING,
  ROLE_LABEL,
  roleLabel,
  SESSION_STATUS_LABEL,
  STATUS_ACTION_LABEL,
  STATUS_LABEL,
} from "./labels";
import { ParticipantStatus, Role, SessionStatus, ShownStatus, StatusAction } from "./schemas/community-sessions";

describe("labels", () => {
  it("name every value of the shared enums once, in the schemas' order", () => {
    expect(Object.keys(ROLE_LABEL)).toEqual(Role.options);
    expect(Object.keys(ROLE_HEADING)).toEqual(Role.options);
    expect(Object.keys(SESSION_STATUS_LABEL)).toEqual(SessionStatus.options);
    expect(Object.keys(STATUS_LABEL)).toEqual(ShownStatus.options);
    expect(Object.keys(STATUS_ACTION_LABEL)).toEqual(StatusAction.options);
    expect(Object.keys(PARTICIPANT_STATUS_LABEL)).toEqual(ParticipantStatus.options);
  });

  it("count people in a role: the singular for one, the plural otherwise", () => {
    expect(Role.options.map((r) => roleLabel(r, 1))).toEqual(["Host", "Presenter", "Interviewer", "Guest"]);
    expect(Role.options.map((r) => roleLabel(r, 2))).toEqual(["Hosts", "Presenters", "Interviewers", "Guests"]);
    expect(roleLabel("guest", 0)).toBe("Guests");
  });

  it("head roster groups in the plural only for roles with several slots", () => {
    expect(ROLE_HEADING).toEqual({
      host: "Host",
      presenter: "Presenters",
      interviewer: "Interviewer",
      guest: "Guests",
    });
  });
});
