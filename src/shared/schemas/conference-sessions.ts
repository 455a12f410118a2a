import { z } from "zod";
import { Email, Id, Instant } from "./common";
import { EventManager, SessionType } from "./conference-events";
import {
  Colours,
  ColoursOut,
  locationFields,
  Minutes,
  oneLocation,
  oneLocationIssue,
  requiredText,
  text,
} from "./conference-fields";

/**
 * Conference sessions, their materials and their protection (conferences.md, "Sessions"; indico.md §1.2, §2.6).
 * Shared by the server (validation, OpenAPI) and the web (forms, types).
 */

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

/** Finding a person to name in a protection list: part of a name, or the start of an email. */
export const PeopleSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, "must be at least 2 characters")
    .max(100, "must be at most 100 characters")
    .describe("part of a name, or the start of an email address (case-insensitive)"),
});
export type PeopleSearchQuery = z.infer<typeof PeopleSearchQuery>;

/** An active account as the protection lists show it: its name and email, nothing else. */
export const PersonFound = z.object({ name: z.string().nullable(), email: z.string() }).meta({ id: "PersonFound" });
export type PersonFound = z.infer<typeof PersonFound>;
export const PeopleFound = z.object({
  people: z.array(PersonFound).max(10).describe("at most 10 active accounts, by name then email"),
});
export type PeopleFound = z.infer<typeof PeopleFound>;

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

/** When an item of My sessions' Conferences part takes place, in UTC, read in its event's zone. */
export const MyConferenceTime = z
  .object({ startAt: Instant, endAt: Instant })
  .nullable()
  .describe("UTC; show it in the event's timeZone beside the viewer's");
/** The event an item of My sessions belongs to. */
export const MyConferenceEvent = z
  .object({
    id: Id,
    title: z.string(),
    slug: z.string().nullable(),
    timeZone: z.string().describe("the event's IANA zone"),
  })
  .meta({ id: "MyConferenceEvent" });

/** A conference session the caller manages or coordinates by their own entry (indico.md §2.6). */
export const MyConferenceSession = z
  .object({
    kind: z.literal("session"),
    id: Id,
    title: z.string(),
    code: z.string(),
    event: MyConferenceEvent,
    roles: z
      .array(z.enum(["manager", "coordinator"]))
      .min(1)
      .describe("every role the caller's own entries give, manager first"),
    time: MyConferenceTime.describe("its next block not yet ended, else its last block; null: no block yet"),
    path: z.string().describe("the session page in the web app"),
  })
  .meta({ id: "MyConferenceSession" });

/** A contribution one of whose speakers has the caller's verified email. */
export const MyConferenceContribution = z
  .object({
    kind: z.literal("contribution"),
    id: Id,
    title: z.string(),
    event: MyConferenceEvent,
    roles: z.array(z.literal("speaker")).length(1),
    sessionTitle: z.string().nullable().describe("the session it belongs to; null: the event's top level"),
    time: MyConferenceTime.describe("null: not scheduled"),
    path: z.string().describe("the contribution page in the web app"),
  })
  .meta({ id: "MyConferenceContribution" });

export const MyConferenceItem = z.discriminatedUnion("kind", [MyConferenceSession, MyConferenceContribution]);
export type MyConferenceItem = z.infer<typeof MyConferenceItem>;

/** My sessions' Conferences part (issue #14): what the caller manages, coordinates and speaks in. */
export const MyConference = z.object({
  items: z
    .array(MyConferenceItem)
    .describe(
      "events that ended at most 30 days ago and that the caller may still see; by start, then title; items without a time last",
    ),
});
export type MyConference = z.infer<typeof MyConference>;
