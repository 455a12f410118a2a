import type { CommunitySession, Participant, Role, SessionCard } from "../../shared/schemas/community-sessions";
import type { Actor } from "../permissions/actor";
import { isPremium } from "../permissions/actor";
import { type CommunitySessionFacts, can } from "../permissions/policy";
import { markdownToPlainText, renderMarkdown } from "../platform/markdown";
import type { FeatureSettings } from "../site/settings";
import { impliedAgenda } from "./agenda";
import { hasStarted, memberCancelRefusal, registrationRefusal, shownStatus, statusChoices } from "./lifecycle";
import type { ParticipantWithUser, SessionRow } from "./queries";
import { instantToLocal } from "./schedule";
import {
  type Capacity,
  countActive,
  freeSlots,
  gatedRoles,
  holdsActiveRegistration,
  isActiveParticipant,
  isFull,
  ROLES,
  type RoleCounts,
  type RoleGates,
  roleCapacity,
  roleRefusal,
} from "./slots";
import { heldPlaces, placesTaken, waitingCounts, waitlistRefusal } from "./waitlist";
import { myWaitlistEntry } from "./waitlist.operations";
import type { WaitlistRow } from "./waitlist.queries";
import { wrapUpRefusal } from "./wrap-up";

export function capacityOf(row: SessionRow): Capacity {
  return { maxPresenters: row.max_presenters, maxGuests: row.max_guests, hasInterviewer: row.has_interviewer === 1 };
}

export function sessionFacts(
  row: SessionRow,
  actor: Actor | null,
  participants: { user_id: string; role: ParticipantWithUser["role"]; status: ParticipantWithUser["status"] }[],
  features: FeatureSettings,
): CommunitySessionFacts {
  return {
    kind: "communitySession",
    createdBy: row.created_by,
    isDraft: row.status === "draft",
    allowUserSessionCreation: features.allowUserSessionCreation,
    isActiveParticipant: actor !== null && holdsActiveRegistration(participants, actor.id),
    isActiveHost:
      actor !== null &&
      participants.some((p) => p.user_id === actor.id && p.role === "host" && isActiveParticipant(p.status)),
  };
}

const NONE: RoleCounts = { host: 0, presenter: 0, interviewer: 0, guest: 0 };

/** Each role's places: active registrations, places held for offers, what is free, and who waits (issue #15). */
export function slotsOf(cap: Capacity, active: RoleCounts, line: { held: RoleCounts; waiting: RoleCounts }) {
  const free = freeSlots(cap, placesTaken(active, line.held));
  return Object.fromEntries(
    ROLES.map((r) => [
      r,
      {
        capacity: roleCapacity(r, cap),
        taken: active[r],
        offered: line.held[r],
        free: free[r],
        waiting: line.waiting[r],
      },
    ]),
  ) as CommunitySession["slots"];
}

/** No waitlist at all. */
export const EMPTY_LINE = { held: NONE, waiting: NONE };

/** What the status actions depend on (lifecycle.ts `statusChoices`, `applyStatusAction`). */
export function statusFacts(row: SessionRow, cap: Capacity, counts: RoleCounts, now: Date) {
  return {
    hasStart: row.starts_at !== null,
    hasMeetingUrl: row.meeting_url !== null,
    isFull: isFull(cap, counts),
    hasStarted: hasStarted(row.starts_at, now),
  };
}

/** Roster order: Host, Presenters (in presentation order), Interviewer, Guests (community.md, Participants tab). */
export function rosterSort<T extends { role: Role; presenter_order: number | null; created_at: string }>(
  list: T[],
): T[] {
  return [...list].sort(
    (a, b) =>
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
      (a.presenter_order ?? 0) - (b.presenter_order ?? 0) ||
      a.created_at.localeCompare(b.created_at),
  );
}

export function toParticipant(p: ParticipantWithUser): Participant {
  return {
    id: p.id,
    userId: p.user_id,
    name: p.name,
    email: p.email,
    role: p.role,
    status: p.status,
    presenterOrder: p.presenter_order,
    talkTitle: p.talk_title,
    talkDescription: p.talk_description,
    topics: p.topics,
    questions: p.questions,
    createdAt: p.created_at,
  };
}

/** The session as the caller may see it: meeting credentials and roster only for those entitled. */
export function toSessionDto(
  row: SessionRow,
  participants: ParticipantWithUser[],
  actor: Actor | null,
  features: FeatureSettings,
  now: Date,
  waitlist: readonly WaitlistRow[] = [],
): CommunitySession {
  const facts = sessionFacts(row, actor, participants, features);
  const active = participants.filter((p) => isActiveParticipant(p.status));
  const cap = capacityOf(row);
  const activeCounts = countActive(active);
  const line = { held: heldPlaces(waitlist), waiting: waitingCounts(waitlist) };
  // A place held for an offer is not free to anyone else (issue #15, 2).
  const counts = placesTaken(activeCounts, line.held);
  const myWaitlist = actor ? myWaitlistEntry(waitlist, actor.id) : null;
  const seeMeeting = can(actor, "community.session.seeMeeting", facts);
  const manage = can(actor, "community.session.manage", facts);
  const mine = actor ? active.find((p) => p.user_id === actor.id) : undefined;
  const mayRegister =
    can(actor, "community.session.register", facts) &&
    !mine &&
    !myWaitlist &&
    registrationRefusal(row.status, row.starts_at, now) === null;
  const mayWait =
    can(actor, "community.session.register", facts) &&
    !mine &&
    !myWaitlist &&
    waitlistRefusal(row.status, row.starts_at, now) === null;
  const waitlistRoles =
    mayWait && actor
      ? ROLES.filter((role) => {
          const gate = roleRefusal(role, {
            cap,
            counts: NONE,
            gates: features,
            isPremium: isPremium(actor),
            adminOverride: false,
            premiumLabel: features.premiumLabel,
          });
          return gate === null && roleCapacity(role, cap) > 0 && counts[role] >= roleCapacity(role, cap);
        })
      : [];
  const registrableRoles =
    mayRegister && actor
      ? ROLES.filter(
          (role) =>
            roleRefusal(role, {
              cap,
              counts,
              gates: features,
              isPremium: isPremium(actor),
              adminOverride: false,
              premiumLabel: features.premiumLabel,
            }) === null,
        )
      : [];
  const status = statusChoices(row.status, statusFacts(row, cap, counts, now));
  const presenters = rosterSort(active.filter((p) => p.role === "presenter"));
  const agenda = impliedAgenda({
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    talkMinutes: row.talk_minutes,
    qaMinutes: row.qa_minutes,
    presenters: presenters.map((p) => ({ name: p.name, talkTitle: p.talk_title })),
    maxPresenters: row.max_presenters,
  });
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    startsAt: row.starts_at,
    startsLocal: row.starts_at ? instantToLocal(row.starts_at, row.time_zone) : null,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    meetingUrl: seeMeeting ? row.meeting_url : null,
    meetingPassword: seeMeeting ? row.meeting_password : null,
    maxPresenters: row.max_presenters,
    maxGuests: row.max_guests,
    talkMinutes: row.talk_minutes,
    qaMinutes: row.qa_minutes,
    hasInterviewer: row.has_interviewer === 1,
    reminderMinutes: sessionReminderMinutes(row),
    status: row.status,
    shownStatus: shownStatus(row.status, row.starts_at, row.duration_minutes, now),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    slots: slotsOf(cap, activeCounts, line),
    roster: can(actor, "community.session.viewRoster", facts)
      ? rosterSort(active).map((p) => ({
          name: p.name,
          role: p.role,
          presenterOrder: p.presenter_order,
          talkTitle: p.role === "presenter" ? p.talk_title : null,
        }))
      : [],
    myRegistration: mine
      ? {
          participantId: mine.id,
          role: mine.role,
          status: mine.status,
          presenterOrder: mine.presenter_order,
          talkTitle: mine.talk_title,
          canCancel: memberCancelRefusal(row.status, row.starts_at, now) === null,
        }
      : null,
    myWaitlist,
    registrableRoles,
    waitlistRoles,
    premiumRoles: gatedRoles(features).filter((r) => roleCapacity(r, cap) > 0),
    agenda: {
      items: agenda.items.map((i) => ({
        kind: i.kind,
        label: i.label,
        startMinute: i.startMinute,
        durationMinutes: i.durationMinutes,
        startsAt: i.startsAt,
        isOpenSlot: i.isOpenSlot,
      })),
      overrunMinutes: agenda.overrunMinutes,
      warning: agenda.warning,
    },
    wrapUp: seeMeeting
      ? { recordingUrl: row.recording_url, notes: row.wrap_up_notes, wrappedUpAt: row.wrapped_up_at }
      : null,
    abilities: {
      manage,
      register: registrableRoles.length > 0,
      seeMeeting,
      wrapUp: can(actor, "community.session.wrapUp", facts) && wrapUpRefusal(row.status, row.ends_at, now) === null,
      statusActions: manage ? status.actions : [],
      statusNote: manage ? status.note : null,
    },
  };
}

export function toCard(
  row: SessionRow,
  active: RoleCounts,
  now: Date,
  gates: RoleGates,
  line: { held: RoleCounts; waiting: RoleCounts } = EMPTY_LINE,
): SessionCard {
  const cap = capacityOf(row);
  const free = freeSlots(cap, placesTaken(active, line.held));
  const text = markdownToPlainText(row.description);
  return {
    id: row.id,
    title: row.title,
    descriptionExcerpt: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    status: row.status,
    shownStatus: shownStatus(row.status, row.starts_at, row.duration_minutes, now),
    slots: slotsOf(cap, active, line),
    freeRoles: ROLES.filter((r) => free[r] > 0),
    premiumRoles: gatedRoles(gates).filter((r) => roleCapacity(r, cap) > 0),
  };
}

/** A session's own reminder times (minutes before the start), or null for the site's. */
export function sessionReminderMinutes(row: Pick<SessionRow, "reminder_minutes">): number[] | null {
  if (row.reminder_minutes === null) return null;
  const list: unknown = JSON.parse(row.reminder_minutes);
  return Array.isArray(list) ? list.filter((m): m is number => Number.isInteger(m)) : null;
}
