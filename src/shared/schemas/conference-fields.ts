import { z } from "zod";
import { findPalettePair } from "../palette";
import { Email, Id, Instant } from "./common";

/**
 * Fields the conference schemas share: durations, timetable instants and local days, colours, text limits, the
 * own location (a room or a text, never both) and people (speakers, conveners).
 * Times: requests send instants with their offset on a whole minute (`2026-03-27T09:00:00+01:00`); responses send
 * UTC instants (`startAt`) and the wall-clock time in the event's zone (`startLocal`, `2026-03-27T09:00`).
 */

/**
 * Conference events, sessions, blocks, contributions, breaks, materials and the timetable (conferences.md;
 * indico.md §1, §5.3). Shared by the server (validation, OpenAPI) and the web (forms, types).
 * Times: requests send instants with their offset on a whole minute (`2026-03-27T09:00:00+01:00`); responses send
 * UTC instants (`startAt`) and the wall-clock time in the event's zone (`startLocal`, `2026-03-27T09:00`).
 */

export const wholeBetween = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);

/** Whole minutes, 1 to 24 h (indico.md §1.5, §3.2). */
export const Minutes = wholeBetween(1, 1440);

export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
export const requiredText = (max: number) =>
  z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);

/** An instant with its offset, on a whole minute (the timetable works in minutes). */
export const TimetableInstant = Instant.refine((s) => Date.parse(s) % 60_000 === 0, {
  message: "must fall on a whole minute",
}).describe("instant with its UTC offset, on a whole minute, e.g. 2026-03-27T09:00:00+01:00");

export const LocalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-27")
  .describe("a calendar day in the event's zone");

export const LocalDateTime = z.string().describe("wall-clock time in the event's zone, yyyy-MM-ddTHH:mm");

export const Colours = z
  .object({
    text: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #202020"),
    background: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #e3f2d3"),
  })
  .refine((c) => findPalettePair(c) !== undefined, { message: "must be one of the palette's colour pairs" })
  .transform((c) => ({ text: c.text.toLowerCase(), background: c.background.toLowerCase() }))
  .describe("a pair of the palette (src/shared/palette.ts)");
export const ColoursOut = z.object({ text: z.string(), background: z.string() });

const nullableText = (max: number) =>
  text(max)
    .transform((s) => (s.trim() === "" ? null : s.trim()))
    .nullable();

/** Own location: a room of the directory, or free text, or neither (inherit; for an event: none). */
export const locationFields = {
  roomId: Id.nullable().optional().describe("a room of the directory; null with locationText null: inherit"),
  locationText: nullableText(300).optional().describe("free text instead of a room"),
};
export const oneLocation = (v: { roomId?: string | null; locationText?: string | null }) =>
  !(v.roomId && v.locationText);
export const oneLocationIssue = { message: "choose a room or type a location, not both", path: ["locationText"] };

export const PersonInput = z.object({
  name: requiredText(200),
  affiliation: text(200).trim().default(""),
  email: z
    .union([z.literal(""), Email])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type PersonInput = z.infer<typeof PersonInput>;
export const Person = z.object({
  name: z.string(),
  affiliation: z.string(),
  email: z.string().nullable().describe("only for the event's managers"),
});
