/**
 * The Kysely view of the database. Portable across SQLite and PostgreSQL:
 * app-made text ids, UTC ISO-8601 text instants (suffix `_at`), flags as 0/1 integers,
 * JSON as text. See docs/decisions.md.
 */
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
  status: "draft" | "open" | "full" | "closed" | "cancelled";
  /** Increases with every edit of the details: two editors never overwrite each other silently. */
  version: number;
  /** SEQUENCE of the session's iCalendar invitations. */
  ics_sequence: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommunityParticipantsTable {
  id: string;
  session_id: string;
  user_id: string;
  role: "host" | "presenter" | "interviewer" | "guest";
  status: "registered" | "confirmed" | "attended" | "no_show" | "cancelled";
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

export interface Database {
  calendar_links: CalendarLinksTable;
  community_sessions: CommunitySessionsTable;
  community_participants: CommunityParticipantsTable;
  users: UsersTable;
  sign_in_sessions: SignInSessionsTable;
  password_resets: PasswordResetsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
}
