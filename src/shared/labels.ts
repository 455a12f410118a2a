import type { ParticipantStatus, Role, SessionStatus, ShownStatus, StatusAction } from "./schemas/community-sessions";

// The one place Convene names the community enums, for the server's emails, refusals and calendar events and for
// the web. The types come from the shared schemas; values are not imported from them, so that the home page shows
// these labels and stays free of zod. Each record lists its keys in the schema's order (labels.test.ts checks it),
// so `Object.keys` gives the order to show them in.

/** One person in the role, in roster order (community.md, Roles and slots). */
export const ROLE_LABEL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenter",
  interviewer: "Interviewer",
  guest: "Guest",
};

/** Several people in the role. */
const ROLE_LABEL_PLURAL: Record<Role, string> = {
  host: "Hosts",
  presenter: "Presenters",
  interviewer: "Interviewers",
  guest: "Guests",
};

/** The role's label for `count` people: "1 Presenter", "2 Presenters" (the plural for zero too). */
export function roleLabel(role: Role, count: number): string {
  return count === 1 ? ROLE_LABEL[role] : ROLE_LABEL_PLURAL[role];
}

/**
 * Roster headings and slot counts: the plural for the roles with several slots, the label itself for the roles that
 * have one slot at most (Host, Interviewer).
 */
export const ROLE_HEADING: Record<Role, string> = {
  host: ROLE_LABEL.host,
  presenter: ROLE_LABEL_PLURAL.presenter,
  interviewer: ROLE_LABEL.interviewer,
  guest: ROLE_LABEL_PLURAL.guest,
};

/** The statuses stored on a session, in lifecycle order. */
export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  draft: "Draft",
  open: "Open",
  full: "Full",
  closed: "Closed",
  cancelled: "Cancelled",
};

/** What people see (community.md, Status lifecycle): the stored status, or one worked out from the clock. */
export const STATUS_LABEL: Record<ShownStatus, string> = {
  ...SESSION_STATUS_LABEL,
  in_progress: "In Progress",
  completed: "Completed",
};

/** The buttons at the top of the editor's Details, in the words of community.md (Status lifecycle). */
export const STATUS_ACTION_LABEL: Record<StatusAction, string> = {
  open: "Open",
  close: "Close registration",
  reopen: "Reopen registration",
  cancel: "Cancel session",
};

/** A registration's status, in the order of the editor's Status menu. */
export const PARTICIPANT_STATUS_LABEL: Record<ParticipantStatus, string> = {
  registered: "Registered",
  confirmed: "Confirmed",
  attended: "Attended",
  no_show: "No Show",
  cancelled: "Cancelled",
};

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "2nd in line for Presenter": a member's place in a role's waitlist (issue #15). */
export function lineText(position: number, role: Role): string {
  return `${ordinal(position)} in line for ${ROLE_LABEL[role]}`;
}

/** "a Presenter", "an Interviewer": a role with its indefinite article, for sentences. */
export function aRole(role: Role): string {
  const label = ROLE_LABEL[role];
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
}
