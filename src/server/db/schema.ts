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

export interface Database {
  users: UsersTable;
  sign_in_sessions: SignInSessionsTable;
  password_resets: PasswordResetsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
}
