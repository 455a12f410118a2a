import type { ParticipantStatus, Role, ShownStatus } from "../../../shared/schemas/community-sessions";
import type { StatusActionValue } from "./api";

/** The seed's labels for the twelve fields, in its order (community.md, Session). */
export const FIELD_LABEL = {
  title: "Title",
  description: "Description",
  startsLocal: "Date & Time",
  timeZone: "Timezone",
  durationMinutes: "Duration",
  meetingUrl: "Meeting URL",
  meetingPassword: "Meeting Password",
  maxPresenters: "Max Presenters",
  maxGuests: "Max Guests",
  talkMinutes: "Talk Duration",
  qaMinutes: "Q&A Duration",
  hasInterviewer: "Has Interviewer",
} as const;

export type FieldKey = keyof typeof FIELD_LABEL;
export const FIELD_ORDER = Object.keys(FIELD_LABEL) as FieldKey[];

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
  closed: "dark",
  cancelled: "red",
  in_progress: "blue",
  completed: "gray",
};

/** The buttons at the top of Details, in the words of community.md (Status lifecycle). */
export const STATUS_ACTION_LABEL: Record<StatusActionValue, string> = {
  open: "Open",
  close: "Close registration",
  reopen: "Reopen registration",
  cancel: "Cancel session",
};

export const ROLES: readonly Role[] = ["host", "presenter", "interviewer", "guest"];

export const ROLE_LABEL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenter",
  interviewer: "Interviewer",
  guest: "Guest",
};

export const ROLE_GROUP_LABEL: Record<Role, string> = {
  host: "Host",
  presenter: "Presenters",
  interviewer: "Interviewer",
  guest: "Guests",
};

export const PARTICIPANT_STATUSES: readonly ParticipantStatus[] = [
  "registered",
  "confirmed",
  "attended",
  "no_show",
  "cancelled",
];

export const PARTICIPANT_STATUS_LABEL: Record<ParticipantStatus, string> = {
  registered: "Registered",
  confirmed: "Confirmed",
  attended: "Attended",
  no_show: "No Show",
  cancelled: "Cancelled",
};

/**
 * A rule broken at a field, as a sentence: "Duration must be between 5 and 720". Messages that are sentences
 * already ("Set the Date & Time … before opening") are shown as they are.
 */
export function fieldMessage(label: string, message: string): string {
  return /^[A-Z]/.test(message) ? message : `${label} ${message}`;
}
