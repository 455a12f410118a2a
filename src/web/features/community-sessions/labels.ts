import type {
  ParticipantStatus,
  Role,
  SessionStatus,
  ShownStatus,
  StatusAction,
} from "../../../shared/schemas/community-sessions";

// The one place the web names the community enums (the types come from the shared schemas). Orders are the
// keys' order, so that a record lists every value exactly once and nothing else needs updating. Values are
// not imported from the schemas here: the home page shows these labels and stays free of zod.

/** Listed in roster order (community.md, Roles and slots). */
export const ROLE_LABEL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenter",
  interviewer: "Interviewer",
  guest: "Guest",
};

/** Roles in roster order: Host, Presenters, Interviewer, Guests. */
export const ROLE_ORDER = Object.keys(ROLE_LABEL) as readonly Role[];

/** The plural, for roster headings and slot counts. */
export const ROLE_PLURAL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenters",
  interviewer: "Interviewer",
  guest: "Guests",
};

/** The statuses stored on a session, in lifecycle order: Admin > Sessions filters by them. */
const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  draft: "Draft",
  open: "Open",
  full: "Full",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const SESSION_STATUSES = Object.keys(SESSION_STATUS_LABEL) as readonly SessionStatus[];

/** What people see (community.md, Status lifecycle): the stored status, or one worked out from the clock. */
export const STATUS_LABEL: Record<ShownStatus, string> = {
  ...SESSION_STATUS_LABEL,
  in_progress: "In Progress",
  completed: "Completed",
};

// Closed is dark rather than gray so that it stands apart from Draft and Completed in one list.
export const STATUS_COLOR: Record<ShownStatus, string> = {
  draft: "gray",
  open: "green",
  full: "orange",
  closed: "dark",
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

/** The buttons at the top of the editor's Details, in the words of community.md (Status lifecycle). */
export const STATUS_ACTION_LABEL: Record<StatusAction, string> = {
  open: "Open",
  close: "Close registration",
  reopen: "Reopen registration",
  cancel: "Cancel session",
};

/** Listed in the order of the editor's Status menu. */
export const PARTICIPANT_STATUS_LABEL: Record<ParticipantStatus, string> = {
  registered: "Registered",
  confirmed: "Confirmed",
  attended: "Attended",
  no_show: "No Show",
  cancelled: "Cancelled",
};

export const PARTICIPANT_STATUSES = Object.keys(PARTICIPANT_STATUS_LABEL) as readonly ParticipantStatus[];

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
