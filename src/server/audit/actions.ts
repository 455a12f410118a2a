/**
 * Every action the audit log records, as `object.what_happened` (Admin > Audit filters by these names, so a
 * name, once written, stays). Conference changes are logged against their event (conference-core/access.ts).
 */
export type AuditAction =
  | UserAction
  | "settings.updated"
  | "settings.google_updated"
  | CommunityAction
  | ConferenceAction;

type UserAction =
  | "user.signed_up"
  | "user.created_as_first_admin"
  | "user.promoted_from_config"
  | "user.password_reset"
  | "user.invitation_accepted"
  | "user.password_changed"
  | "user.profile_updated"
  | "user.email_changed"
  | "user.updated_by_admin";

type CommunityAction =
  | "community_session.created"
  | "community_session.updated"
  | "community_session.status_changed"
  | "community_session.deleted"
  | "community_session.wrapped_up"
  | "community_participant.registered"
  | "community_participant.invited"
  | "community_participant.added"
  | "community_participant.updated"
  | "community_participant.reordered"
  | "community_participant.promoted"
  | "community_waitlist.joined"
  | "community_waitlist.left"
  | "community_waitlist.offered"
  | "community_waitlist.offer_expired"
  | "community_waitlist.declined"
  | "community_waitlist.accepted"
  | "community_waitlist.removed"
  | "community_waitlist.closed"
  | "community_waitlist.reordered"
  | "community_participant.cancelled"
  | "community_participant.removed";

type ConferenceAction =
  | "event.created"
  | "event.updated"
  | "event.deleted"
  | "event.manager_added"
  | "event.manager_removed"
  | "event.coordinator_rights_updated"
  | "room.created"
  | "room.updated"
  | "room.deleted"
  | "session_type.created"
  | "session_type.updated"
  | "session_type.deleted"
  | "conference_session.created"
  | "conference_session.updated"
  | "conference_session.deleted"
  | "conference_session.protection_updated"
  | "session_block.created"
  | "session_block.updated"
  | "session_block.deleted"
  | "session_block.moved"
  | "session_block.reordered"
  | "session_block.grown"
  | "session_block.fitted"
  | "contribution.created"
  | "contribution.updated"
  | "contribution.deleted"
  | "contribution.scheduled"
  | "contribution.unscheduled"
  | "break.created"
  | "break.updated"
  | "break.deleted"
  | "material.uploaded"
  | "material.linked"
  | "material.deleted"
  | "timetable.rescheduled";
