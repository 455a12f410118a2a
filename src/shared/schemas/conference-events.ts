import { z } from "zod";
import { Email, Id, Instant, TimeZone } from "./common";
import {
  LocalDateTime,
  LocalDay,
  locationFields,
  Minutes,
  oneLocation,
  oneLocationIssue,
  requiredText,
  TimetableInstant,
  text,
} from "./conference-fields";

/**
 * Conference events, their managers, the room directory and the event's session types (conferences.md, "Event";
 * indico.md §1). Shared by the server (validation, OpenAPI) and the web (forms, types).
 */

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

/** An event's readable address part: `/e/<slug>`. */
const Slug = z.string().nullable().describe("the readable address /e/<slug>, unique, kept when the title changes");

export const ConferenceEvent = z
  .object({
    id: Id,
    title: z.string(),
    slug: Slug,
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
    slug: Slug,
    startAt: Instant,
    endAt: Instant,
    timeZone: z.string(),
    timetablePublished: z.boolean(),
    manage: z.boolean(),
  })
  .meta({ id: "ConferenceEventCard" });
export type EventCard = z.infer<typeof EventCard>;
export const EventList = z.object({ events: z.array(EventCard) });
export const EventListQuery = z.object({
  q: z.string().trim().max(200, "must be at most 200 characters").optional().describe("words of the title"),
  when: z
    .enum(["upcoming", "past", "all"])
    .default("all")
    .describe("upcoming: not yet ended, soonest first; past: ended, most recent first"),
});
export type EventListQuery = z.input<typeof EventListQuery>;
export type EventList = z.infer<typeof EventList>;

export const ManagerInput = z.object({ email: Email });
export type ManagerInput = z.infer<typeof ManagerInput>;
export const EventManager = z.object({ userId: Id, name: z.string().nullable(), email: z.string() });
export type EventManager = z.infer<typeof EventManager>;
export const EventManagerList = z.object({ managers: z.array(EventManager) });
export type EventManagerList = z.infer<typeof EventManagerList>;

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
