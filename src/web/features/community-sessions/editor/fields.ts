import type { z } from "zod";
import type { SessionFields } from "../../../../shared/schemas/community-sessions";

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
} as const satisfies Record<keyof z.output<typeof SessionFields>, string>;

export type FieldKey = keyof typeof FIELD_LABEL;
export const FIELD_ORDER = Object.keys(FIELD_LABEL) as FieldKey[];

/**
 * A rule broken at a field, as a sentence: "Duration must be between 5 and 720". Messages that are sentences
 * already ("Set the Date & Time … before opening") are shown as they are.
 */
export function fieldMessage(label: string, message: string): string {
  return /^[A-Z]/.test(message) ? message : `${label} ${message}`;
}
