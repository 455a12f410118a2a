import type { z } from "zod";
import type { SessionFields } from "../../../../shared/schemas/community-sessions";

/**
 * The seed's labels for the twelve fields, in its order (community.md, Session), then the session's own reminder
 * times (issue #15), which the autosave sends like the others.
 */
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
  reminderMinutes: "Reminders",
} as const satisfies Record<keyof z.output<typeof SessionFields> | "reminderMinutes", string>;

export type FieldKey = keyof typeof FIELD_LABEL;
export const FIELD_ORDER = Object.keys(FIELD_LABEL) as FieldKey[];

/** The field a server message is about: "reminderMinutes.0" is the Reminders field's; null if none of these. */
export function fieldOf(key: string): FieldKey | null {
  const field = key.split(".")[0] ?? "";
  return field in FIELD_LABEL ? (field as FieldKey) : null;
}

/**
 * A rule broken at a field, as a sentence: "Duration must be between 5 and 720". Messages that are sentences
 * already ("Set the Date & Time … before opening") are shown as they are.
 */
export function fieldMessage(label: string, message: string): string {
  return /^[A-Z]/.test(message) ? message : `${label} ${message}`;
}
