import { z } from "zod";
import { Id, Instant } from "./common";
import {
  LocalDateTime,
  LocalDay,
  Minutes,
  Person,
  PersonInput,
  requiredText,
  TimetableInstant,
  text,
} from "./conference-fields";

/**
 * Contributions and their speakers (conferences.md, "Contributions"; indico.md §1.7, §2.4). Shared by the
 * server (validation, OpenAPI) and the web (forms, types).
 */

export const ContributionCreateInput = z.object({
  title: requiredText(500),
  description: text(50_000).default(""),
  durationMinutes: Minutes.optional().describe("default: the session's default, else the event's"),
  sessionId: Id.nullable().optional(),
  boardNumber: text(50).trim().default(""),
  speakers: z.array(PersonInput).max(100).default([]),
  blockId: Id.optional().describe("schedule it at once inside this block of its session"),
  startAt: TimetableInstant.optional().describe("with blockId: the start (default: after the block's last entry)"),
});
export type ContributionCreateInput = z.infer<typeof ContributionCreateInput>;

export const ContributionUpdateInput = z.object({
  title: requiredText(500).optional(),
  description: text(50_000).optional(),
  durationMinutes: Minutes.optional(),
  sessionId: Id.nullable().optional().describe("changing it unschedules a scheduled contribution"),
  boardNumber: text(50).trim().optional(),
  speakers: z.array(PersonInput).max(100).optional().describe("replaces the list"),
});
export type ContributionUpdateInput = z.infer<typeof ContributionUpdateInput>;

export const ScheduleInput = z.object({
  blockId: Id.nullable().optional().describe("a block of the contribution's session; null or absent: top level"),
  startAt: TimetableInstant.optional().describe("default in a block: after its last entry"),
  day: LocalDay.optional().describe("top level without startAt: the next free time on that day"),
  durationMinutes: Minutes.optional().describe("a new length too (the time dialog); the block grows if allowed"),
});
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const Contribution = z
  .object({
    id: Id,
    eventId: Id,
    title: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    sessionId: Id.nullable(),
    blockId: Id.nullable(),
    isScheduled: z.boolean(),
    startAt: Instant.nullable(),
    endAt: Instant.nullable(),
    startLocal: LocalDateTime.nullable(),
    endLocal: LocalDateTime.nullable(),
    boardNumber: z.string(),
    speakers: z.array(Person),
    notices: z.array(z.string()).describe("what else changed: a block that grew, an unscheduling"),
  })
  .meta({ id: "Contribution" });
export type Contribution = z.infer<typeof Contribution>;

export const ContributionListQuery = z.object({
  scheduled: z.enum(["yes", "no"]).optional().describe("only scheduled (yes) or unscheduled (no) contributions"),
  sessionId: z
    .union([Id, z.literal("none")])
    .optional()
    .describe("a session, or none for those without session"),
  q: z.string().trim().max(200).optional().describe("search in the title"),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ContributionListQuery = z.infer<typeof ContributionListQuery>;
export const ContributionList = z.object({ contributions: z.array(Contribution), total: z.number().int() });
export type ContributionList = z.infer<typeof ContributionList>;
