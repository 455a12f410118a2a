import { z } from "zod";
import { Id, Instant } from "./common";
import { Contribution } from "./conference-contributions";
import { ResolvedLocation } from "./conference-events";
import {
  Colours,
  ColoursOut,
  LocalDateTime,
  LocalDay,
  locationFields,
  Minutes,
  oneLocation,
  oneLocationIssue,
  Person,
  PersonInput,
  requiredText,
  TimetableInstant,
  text,
  wholeBetween,
} from "./conference-fields";
import { Material, SessionTypeRef } from "./conference-sessions";

/**
 * The timetable: session blocks, breaks, scheduling and the event and session timetables, and the session page
 * that shows them (conferences.md, "Session blocks and the timetable"; indico.md §1.5, §1.9, §1.10, §5.3).
 */

const times = {
  startAt: Instant,
  endAt: Instant,
  startLocal: LocalDateTime,
  endLocal: LocalDateTime,
  durationMinutes: z.number().int(),
};

export const BlockCreateInput = z
  .object({
    title: text(300).trim().default(""),
    startAt: TimetableInstant,
    durationMinutes: Minutes.optional().describe("default 60"),
    ...locationFields,
    displayOrder: z.number().int().min(-1000).max(1000).default(0).describe("order among parallel blocks"),
    conveners: z.array(PersonInput).max(50).default([]),
  })
  .refine(oneLocation, oneLocationIssue);
export type BlockCreateInput = z.infer<typeof BlockCreateInput>;

export const BlockUpdateInput = z
  .object({
    title: text(300).trim().optional(),
    startAt: TimetableInstant.optional().describe("moves the block with everything in it"),
    durationMinutes: Minutes.optional().describe("cannot cut off the block's entries"),
    ...locationFields,
    displayOrder: z.number().int().min(-1000).max(1000).optional(),
    conveners: z.array(PersonInput).max(50).optional().describe("replaces the list"),
  })
  .refine(oneLocation, oneLocationIssue);
export type BlockUpdateInput = z.infer<typeof BlockUpdateInput>;

export const BlockMoveInput = z
  .object({
    day: LocalDay.optional().describe("another day at the same wall-clock time"),
    startAt: TimetableInstant.optional(),
  })
  .refine((v) => (v.day === undefined) !== (v.startAt === undefined), {
    message: "send either day or startAt",
    path: ["day"],
  });
export type BlockMoveInput = z.infer<typeof BlockMoveInput>;

export const ParallelOrderInput = z.object({
  blockIds: z
    .array(Id)
    .min(1, "must list at least one block")
    .max(200, "must list at most 200 blocks")
    .describe("blocks in the order they stand side by side, left to right"),
});
export type ParallelOrderInput = z.infer<typeof ParallelOrderInput>;

export const SessionBlock = z
  .object({
    id: Id,
    sessionId: Id,
    title: z.string(),
    ...times,
    displayOrder: z.number().int(),
    roomId: Id.nullable(),
    locationText: z.string().nullable(),
    location: ResolvedLocation.nullable(),
    conveners: z.array(Person),
    notices: z.array(z.string()).describe("what else changed, e.g. a block that grew"),
  })
  .meta({ id: "SessionBlock" });
export type SessionBlock = z.infer<typeof SessionBlock>;

export const RescheduleInput = z.object({
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("block"), blockId: Id }),
    z.object({ kind: z.literal("day"), day: LocalDay }),
    z.object({ kind: z.literal("session"), sessionId: Id, day: LocalDay }),
  ]),
  mode: z.enum(["none", "time", "duration"]).describe("time: start times; duration: durations; none: only fit"),
  gapMinutes: wholeBetween(0, 1440).default(0),
  fitBlocks: z.boolean().default(false),
});
export type RescheduleInput = z.infer<typeof RescheduleInput>;
export const RescheduleResult = z.object({
  changed: z.number().int().describe("blocks and entries whose time changed"),
  notices: z.array(z.string()),
});
export type RescheduleResult = z.infer<typeof RescheduleResult>;

export const BreakCreateInput = z.object({
  title: requiredText(300).default("Break"),
  blockId: Id.nullable().optional().describe("a block that is not a poster block; absent or null: top level"),
  startAt: TimetableInstant.optional().describe("default in a block: after its last entry"),
  day: LocalDay.optional().describe("top level without startAt: the next free time on that day"),
  durationMinutes: Minutes.optional().describe("default 20"),
  colours: Colours.optional(),
});
export type BreakCreateInput = z.infer<typeof BreakCreateInput>;

export const BreakUpdateInput = z.object({
  title: requiredText(300).optional(),
  blockId: Id.nullable().optional().describe("move it into a block, or to top level with null"),
  startAt: TimetableInstant.optional(),
  durationMinutes: Minutes.optional(),
  colours: Colours.optional(),
});
export type BreakUpdateInput = z.infer<typeof BreakUpdateInput>;

export const Break = z
  .object({
    id: Id,
    blockId: Id.nullable(),
    title: z.string(),
    ...times,
    colours: ColoursOut,
    notices: z.array(z.string()),
  })
  .meta({ id: "Break" });
export type Break = z.infer<typeof Break>;

export const TimetableContribution = z
  .object({
    kind: z.literal("contribution"),
    id: Id,
    title: z.string(),
    ...times,
    sessionId: Id.nullable(),
    boardNumber: z.string(),
    speakers: z.array(Person),
  })
  .meta({ id: "TimetableContribution" });
export type TimetableContribution = z.infer<typeof TimetableContribution>;
export const TimetableBreak = z
  .object({ kind: z.literal("break"), id: Id, title: z.string(), ...times, colours: ColoursOut })
  .meta({ id: "TimetableBreak" });
export type TimetableBreak = z.infer<typeof TimetableBreak>;
export const TimetableChild = z.discriminatedUnion("kind", [TimetableContribution, TimetableBreak]);

/** Side by side: parallel top-level entries share an overlap group and each has a column in it. */
const layout = {
  column: z.number().int().describe("0-based column among parallel entries of its group"),
  columns: z.number().int().describe("columns of its overlap group"),
  roomDoubleBooked: z.boolean().describe("its room is used by something else at the same time"),
};

export const TimetableBlock = z
  .object({
    kind: z.literal("block"),
    id: Id,
    sessionId: Id,
    sessionTitle: z.string(),
    sessionCode: z.string(),
    sessionType: z
      .object({ id: Id, name: z.string(), code: z.string() })
      .nullable()
      .describe("the session's type (the timetable's track), if it has one"),
    title: z.string(),
    fullTitle: z.string().describe("Session: Block, or the session title"),
    ...times,
    displayOrder: z.number().int(),
    isPoster: z.boolean().describe("a grid of posters with board numbers, not a time-proportional layout"),
    colours: ColoursOut,
    location: ResolvedLocation.nullable(),
    conveners: z.array(Person),
    materials: z.array(Material).describe("the session's materials, in every block of the session"),
    children: z
      .array(TimetableChild)
      .describe("by start time; in a poster block the posters by board number, each with the block's times"),
    ...layout,
  })
  .meta({ id: "TimetableBlock" });
export type TimetableBlock = z.infer<typeof TimetableBlock>;

export const TimetableTopEntry = z.discriminatedUnion("kind", [
  TimetableBlock,
  TimetableContribution.extend(layout),
  TimetableBreak.extend(layout),
]);
export type TimetableTopEntry = z.infer<typeof TimetableTopEntry>;

export const TimetableDay = z.object({
  day: LocalDay,
  startAt: Instant.describe("local midnight"),
  endAt: Instant.describe("the next local midnight (23 or 25 hours later on DST days)"),
  entries: z.array(TimetableTopEntry).describe("by overlap group in time order, then side-by-side order"),
});
export type TimetableDay = z.infer<typeof TimetableDay>;

export const RoomConflict = z.object({
  roomId: Id,
  roomLabel: z.string(),
  firstId: Id,
  secondId: Id,
  fromAt: Instant,
  untilAt: Instant,
});
export type RoomConflict = z.infer<typeof RoomConflict>;

export const EventSummary = z.object({
  id: Id,
  title: z.string(),
  timeZone: z.string(),
  startAt: Instant,
  endAt: Instant,
  timetablePublished: z.boolean(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventTimetable = z
  .object({
    event: EventSummary,
    days: z.array(TimetableDay),
    roomConflicts: z.array(RoomConflict),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: "EventTimetable" });
export type EventTimetable = z.infer<typeof EventTimetable>;

/** What the caller may do with a session (indico.md §2.5), so pages show only what the server allows. */
export const SessionAbilities = z.object({
  manage: z.boolean().describe("full management: details, protection, materials, new contributions, deletion"),
  manageBlocks: z.boolean().describe("create, move, resize, fit and delete its blocks"),
  schedule: z.boolean().describe("schedule its contributions into its blocks, breaks, times inside blocks"),
  manageContributions: z.boolean().describe("edit and delete its contributions"),
});
export type SessionAbilities = z.infer<typeof SessionAbilities>;

export const SessionTimetable = z
  .object({
    event: EventSummary,
    session: z.object({ id: Id, title: z.string(), code: z.string(), isPoster: z.boolean(), colours: ColoursOut }),
    days: z.array(z.object({ day: LocalDay, blocks: z.array(TimetableBlock) })).describe("days with blocks only"),
    abilities: SessionAbilities,
  })
  .meta({ id: "SessionTimetable" });
export type SessionTimetable = z.infer<typeof SessionTimetable>;

export const ConferenceSession = z
  .object({
    id: Id,
    eventId: Id,
    title: z.string(),
    code: z.string(),
    description: z.string(),
    descriptionHtml: z.string(),
    type: SessionTypeRef.nullable(),
    isPoster: z.boolean(),
    defaultContributionMinutes: z.number().int(),
    roomId: Id.nullable(),
    locationText: z.string().nullable(),
    location: ResolvedLocation.nullable(),
    colours: ColoursOut,
    blocks: z.array(TimetableBlock).describe("by start, with conveners and entries"),
    contributions: z.array(Contribution).describe("every contribution of the session, scheduled first"),
    materials: z.array(Material).describe("Presentation materials"),
    abilities: SessionAbilities,
  })
  .meta({ id: "ConferenceSession" });
export type ConferenceSession = z.infer<typeof ConferenceSession>;

export const SessionDeleted = z.object({
  ok: z.literal(true),
  blocksDeleted: z.number().int(),
  contributionsUnscheduled: z.number().int(),
  contributionsDetached: z.number().int().describe("contributions that now have no session"),
});
export type SessionDeleted = z.infer<typeof SessionDeleted>;
export const BlockDeleted = z.object({
  ok: z.literal(true),
  contributionsUnscheduled: z.number().int(),
  breaksDeleted: z.number().int(),
});
export type BlockDeleted = z.infer<typeof BlockDeleted>;
