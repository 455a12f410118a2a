import { PARTICIPANT_STATUS_LABEL, ROLE_HEADING, ROLE_LABEL, SESSION_STATUS_LABEL } from "../../../shared/labels";
import type { ParticipantStatus, Role, SessionStatus, ShownStatus } from "../../../shared/schemas/community-sessions";

// The words for the community enums live in src/shared/labels.ts, which the server's emails and calendar events use
// too; the web adds its colours, hints and orders here. Orders are the keys' order of those records (the schemas'
// order), so that nothing else needs updating when a value is added. Only types come from the schemas: the home
// page shows these labels and stays free of zod.

export {
  PARTICIPANT_STATUS_LABEL,
  ROLE_LABEL,
  STATUS_ACTION_LABEL,
  STATUS_LABEL,
} from "../../../shared/labels";

/** Roles in roster order: Host, Presenters, Interviewer, Guests. */
export const ROLE_ORDER = Object.keys(ROLE_LABEL) as readonly Role[];

/** Roster headings and slot counts ("Presenters 2/3"): the plural only for roles with several slots. */
export const ROLE_PLURAL = ROLE_HEADING;

/** The statuses stored on a session, in lifecycle order: Admin > Sessions filters by them. */
export const SESSION_STATUSES = Object.keys(SESSION_STATUS_LABEL) as readonly SessionStatus[];

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
  full: "All slots are filled. Join a role's waitlist: a place that frees is offered to the first in line.",
  closed: "Registration was closed by an organiser.",
  cancelled: "This session was cancelled.",
  in_progress: "This session is happening now.",
  completed: "This session has ended.",
};

/**
 * What "Who takes part" says while nobody holds a place (issue 13, 8): an invitation to be the first only while
 * registration is open; after it, a plain statement.
 */
export function emptyRosterText(session: { shownStatus: ShownStatus; startsAt: string | null }): string {
  switch (session.shownStatus) {
    case "open":
      return session.startsAt ? "Nobody has registered yet: be the first." : "Nobody has registered yet.";
    case "draft":
    case "full":
      return "Nobody has registered yet.";
    case "closed":
      return "Nobody registered before registration closed.";
    case "cancelled":
      return "Nobody was registered when the session was cancelled.";
    case "in_progress":
    case "completed":
      return "Nobody registered for this session.";
  }
}

type Slots = Record<Role, { capacity: number; taken: number; free: number }>;

/** "3 of 10 places free", "Every place is taken": all roles together, for the editor's Participants tab. */
export function placesSummary(slots: Slots): string {
  const all = Object.values(slots);
  const capacity = all.reduce((n, s) => n + s.capacity, 0);
  const free = all.reduce((n, s) => n + s.free, 0);
  if (free === 0) return `Every place is taken (${capacity} of ${capacity}).`;
  return `${free} of ${capacity} ${capacity === 1 ? "place" : "places"} free.`;
}

/** Registration statuses in the order of the editor's Status menu. */
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
