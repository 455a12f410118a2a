/**
 * The Kysely view of the database. Portable across SQLite and PostgreSQL:
 * app-made text ids, UTC ISO-8601 text instants (suffix `_at`), flags as 0/1 integers,
 * JSON as text. See docs/decisions.md.
 */

import type { Generated } from "kysely";
import type { ParticipantStatus, Role, SessionStatus, WaitlistStatus } from "../../shared/schemas/community-sessions";

export type Flag = 0 | 1;

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string | null;
  is_admin: Flag;
  is_staff: Flag;
  is_premium: Flag;
  time_zone: string | null;
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
  feed_token: string | null;
  /** When the account last proved it owns `email` (a sign-up, reset or invitation link); null: never. */
  email_verified_at: string | null;
}

export interface SignInSessionsTable {
  /** sha256 of the cookie token: a database leak does not give away live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A sign-up waiting for its emailed link: the account is created only when the link is followed. */
export interface SignUpRequestsTable {
  /** sha256 of the link's token. */
  id: string;
  email: string;
  name: string;
  password_hash: string;
  /** sha256 of the cookie given to the browser that signed up. */
  browser_hash: string;
  /** The time zone chosen on the sign-up form; null: none given. */
  time_zone: string | null;
  created_at: string;
  expires_at: string;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  window_ends_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export type OutboxStatus = "pending" | "sent" | "failed";

export interface OutboxTable {
  id: string;
  kind: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  coalesce_key: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  changes: string;
}

export interface CommunitySessionsTable {
  id: string;
  title: string;
  description: string;
  /** UTC instant; null until Date & Time is set (required before Open). */
  starts_at: string | null;
  /** starts_at + duration, kept so that "upcoming" and "past" are plain indexed comparisons. */
  ends_at: string | null;
  time_zone: string;
  duration_minutes: number;
  meeting_url: string | null;
  meeting_password: string | null;
  max_presenters: number;
  max_guests: number;
  talk_minutes: number;
  qa_minutes: number;
  has_interviewer: Flag;
  status: SessionStatus;
  /** Increases with every edit of the details: two editors never overwrite each other silently. */
  version: number;
  /** SEQUENCE of the session's iCalendar invitations. */
  ics_sequence: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** JSON list of minutes before the start; null: the site's reminder times. */
  reminder_minutes: string | null;
  /** After the session (issue #15): its recording, the organiser's notes, and when it was wrapped up. */
  recording_url: string | null;
  wrap_up_notes: string | null;
  wrapped_up_at: string | null;
}

/** A reminder that went to a participant (issue #15): written with its email, so each is sent once. */
export interface CommunityRemindersSentTable {
  session_id: string;
  starts_at: string;
  minutes_before: number;
  user_id: string;
  sent_at: string;
}

/** A member waiting for a role of a session (issue #15); kept once resolved, as the record. */
export interface CommunityWaitlistTable {
  id: string;
  session_id: string;
  user_id: string;
  role: Role;
  status: WaitlistStatus;
  /** Order in the role's line, 1 = first; gaps are fine, only the order counts. */
  position: number;
  /** Went to the waitlist under the no-show rule: offered places after everyone else. */
  probation: Generated<Flag>;
  talk_title: string | null;
  talk_description: string | null;
  topics: string | null;
  questions: string | null;
  /** sha256 of the offer email's accept link token, while a place is (or was) offered. */
  offer_token_hash: string | null;
  offered_at: string | null;
  offer_expires_at: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommunityParticipantsTable {
  id: string;
  session_id: string;
  user_id: string;
  role: Role;
  status: ParticipantStatus;
  presenter_order: number | null;
  talk_title: string | null;
  talk_description: string | null;
  topics: string | null;
  questions: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarLinksTable {
  session_id: string;
  google_event_id: string;
  synced_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

/** A room of the admin-managed directory (conferences.md, Rooms). */
export interface RoomsTable {
  id: string;
  venue_name: string;
  name: string;
  capacity: number | null;
  created_at: string;
  updated_at: string;
}

/** A conference event (conferences.md, Event). Location: a room, free text, or neither. */
export interface EventsTable {
  id: string;
  title: string;
  /** The readable address `/e/<slug>`: unique, set at creation (null only for rows written before migration 0010). */
  slug: string | null;
  /** Markdown. */
  description: string;
  start_at: string;
  end_at: string;
  time_zone: string;
  room_id: string | null;
  location_text: string | null;
  default_contribution_minutes: number;
  timetable_published: Flag;
  /** "Session coordinator rights" (indico.md §2.5): coordinators may edit their sessions' contributions. */
  coordinators_manage_contributions: Flag;
  /** "Session coordinator rights": coordinators may create, move, resize, fit and delete their sessions' blocks. */
  coordinators_manage_blocks: Flag;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventManagersTable {
  event_id: string;
  user_id: string;
  created_at: string;
}

export interface SessionTypesTable {
  id: string;
  event_id: string;
  /** Unique per event, ignoring case. */
  name: string;
  code: string;
  is_poster: Flag;
  created_at: string;
  updated_at: string;
}

/** A session of a conference (indico.md §1.2). Location: a room, free text, or neither = inherit the event's. */
export interface ConferenceSessionsTable {
  id: string;
  event_id: string;
  title: string;
  code: string;
  description: string;
  type_id: string | null;
  default_contribution_minutes: number;
  room_id: string | null;
  location_text: string | null;
  /** `#rrggbb`, a pair of the palette (src/shared/palette.ts). */
  text_color: string;
  background_color: string;
  /** Who sees it (indico.md §4): everyone, as the event (default), or only listed people and managers. */
  protection_mode: SessionProtectionMode;
  created_at: string;
  updated_at: string;
}

export type SessionProtectionMode = "public" | "inheriting" | "protected";
export type SessionPrincipalRole = "manage" | "coordinate" | "access";

/** A user's entry on a session (indico.md §1.3): full management, coordination, or access to a protected one. */
export interface SessionPrincipalsTable {
  session_id: string;
  user_id: string;
  role: SessionPrincipalRole;
  created_at: string;
}

/** One scheduled stretch of a session (indico.md §1.5). Location: room, text, or neither = the session's. */
export interface SessionBlocksTable {
  id: string;
  session_id: string;
  title: string;
  start_at: string;
  duration_minutes: number;
  room_id: string | null;
  location_text: string | null;
  /** Order among parallel blocks; lower first. */
  display_order: number;
  /** iCalendar SEQUENCE: rises with every change a calendar shows (start, end, title, location); never falls. */
  ics_sequence: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BlockConvenersTable {
  id: string;
  block_id: string;
  name: string;
  affiliation: string;
  email: string | null;
  display_order: number;
}

export interface ContributionsTable {
  id: string;
  event_id: string;
  title: string;
  description: string;
  duration_minutes: number;
  session_id: string | null;
  /** Set only when scheduled inside a block of `session_id`. */
  block_id: string | null;
  /** Null while unscheduled. */
  start_at: string | null;
  board_number: string;
  /** iCalendar SEQUENCE of a top-level contribution: as `SessionBlocksTable.ics_sequence`. */
  ics_sequence: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ContributionSpeakersTable {
  id: string;
  contribution_id: string;
  name: string;
  affiliation: string;
  email: string | null;
  display_order: number;
}

export interface BreaksTable {
  id: string;
  event_id: string;
  block_id: string | null;
  title: string;
  start_at: string;
  duration_minutes: number;
  text_color: string;
  background_color: string;
  created_at: string;
  updated_at: string;
}

/** A file or link of a session (indico.md §2.8): files live in the material storage under `storage_key`. */
export interface MaterialsTable {
  id: string;
  session_id: string;
  kind: "file" | "link";
  name: string;
  url: string | null;
  storage_key: string | null;
  size_bytes: number | null;
  content_type: string | null;
  uploaded_by: string | null;
  created_at: string;
}

export interface Database {
  calendar_links: CalendarLinksTable;
  community_sessions: CommunitySessionsTable;
  community_participants: CommunityParticipantsTable;
  community_reminders_sent: CommunityRemindersSentTable;
  community_waitlist: CommunityWaitlistTable;
  users: UsersTable;
  sign_in_sessions: SignInSessionsTable;
  password_resets: PasswordResetsTable;
  sign_up_requests: SignUpRequestsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  rooms: RoomsTable;
  events: EventsTable;
  event_managers: EventManagersTable;
  session_types: SessionTypesTable;
  conference_sessions: ConferenceSessionsTable;
  session_principals: SessionPrincipalsTable;
  session_blocks: SessionBlocksTable;
  block_conveners: BlockConvenersTable;
  contributions: ContributionsTable;
  contribution_speakers: ContributionSpeakersTable;
  breaks: BreaksTable;
  materials: MaterialsTable;
}
