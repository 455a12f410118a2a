import type { ParticipantStatus, Role, ShownStatus } from "../../../shared/schemas/community-sessions";

/** Roles in roster order (community.md, Roles and slots). */
export const ROLE_ORDER: readonly Role[] = ["host", "presenter", "interviewer", "guest"];

export const ROLE_LABEL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenter",
  interviewer: "Interviewer",
  guest: "Guest",
};

/** The plural, for roster headings and slot counts. */
export const ROLE_PLURAL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenters",
  interviewer: "Interviewer",
  guest: "Guests",
};

/** What members see (community.md, Status lifecycle); Draft only reaches organisers. */
export const STATUS_LABEL: Record<ShownStatus, string> = {
  draft: "Draft",
  open: "Open",
  full: "Full",
  closed: "Closed",
  cancelled: "Cancelled",
  in_progress: "In Progress",
  completed: "Completed",
};

export const STATUS_COLOR: Record<ShownStatus, string> = {
  draft: "gray",
  open: "green",
  full: "orange",
  closed: "gray",
  cancelled: "red",
  in_progress: "blue",
  completed: "gray",
};

/** One line under the badge, in the member guide's words (microtalks.md §3.1). */
export const STATUS_HINT: Record<ShownStatus, string> = {
  draft: "Not published yet: members cannot see it.",
  open: "Registration is open: sign up now.",
  full: "All slots are filled. Check back if someone cancels.",
  closed: "Registration was closed by an organiser.",
  cancelled: "This session was cancelled.",
  in_progress: "This session is happening now.",
  completed: "This session has ended.",
};

export const PARTICIPANT_STATUS_LABEL: Record<ParticipantStatus, string> = {
  registered: "Registered",
  confirmed: "Confirmed",
  attended: "Attended",
  no_show: "No Show",
  cancelled: "Cancelled",
};

/** "Presenter, Guest" in roster order. */
export function roleList(roles: readonly Role[]): string {
  return ROLE_ORDER.filter((r) => roles.includes(r))
    .map((r) => ROLE_LABEL[r])
    .join(", ");
}

/** "45 minutes", "1 hour", "1 hour 30 minutes". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [
    ...(h > 0 ? [`${h} ${h === 1 ? "hour" : "hours"}`] : []),
    ...(m > 0 || h === 0 ? [`${m} ${m === 1 ? "minute" : "minutes"}`] : []),
  ];
  return parts.join(" ");
}
