import { z } from "zod";
import { findPalettePair } from "../palette";
import { Email, Id, Instant, TimeZone } from "./common";

/**
 * Conference events, sessions, blocks, contributions, breaks, materials and the timetable (conferences.md;
 * indico.md §1, §5.3). Shared by the server (validation, OpenAPI) and the web (forms, types).
 * Times: requests send instants with their offset on a whole minute (`2026-03-27T09:00:00+01:00`); responses send
 * UTC instants (`startAt`) and the wall-clock time in the event's zone (`startLocal`, `2026-03-27T09:00`).
 */

const wholeBetween = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);

/** Whole minutes, 1 to 24 h (indico.md §1.5, §3.2). */
export const Minutes = wholeBetween(1, 1440);

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) =>
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
const locationFields = {
  roomId: Id.nullable().optional().describe("a room of the directory; null with locationText null: inherit"),
  locationText: nullableText(300).optional().describe("free text instead of a room"),
};
const oneLocation = (v: { roomId?: string | null; locationText?: string | null }) => !(v.roomId && v.locationText);
const oneLocationIssue = { message: "choose a room or type a location, not both", path: ["locationText"] };

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

// ------------------------------------------------------------------------------------------------ rooms

export const RoomInput = z.object({
  venueName: text(200).trim().default(""),
  name: requiredText(200),
  capacity: z.number().int("must be a whole number").min(0, "must be 0 or more").max(1_000_000).nullable().optional(),
});
export type RoomInput = z.infer<typeof RoomInput>;
export const RoomUpdateInput = z.object({
  venueName: text(200).trim().optional(),
  name: requiredText(200).optional(),
  capacity: z.number().int("must be a whole number").min(0, "must be 0 or more").max(1_000_000).nullable().optional(),
});
export type RoomUpdateInput = z.infer<typeof RoomUpdateInput>;
export const Room = z
  .object({
    id: Id,
    venueName: z.string(),
    name: z.string(),
    capacity: z.number().int().nullable(),
    label: z.string().describe("Room (Venue)"),
  })
  .meta({ id: "Room" });
export type Room = z.infer<typeof Room>;
export const RoomList = z.object({ rooms: z.array(Room) });
export type RoomList = z.infer<typeof RoomList>;

/** Where something takes place, resolved through inheritance: block → session → event (indico.md §1.8). */
export const ResolvedLocation = z.object({
  roomId: Id.nullable(),
  label: z.string().describe("the room with its venue, or the free text"),
  source: z.enum(["block", "session", "event"]).describe("whose location this is"),
});
export type ResolvedLocation = z.infer<typeof ResolvedLocation>;

// ------------------------------------------------------------------------------------------------ events

const eventFields = {
  title: requiredText(300),
  description: text(50_000).default(""),
  startAt: TimetableInstant,
  endAt: TimetableInstant,
  timeZone: TimeZone,
  ...locationFields,
  defaultContributionMinutes: Minutes.optional(),
  timetablePublished: z.boolean().optional(),
};

export const EventCreateInput = z
  .object(eventFields)
  .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), { message: "must be after the start", path: ["endAt"] })
  .refine(oneLocation, oneLocationIssue);
export type EventCreateInput = z.infer<typeof EventCreateInput>;

export const EventUpdateInput = z
  .object({
    title: requiredText(300).optional(),
    description: text(50_000).optional(),
    startAt: TimetableInstant.optional(),
    endAt: TimetableInstant.optional(),
    timeZone: TimeZone.optional(),
    ...locationFields,
    defaultContributionMinutes: Minutes.optional(),
    timetablePublished: z.boolean().optional(),
  })
  .refine((v) => !(v.startAt && v.endAt) || Date.parse(v.endAt) > Date.parse(v.startAt), {
    message: "must be after the start",
    path: ["endAt"],
  })
  .refine(oneLocation, oneLocationIssue);
export type EventUpdateInput = z.infer<typeof EventUpdateInput>;

export const EventAbilities = z.object({
  manage: z.boolean().describe("edit the event, its sessions, timetable and contributions"),
  delete: z.boolean(),
});
export type EventAbilities = z.infer<typeof EventAbilities>;

export const ConferenceEvent = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string().describe("Markdown as written"),
    descriptionHtml: z.string(),
    startAt: Instant,
    endAt: Instant,
    startLocal: LocalDateTime,
    endLocal: LocalDateTime,
    timeZone: z.string(),
    days: z.array(LocalDay).describe("the event's days in its zone, first to last"),
    roomId: Id.nullable(),
    locationText: z.string().nullable(),
    location: ResolvedLocation.nullable(),
    defaultContributionMinutes: z.number().int(),
    timetablePublished: z.boolean(),
    createdAt: Instant,
    updatedAt: Instant,
    abilities: EventAbilities,
  })
  .meta({ id: "ConferenceEvent" });
export type ConferenceEvent = z.infer<typeof ConferenceEvent>;

export const EventCard = z
  .object({
    id: Id,
    title: z.string(),
    startAt: Instant,
    endAt: Instant,
    timeZone: z.string(),
    timetablePublished: z.boolean(),
    manage: z.boolean(),
  })
  .meta({ id: "ConferenceEventCard" });
export type EventCard = z.infer<typeof EventCard>;
export const EventList = z.object({ events: z.array(EventCard) });
export type EventList = z.infer<typeof EventList>;

export const ManagerInput = z.object({ email: Email });
export type ManagerInput = z.infer<typeof ManagerInput>;
export const EventManager = z.object({ userId: Id, name: z.string().nullable(), email: z.string() });
export type EventManager = z.infer<typeof EventManager>;
export const EventManagerList = z.object({ managers: z.array(EventManager) });
export type EventManagerList = z.infer<typeof EventManagerList>;

// ------------------------------------------------------------------------------------------------ session types

export const SessionTypeInput = z.object({
  name: requiredText(100),
  code: text(50).trim().default(""),
  isPoster: z.boolean().default(false),
});
export type SessionTypeInput = z.infer<typeof SessionTypeInput>;
export const SessionTypeUpdateInput = z.object({
  name: requiredText(100).optional(),
  code: text(50).trim().optional(),
  isPoster: z.boolean().optional(),
});
export type SessionTypeUpdateInput = z.infer<typeof SessionTypeUpdateInput>;
export const SessionType = z
  .object({ id: Id, name: z.string(), code: z.string(), isPoster: z.boolean(), sessionsCount: z.number().int() })
  .meta({ id: "SessionType" });
export type SessionType = z.infer<typeof SessionType>;
export const SessionTypeList = z.object({ types: z.array(SessionType) });
export type SessionTypeList = z.infer<typeof SessionTypeList>;

// ------------------------------------------------------------------------------------------------ sessions

export const ConferenceSessionCreateInput = z
  .object({
    title: requiredText(300),
    code: text(50).trim().default(""),
    description: text(50_000).default(""),
    typeId: Id.nullable().optional(),
    defaultContributionMinutes: Minutes.optional().describe("default: the event's"),
    ...locationFields,
    colours: Colours.optional().describe("default: a pair no session or break of the event uses yet"),
  })
  .refine(oneLocation, oneLocationIssue);
export type ConferenceSessionCreateInput = z.infer<typeof ConferenceSessionCreateInput>;

export const ConferenceSessionUpdateInput = z
  .object({
    title: requiredText(300).optional(),
    code: text(50).trim().optional(),
    description: text(50_000).optional(),
    typeId: Id.nullable().optional().describe("null clears the type (the quick picker's second click)"),
    defaultContributionMinutes: Minutes.optional(),
    ...locationFields,
    colours: Colours.optional(),
  })
  .refine(oneLocation, oneLocationIssue);
export type ConferenceSessionUpdateInput = z.infer<typeof ConferenceSessionUpdateInput>;

export const SessionTypeRef = z.object({ id: Id, name: z.string(), code: z.string(), isPoster: z.boolean() });
export type SessionTypeRef = z.infer<typeof SessionTypeRef>;

export const ConferenceSessionListItem = z
  .object({
    id: Id,
    title: z.string(),
    code: z.string(),
    type: SessionTypeRef.nullable(),
    isPoster: z.boolean(),
    colours: ColoursOut,
    defaultContributionMinutes: z.number().int(),
    blocksCount: z.number().int(),
    materialsCount: z.number().int(),
    contributionsCount: z.number().int(),
  })
  .meta({ id: "ConferenceSessionListItem" });
export type ConferenceSessionListItem = z.infer<typeof ConferenceSessionListItem>;
export const ConferenceSessionList = z.object({
  sessions: z.array(ConferenceSessionListItem).describe("by title"),
  types: z.array(SessionType).describe("the event's session types, for the quick picker"),
});
export type ConferenceSessionList = z.infer<typeof ConferenceSessionList>;

// ------------------------------------------------------------------------------------------------ materials

export const Material = z
  .object({
    id: Id,
    sessionId: Id,
    kind: z.enum(["file", "link"]),
    name: z.string(),
    url: z.string().describe("the link, or the file's download address"),
    sizeBytes: z.number().int().nullable(),
    contentType: z.string().nullable(),
    uploadedBy: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: "Material" });
export type Material = z.infer<typeof Material>;
export const MaterialList = z.object({ materials: z.array(Material) });
export type MaterialList = z.infer<typeof MaterialList>;

export const LinkMaterialInput = z.object({
  name: text(200).trim().optional().describe("default: the address"),
  url: z
    .string()
    .trim()
    .max(2000, "must be at most 2000 characters")
    .pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) address such as https://example.org/slides" })),
});
export type LinkMaterialInput = z.infer<typeof LinkMaterialInput>;

export const FileMaterialForm = z
  .object({ file: z.any().meta({ type: "string", format: "binary" }).describe("the file (multipart/form-data)") })
  .nullish()
  .describe("multipart/form-data with one part named file");

// ------------------------------------------------------------------------------------------------ blocks

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

// ------------------------------------------------------------------------------------------------ contributions

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

// ------------------------------------------------------------------------------------------------ breaks

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

// ------------------------------------------------------------------------------------------------ timetable

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

// ------------------------------------------------------------------------------------------------ protection

/** Who sees a session (indico.md §4): everyone, as the event (default), or only the people listed and managers. */
export const SessionVisibility = z
  .enum(["public", "inheriting", "protected"])
  .describe("public: everyone; inheriting: as the event; protected: only the access list, managers, coordinators");
export type SessionVisibility = z.infer<typeof SessionVisibility>;

export const PrincipalUser = z.object({ userId: Id, name: z.string().nullable(), email: z.string() });
export type PrincipalUser = z.infer<typeof PrincipalUser>;

const emailList = z.array(Email).max(200, "must list at most 200 people").default([]);

/** The shield: who manages or coordinates the session, its visibility and access list (one PUT replaces all). */
export const SessionProtectionInput = z.object({
  visibility: SessionVisibility,
  managers: emailList.describe("full management rights: everything about the session"),
  coordinators: emailList.describe("Coordination rights: schedule contributions, breaks; more with the event's rights"),
  accessList: emailList.describe("who may see the session while it is protected"),
});
export type SessionProtectionInput = z.infer<typeof SessionProtectionInput>;

export const SessionProtection = z
  .object({
    sessionId: Id,
    visibility: SessionVisibility,
    managers: z.array(PrincipalUser),
    coordinators: z.array(PrincipalUser),
    accessList: z.array(PrincipalUser),
  })
  .meta({ id: "SessionProtection" });
export type SessionProtection = z.infer<typeof SessionProtection>;

export const CoordinatorRights = z.object({
  contributions: z.boolean().describe("coordinators may modify the contributions of their sessions"),
  blocks: z.boolean().describe("coordinators may create, move, resize, fit and delete their sessions' blocks"),
});
export type CoordinatorRights = z.infer<typeof CoordinatorRights>;

/** The event's Protection page: its managers and the Session coordinator rights. */
export const EventProtection = z
  .object({ eventId: Id, managers: z.array(EventManager), coordinatorRights: CoordinatorRights })
  .meta({ id: "EventProtection" });
export type EventProtection = z.infer<typeof EventProtection>;

export const EventProtectionInput = z.object({
  managers: z.array(Email).max(200, "must list at most 200 people").optional().describe("replaces the list"),
  coordinatorRights: z
    .object({ contributions: z.boolean().optional(), blocks: z.boolean().optional() })
    .optional()
    .describe("Session coordinator rights, both off by default"),
});
export type EventProtectionInput = z.infer<typeof EventProtectionInput>;

/** A session the caller was explicitly given management or coordination of (indico.md §2.6). */
export const MySession = z
  .object({
    id: Id,
    eventId: Id,
    eventTitle: z.string(),
    title: z.string(),
    code: z.string(),
    role: z.enum(["manager", "coordinator"]),
    sessionPath: z.string().describe("the session page in the web app"),
    timetablePath: z.string().describe("the session timetable in the web app, to manage it"),
  })
  .meta({ id: "MySession" });
export type MySession = z.infer<typeof MySession>;
export const MySessionList = z.object({ sessions: z.array(MySession).describe("by title, ignoring case") });
export type MySessionList = z.infer<typeof MySessionList>;
