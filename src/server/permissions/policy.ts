import type { Actor } from "./actor";

/**
 * The one place that answers "may this user do this" (platform.md, Permissions).
 * Each action names the facts it needs; rules are pure so the matrix test can walk them all.
 */
export interface SiteFacts {
  kind: "site";
}

/** Community-wide facts: the Allow User Session Creation flag. */
export interface CommunityFacts {
  kind: "community";
  allowUserSessionCreation: boolean;
}

/** One community session as the policy sees it. */
export interface CommunitySessionFacts {
  kind: "communitySession";
  createdBy: string | null;
  isDraft: boolean;
  allowUserSessionCreation: boolean;
  /** The actor holds an active (not cancelled) registration in this session. */
  isActiveParticipant: boolean;
  /** …as its Host. */
  isActiveHost: boolean;
}

/**
 * One conference event as the policy sees it (conferences.md, Event and Protection).
 */
export interface EventFacts {
  kind: "event";
  /** Until the timetable is published only managers see the timetable and contributions. */
  isTimetablePublished: boolean;
  /** The actor is one of the event's managers. */
  isEventManager: boolean;
  /**
   * The actor is explicitly a full manager or a coordinator of at least one session of the event (indico.md §2.6):
   * they reach the event page and "My sessions" even before the timetable is published.
   */
  holdsSessionRole: boolean;
}

/** Who sees a session (indico.md §4): everyone, as the event says (default), or only the people listed. */
export type SessionVisibility = "public" | "inheriting" | "protected";

/**
 * One session of a conference event: the event's facts plus what the actor holds in this session (indico.md
 * §1.3, §2.5, §4), loaded by `loadSessionFacts` from the session's entries and the event's coordinator rights.
 */
export interface ConferenceSessionFacts {
  kind: "conferenceSession";
  isTimetablePublished: boolean;
  isEventManager: boolean;
  /** Full management ("manager") or "coordinator" rights given on this session; null: none. */
  sessionRole: "manager" | "coordinator" | null;
  /** The event's "Session coordinator rights", both off by default (conferences.md, Protection). */
  coordinatorRights: { contributions: boolean; blocks: boolean };
  visibility: SessionVisibility;
  /** The actor is on the session's access list (it matters while the session is protected). */
  hasAccess: boolean;
}

export type Facts = SiteFacts | CommunityFacts | CommunitySessionFacts | EventFacts | ConferenceSessionFacts;

export const ACTIONS = {
  "users.manage": "site",
  "audit.read": "site",
  "mail.read": "site",
  "settings.manage": "site",
  "community.sessions.create": "community",
  "community.session.view": "communitySession",
  "community.session.viewRoster": "communitySession",
  "community.session.manage": "communitySession",
  "community.session.seeMeeting": "communitySession",
  "community.session.register": "communitySession",
  "community.session.wrapUp": "communitySession",
  "community.sessions.listAll": "site",
  "community.strangers.invite": "site",
  "community.premium.override": "site",
  "events.create": "site",
  "rooms.view": "site",
  "rooms.manage": "site",
  "event.view": "event",
  "event.viewTimetable": "event",
  "event.manage": "event",
  "event.delete": "event",
  "event.findPeople": "event",
  "conference.session.view": "conferenceSession",
  "conference.session.manage": "conferenceSession",
  "conference.session.manageBlocks": "conferenceSession",
  "conference.session.schedule": "conferenceSession",
  "conference.session.manageContributions": "conferenceSession",
  "conference.session.findPeople": "conferenceSession",
} as const satisfies Record<string, Facts["kind"]>;

export type Action = keyof typeof ACTIONS;
/** The facts an action is decided on: `authorize` and `can` accept no others. */
export type FactsFor<A extends Action> = Extract<Facts, { kind: (typeof ACTIONS)[A] }>;

type Rule<A extends Action> = (actor: Actor | null, facts: FactsFor<A>) => boolean;

const adminOnly = (actor: Actor | null) => actor?.isAdmin === true;

/**
 * Admins manage every session; with Allow User Session Creation on, a member manages the sessions they
 * created (community.md, Settings).
 */
const managesSession = (actor: Actor | null, f: CommunitySessionFacts) =>
  actor !== null && (actor.isAdmin || (f.allowUserSessionCreation && f.createdBy === actor.id));

/** Admins and the event's managers manage everything in the event (conferences.md, Protection). */
const managesEvent = (actor: Actor | null, f: { isEventManager: boolean }) =>
  actor !== null && (actor.isAdmin || f.isEventManager);

/** Full management of a session: the event's managers, or a session manager (indico.md §2.5 `can_manage`). */
const managesConferenceSession = (actor: Actor | null, f: ConferenceSessionFacts) =>
  managesEvent(actor, f) || (actor !== null && f.sessionRole === "manager");

const coordinates = (actor: Actor | null, f: ConferenceSessionFacts) =>
  actor !== null && f.sessionRole === "coordinator";

const RULES: { [A in Action]: Rule<A> } = {
  "users.manage": adminOnly,
  "audit.read": adminOnly,
  "mail.read": adminOnly,
  "settings.manage": adminOnly,
  "community.sessions.create": (actor, f) => actor !== null && (actor.isAdmin || f.allowUserSessionCreation),
  // Members never see Drafts (community.md, Status lifecycle); anyone may see the others.
  "community.session.view": (actor, f) => !f.isDraft || managesSession(actor, f),
  // Who else takes part is for signed-in members only.
  "community.session.viewRoster": (actor, f) => actor !== null && (!f.isDraft || managesSession(actor, f)),
  "community.session.manage": managesSession,
  // Meeting URL and password: admins, the session's managers and its active participants only.
  "community.session.seeMeeting": (actor, f) => managesSession(actor, f) || (actor !== null && f.isActiveParticipant),
  "community.session.register": (actor, f) => actor !== null && !f.isDraft,
  // After the session (issue #15): those who manage it, and its host, mark who attended and send the follow-up.
  "community.session.wrapUp": (actor, f) => managesSession(actor, f) || (actor !== null && f.isActiveHost),
  // Admin > Sessions lists every session to admins; a member managing their own sessions sees only those
  // (community.md, Settings: Allow User Session Creation).
  "community.sessions.listAll": adminOnly,
  // Adding an address that has no account creates the account and emails it a link to set a password: admins
  // only, and they add people at once. Members managing their own sessions only invite members who have an
  // account, without telling them apart from strangers (community.md, Participants tab).
  "community.strangers.invite": adminOnly,
  // Admins may place someone in a role reserved for premium members, never in a full one; members managing their
  // own sessions may not (community.md, Roles and slots).
  "community.premium.override": adminOnly,
  // Admins create events; event managers manage them (conferences.md, Event).
  "events.create": adminOnly,
  // The room directory: anyone signed in may read it (to pick locations); admins edit it (conferences.md, Rooms).
  "rooms.view": (actor) => actor !== null,
  "rooms.manage": adminOnly,
  // The event page: everyone once published; before, its managers and whoever manages or coordinates one of its
  // sessions (they need "My sessions", indico.md §2.6).
  "event.view": (actor, f) =>
    f.isTimetablePublished || managesEvent(actor, f) || (actor !== null && f.holdsSessionRole),
  // The timetable's top level and the contributions without a session: everyone once published, else its managers
  // (conferences.md, Event). Blocks are shown by their session's visibility.
  "event.viewTimetable": (actor, f) => f.isTimetablePublished || managesEvent(actor, f),
  "event.manage": managesEvent,
  // Deleting a whole event stays with admins, who create them.
  "event.delete": adminOnly,
  // Searching accounts by name or email (names and emails of active accounts) to name the event's managers: those
  // who may change that list.
  "event.findPeople": managesEvent,
  // Managers and coordinators always; others once the timetable is published, and for a protected session only
  // when they are on its access list (indico.md §4). Public and inheriting agree while events have no protection
  // of their own; the draft state hides even public sessions (Indico: "draft mode").
  "conference.session.view": (actor, f) =>
    managesConferenceSession(actor, f) ||
    coordinates(actor, f) ||
    (f.isTimetablePublished && (f.visibility !== "protected" || (actor !== null && f.hasAccess))),
  // Session metadata, materials, deletion (indico.md §2.5: full session manager).
  "conference.session.manage": managesConferenceSession,
  // Create, move, resize, fit, delete blocks: coordinators only with the "Session blocks" right.
  "conference.session.manageBlocks": (actor, f) =>
    managesConferenceSession(actor, f) || (coordinates(actor, f) && f.coordinatorRights.blocks),
  // Schedule the session's contributions into its blocks, breaks in its blocks, reschedule inside a block.
  "conference.session.schedule": (actor, f) => managesConferenceSession(actor, f) || coordinates(actor, f),
  // Create, edit, delete the session's contributions: coordinators only with the "Contributions" right.
  "conference.session.manageContributions": (actor, f) =>
    managesConferenceSession(actor, f) || (coordinates(actor, f) && f.coordinatorRights.contributions),
  // Searching accounts by name or email to fill the shield's lists: those who may change the shield.
  "conference.session.findPeople": managesConferenceSession,
};

export function can<A extends Action>(actor: Actor | null, action: A, facts: FactsFor<A>): boolean {
  return RULES[action](actor, facts);
}

export const SITE: SiteFacts = { kind: "site" };
