import { z } from "zod";
import { Email, Id, Instant, PersonName, TimeZone } from "./common";

export const Role = z.enum(["host", "presenter", "interviewer", "guest"]);
export type Role = z.infer<typeof Role>;
export const SessionStatus = z.enum(["draft", "open", "full", "closed", "cancelled"]);
export type SessionStatus = z.infer<typeof SessionStatus>;
export const ShownStatus = z.enum(["draft", "open", "full", "closed", "cancelled", "in_progress", "completed"]);
export type ShownStatus = z.infer<typeof ShownStatus>;
export const ParticipantStatus = z.enum(["registered", "confirmed", "attended", "no_show", "cancelled"]);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;
export const StatusAction = z.enum(["open", "close", "reopen", "cancel"]);
export type StatusAction = z.infer<typeof StatusAction>;

/** The seed's defaults (community.md, Session). */
export const SESSION_DEFAULTS = {
  description: "",
  timeZone: "America/New_York",
  durationMinutes: 45,
  meetingUrl: null,
  meetingPassword: null,
  maxPresenters: 3,
  maxGuests: 5,
  talkMinutes: 10,
  qaMinutes: 5,
  hasInterviewer: true,
  startsLocal: null,
} as const;

const wholeBetween = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);

export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a date and time like 2026-03-10T18:30")
  .describe("wall-clock time in the session's zone");

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s.trim() === "" ? null : s))
    .nullable();

export const MeetingUrl = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .transform((s) => (s === "" ? null : s))
  .pipe(
    z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://meet.example.org/abc" }).nullable(),
  )
  .nullable();

/** Minutes before a session's start, as reminder lists hold them (issue #15): at most five, up to 30 days. */
export const ReminderMinutes = z
  .array(
    z
      .number()
      .int("must be whole minutes")
      .min(1, "must be at least 1 minute before the start")
      .max(30 * 24 * 60, "must be at most 30 days before the start"),
  )
  .max(5, "must list at most 5 reminder times")
  .refine((list) => new Set(list).size === list.length, { message: "must not list a time twice" });

/** The twelve fields of the editor, in seed order (community.md, Session). */
export const SessionFields = z.object({
  title: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  description: z.string().max(20_000, "must be at most 20000 characters"),
  startsLocal: LocalDateTime.nullable(),
  timeZone: TimeZone,
  durationMinutes: wholeBetween(5, 720),
  meetingUrl: MeetingUrl,
  meetingPassword: optionalText(200),
  maxPresenters: wholeBetween(0, 50),
  maxGuests: wholeBetween(0, 10_000),
  talkMinutes: wholeBetween(1, 240),
  qaMinutes: wholeBetween(0, 120),
  hasInterviewer: z.boolean({ error: "must be on or off" }),
});

export const SessionCreateInput = SessionFields.partial()
  .required({ title: true })
  .meta({ id: "CommunitySessionCreate" });
export type SessionCreateInput = z.infer<typeof SessionCreateInput>;

export const SessionUpdateInput = SessionFields.partial()
  .extend({
    reminderMinutes: ReminderMinutes.nullable()
      .optional()
      .describe("this session's reminder times, minutes before the start; null: the site's (issue #15)"),
    version: z.number().int().min(1).describe("the version you edited; a newer one on the server is a 409"),
  })
  .meta({ id: "CommunitySessionUpdate" });
export type SessionUpdateInput = z.infer<typeof SessionUpdateInput>;

export const RoleSlots = z.object({
  capacity: z.number().int(),
  taken: z.number().int().describe("active registrations"),
  offered: z.number().int().describe("places held for someone from the waitlist until they answer"),
  free: z.number().int().describe("capacity less taken and offered, never below 0"),
  waiting: z.number().int().describe("members in this role's waitlist, not yet offered a place"),
});
export const Slots = z.object({ host: RoleSlots, presenter: RoleSlots, interviewer: RoleSlots, guest: RoleSlots });

export const RosterEntry = z.object({
  name: z.string().nullable(),
  role: Role,
  presenterOrder: z.number().int().nullable(),
  talkTitle: z.string().nullable(),
});

export const Participant = z
  .object({
    id: Id,
    userId: Id,
    name: z.string().nullable(),
    email: z.string(),
    role: Role,
    status: ParticipantStatus,
    presenterOrder: z.number().int().nullable(),
    talkTitle: z.string().nullable(),
    talkDescription: z.string().nullable(),
    topics: z.string().nullable(),
    questions: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: "CommunityParticipant" });
export type Participant = z.infer<typeof Participant>;

export const MyRegistration = z.object({
  participantId: Id,
  role: Role,
  status: ParticipantStatus,
  presenterOrder: z.number().int().nullable(),
  talkTitle: z.string().nullable(),
  canCancel: z.boolean(),
});

/** Where a member stands in a waitlist of a session (issue #15). */
export const WaitlistStatus = z.enum([
  "waiting",
  "offered",
  "accepted",
  "declined",
  "expired",
  "left",
  "removed",
  "closed",
]);
export type WaitlistStatus = z.infer<typeof WaitlistStatus>;

export const MyWaitlistEntry = z
  .object({
    entryId: Id,
    role: Role,
    status: z.enum(["waiting", "offered"]),
    position: z.number().int().nullable().describe("1 = next in line for the role; null while a place is offered"),
    offerExpiresAt: Instant.nullable().describe("the offer's deadline, while a place is offered"),
    reason: z.string().nullable().describe("why a registration went to the waitlist though places were free"),
  })
  .meta({ id: "MyWaitlistEntry" });
export type MyWaitlistEntry = z.infer<typeof MyWaitlistEntry>;

export const AgendaItem = z.object({
  kind: z.enum(["opening", "talk", "qa"]),
  label: z.string(),
  startMinute: z.number().int(),
  durationMinutes: z.number().int(),
  startsAt: Instant.nullable(),
  isOpenSlot: z.boolean(),
});

export const CommunitySession = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string().describe("Markdown as written"),
    descriptionHtml: z.string().describe("the description rendered to safe HTML (raw HTML is shown as text)"),
    startsAt: Instant.nullable(),
    startsLocal: LocalDateTime.nullable(),
    endsAt: Instant.nullable(),
    timeZone: z.string(),
    durationMinutes: z.number().int(),
    meetingUrl: z.string().nullable().describe("null unless you are an admin/manager or an active participant"),
    meetingPassword: z.string().nullable(),
    maxPresenters: z.number().int(),
    maxGuests: z.number().int(),
    talkMinutes: z.number().int(),
    qaMinutes: z.number().int(),
    hasInterviewer: z.boolean(),
    reminderMinutes: z.array(z.number().int()).nullable().describe("null: the site's reminder times"),
    status: SessionStatus,
    shownStatus: ShownStatus,
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
    slots: Slots,
    roster: z.array(RosterEntry).describe("active participants, names only, in roster order"),
    myRegistration: MyRegistration.nullable(),
    myWaitlist: MyWaitlistEntry.nullable().describe("the caller's place in a waitlist of this session"),
    /** Roles the caller could register for now: free, allowed, and registration open. */
    registrableRoles: z.array(Role),
    /** Roles whose waitlist the caller could join now: full, allowed, and registration open. */
    waitlistRoles: z.array(Role),
    premiumRoles: z.array(Role).describe("roles only premium members (the Premium Label) may take"),
    agenda: z.object({ items: z.array(AgendaItem), overrunMinutes: z.number().int(), warning: z.string().nullable() }),
    wrapUp: z
      .object({ recordingUrl: z.string().nullable(), notes: z.string().nullable(), wrappedUpAt: Instant.nullable() })
      .nullable()
      .describe("after the session: its recording and notes, for those who see the meeting link; else null"),
    abilities: z.object({
      manage: z.boolean(),
      register: z.boolean(),
      seeMeeting: z.boolean(),
      wrapUp: z.boolean().describe("may mark attendance and send the follow-up (managers and the host), once ended"),
      statusActions: z.array(StatusAction).describe("the status buttons that apply now, in button order"),
      statusNote: z
        .string()
        .nullable()
        .describe("why a status action of this status does not apply now (e.g. the start has passed)"),
    }),
  })
  .meta({ id: "CommunitySession" });
export type CommunitySession = z.infer<typeof CommunitySession>;

export const SessionCard = z
  .object({
    id: Id,
    title: z.string(),
    descriptionExcerpt: z.string(),
    startsAt: Instant.nullable(),
    endsAt: Instant.nullable(),
    timeZone: z.string(),
    durationMinutes: z.number().int(),
    status: SessionStatus,
    shownStatus: ShownStatus,
    slots: Slots,
    freeRoles: z.array(Role).describe("roles with a free slot"),
    premiumRoles: z.array(Role).describe("roles only premium members (the Premium Label) may take"),
  })
  .meta({ id: "CommunitySessionCard" });
export type SessionCard = z.infer<typeof SessionCard>;

export const SessionCardList = z.object({ sessions: z.array(SessionCard) });
export type SessionCardList = z.infer<typeof SessionCardList>;

export const MemberListQuery = z.object({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AdminListQuery = z.object({
  status: SessionStatus.optional(),
  when: z.enum(["upcoming", "past", "all"]).default("all"),
  q: z.string().trim().max(200).optional().describe("search in the title"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CalendarSyncState = z.object({
  state: z.enum(["synced", "pending", "error"]),
  error: z.string().nullable(),
  at: Instant.nullable(),
});
export type CalendarSyncState = z.infer<typeof CalendarSyncState>;

export const AdminSessionCard = SessionCard.extend({
  calendarSync: CalendarSyncState.nullable().describe("Google Calendar: null when not configured or never synced"),
}).meta({ id: "CommunitySessionAdminCard" });

export type AdminSessionCard = z.infer<typeof AdminSessionCard>;

export const AdminSessionList = z.object({ sessions: z.array(AdminSessionCard), total: z.number().int() });
export type AdminSessionList = z.infer<typeof AdminSessionList>;

const talkTitle = optionalText(200).optional();
const longText = optionalText(5000).optional();

export const RegisterInput = z
  .object({
    role: Role,
    name: PersonName.optional().describe("required when your profile has no name yet"),
    talkTitle,
    talkDescription: longText,
    topics: longText,
    questions: longText,
  })
  .meta({ id: "CommunityRegister" });
export type RegisterInput = z.infer<typeof RegisterInput>;

/** A waitlist entry as the session's managers see it (Participants tab). */
export const WaitlistEntry = z
  .object({
    id: Id,
    userId: Id,
    name: z.string().nullable(),
    email: z.string(),
    role: Role,
    status: z.enum(["waiting", "offered"]),
    position: z.number().int().nullable().describe("1 = next in line; null while offered"),
    offeredAt: Instant.nullable(),
    offerExpiresAt: Instant.nullable(),
    probation: z.boolean().describe("went to the waitlist under the no-show rule: placed after the others"),
    talkTitle: z.string().nullable(),
    talkDescription: z.string().nullable(),
    topics: z.string().nullable(),
    questions: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: "CommunityWaitlistEntry" });
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;
export const WaitlistList = z.object({ entries: z.array(WaitlistEntry) }).meta({ id: "CommunityWaitlist" });
export type WaitlistList = z.infer<typeof WaitlistList>;

/** A place offered from a waitlist, as the offer email's link shows it (no sign-in needed). */
export const PlaceOffer = z
  .object({
    sessionId: Id,
    sessionTitle: z.string(),
    startsAt: Instant.nullable(),
    timeZone: z.string(),
    role: Role,
    status: WaitlistStatus,
    offerExpiresAt: Instant.nullable(),
    forYou: z
      .boolean()
      .nullable()
      .describe(
        "signed in: whether the offer is for this account (accepting registers its recipient); null signed out",
      ),
  })
  .meta({ id: "CommunityPlaceOffer" });
export type PlaceOffer = z.infer<typeof PlaceOffer>;
export const OfferAnswer = z.object({ sessionId: Id, status: WaitlistStatus }).meta({ id: "CommunityOfferAnswer" });
export type OfferAnswer = z.infer<typeof OfferAnswer>;

export const WaitlistMoveInput = z.strictObject({ direction: z.enum(["up", "down", "front"]) });
/** What an admin's "Offer a place" did: offered now (registered, in promote mode), or first in line for the next. */
export const WaitlistOfferResult = z.object({ status: z.enum(["offered", "registered", "first_in_line"]) });

/** Admin > Settings > Waitlists (issue #15). */
export const WaitlistSettings = z
  .object({
    holdMinutes: z
      .number({ error: "must be a number of minutes" })
      .int("must be a whole number of minutes")
      .min(5, "must be at least 5 minutes")
      .max(7 * 24 * 60, "must be at most 7 days")
      .describe("how long an offered place is held; shortened to end before the session starts"),
    mode: z
      .enum(["offer", "promote"], { error: "must be offer or promote" })
      .describe(
        "offer: the first in line is offered the place and has the hold to accept; promote: registered at once",
      ),
    noShowLimit: z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0 (off) or more")
      .max(50, "must be at most 50")
      .describe(
        "after this many no-shows within noShowDays, a member's registrations go to the waitlist first; 0 = off",
      ),
    noShowDays: z
      .number({ error: "must be a number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(730, "must be at most 730 days"),
  })
  .meta({ id: "WaitlistSettings" });
export type WaitlistSettings = z.infer<typeof WaitlistSettings>;

export const AddParticipantInput = z.object({
  email: Email,
  role: Role,
  talkTitle,
  talkDescription: longText,
});
export type AddParticipantInput = z.infer<typeof AddParticipantInput>;

export const UpdateParticipantInput = z
  .object({
    role: Role.optional(),
    status: ParticipantStatus.optional(),
    talkTitle,
    talkDescription: longText,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "nothing to change" });
export type UpdateParticipantInput = z.infer<typeof UpdateParticipantInput>;

export const MoveInput = z.object({ direction: z.enum(["up", "down"]) });
export type MoveInput = z.infer<typeof MoveInput>;
/** What a reopen does with the people who were registered when the session was cancelled (issue #13). */
export const ReopenParticipants = z.enum(["restore", "release"]);
export type ReopenParticipants = z.infer<typeof ReopenParticipants>;

export const StatusInput = z.object({
  action: StatusAction,
  participants: ReopenParticipants.optional().describe(
    "reopen of a Cancelled session with active participants only, and then required: restore (each is emailed that they are registered again, with a calendar invitation) or release (their registrations become Cancelled and each is told their place was released)",
  ),
});
export type StatusInput = z.infer<typeof StatusInput>;

/** After the session (issue #15): who attended, the recording and notes, and the follow-up to attendees. */
export const WrapUpInput = z.strictObject({
  attendance: z
    .array(z.strictObject({ participantId: Id, attended: z.boolean({ error: "must be true or false" }) }))
    .max(10_000, "must list at most 10000 participants")
    .default([])
    .describe("attended or no-show, for the participants listed; the others stay as they are"),
  recordingUrl: MeetingUrl.optional().describe("an http(s) link to the recording; empty removes it"),
  notes: optionalText(5000).optional().describe("what the attendees read in the follow-up"),
  sendFollowUp: z
    .boolean()
    .default(true)
    .describe("email the attendees the recording, the notes and the next sessions (once: the first wrap-up)"),
});
export type WrapUpInput = z.infer<typeof WrapUpInput>;

/** A member's attendance (issue #15): visible to the member and to admins. */
export const AttendanceHistory = z
  .object({
    attended: z.number().int(),
    noShows: z.number().int(),
    sessions: z.array(
      z.object({
        sessionId: Id,
        title: z.string(),
        startsAt: Instant.nullable(),
        status: z.enum(["attended", "no_show"]),
      }),
    ),
  })
  .meta({ id: "AttendanceHistory" });
export type AttendanceHistory = z.infer<typeof AttendanceHistory>;

export const ParticipantList = z.object({ participants: z.array(Participant) });
export type ParticipantList = z.infer<typeof ParticipantList>;

/** A member's invitation by email: the same answer whether or not the address has an account. */
export const InvitationSent = z.object({ invited: z.literal(true) });
export type InvitationSent = z.infer<typeof InvitationSent>;

export const MyRegistrationItem = z.object({
  session: SessionCard,
  role: Role,
  status: ParticipantStatus,
});
export const MyWaitingItem = z.object({ session: SessionCard, waitlist: MyWaitlistEntry });
export const MyRegistrationList = z.object({
  registrations: z.array(MyRegistrationItem),
  waiting: z.array(MyWaitingItem).describe("waitlists of upcoming sessions the member is in, with position or offer"),
});
export type MyRegistrationList = z.infer<typeof MyRegistrationList>;

export const FeatureFlags = z.object({
  allowUserSessionCreation: z.boolean(),
  requirePremiumForPresenting: z.boolean(),
  requirePremiumForHosting: z.boolean(),
  premiumLabel: z.string().trim().min(1, "is required").max(40, "must be at most 40 characters"),
});
export type FeatureFlags = z.infer<typeof FeatureFlags>;

export const SiteInformation = z.object({
  siteName: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  tagline: z.string().trim().max(200, "must be at most 200 characters"),
  // One message for the union, not zod's "Invalid input": empty is allowed, anything else must be an address.
  contactEmail: z.union([z.literal(""), Email], { error: "must be a valid email address or empty" }),
  physicalAddress: z.string().trim().max(500, "must be at most 500 characters"),
});
export type SiteInformation = z.infer<typeof SiteInformation>;

export const ReminderSettings = z
  .object({
    defaultMinutes: ReminderMinutes.describe("minutes before the start, for every role"),
    roleMinutes: z
      .strictObject({
        host: ReminderMinutes.optional(),
        presenter: ReminderMinutes.optional(),
        interviewer: ReminderMinutes.optional(),
        guest: ReminderMinutes.optional(),
      })
      .describe("extra minutes before the start for one role"),
  })
  .meta({ id: "ReminderSettings" });
export type ReminderSettings = z.infer<typeof ReminderSettings>;

// The answer's contact email is plain text: responses are encoded through their schema, and Email's one-way
// lower-casing transform cannot be encoded (every answer failed with a 500 once a Contact Email was set).
export const Settings = z
  .object({ site: SiteInformation.extend({ contactEmail: z.string() }), features: FeatureFlags })
  .meta({ id: "Settings" });
export type Settings = z.infer<typeof Settings>;
// Strict: a misspelt setting must be refused, not silently ignored.
export const SettingsUpdate = z
  .strictObject({
    site: SiteInformation.partial().strict().optional(),
    features: FeatureFlags.partial().strict().optional(),
  })
  .refine((v) => v.site !== undefined || v.features !== undefined, { message: "send site or features" });

export const GoogleCalendarSettings = z
  .object({
    calendarId: z.string(),
    configured: z.boolean(),
    serviceAccountEmail: z.string().nullable().describe("from the stored key; the key itself is never sent back"),
    lastSyncAt: Instant.nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: Instant.nullable(),
    pendingSyncs: z.number().int(),
    failedSyncs: z.number().int(),
  })
  .meta({ id: "GoogleCalendarSettings" });
export type GoogleCalendarSettings = z.infer<typeof GoogleCalendarSettings>;

export const GoogleCalendarSettingsInput = z.object({
  calendarId: z.string().trim().max(300, "must be at most 300 characters"),
  serviceAccountJson: z
    .string()
    .max(20_000, "is too long for a service account key")
    .optional()
    .describe("omit to keep the stored key; an empty string removes it"),
});

export const GoogleConnectionTest = z.object({ ok: z.boolean(), message: z.string() });
