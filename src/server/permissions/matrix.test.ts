import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { ACTIONS, type Action, can, type Facts } from "./policy";

/**
 * The permission matrix: every action × every kind of user × every situation, from one table per family of
 * facts (platform.md, Permissions): site and community actions below, conference actions in CONFERENCE_MATRIX.
 * Adding an action without a row fails the first test.
 */
const KINDS = ["anonymous", "member", "participant", "creator", "premium", "staff", "admin"] as const;
type Kind = (typeof KINDS)[number];

const person = (id: string, flags: Partial<Actor> = {}): Actor => ({
  id,
  email: `${id}@example.test`,
  name: id,
  isAdmin: false,
  isStaff: false,
  isPremium: false,
  ...flags,
});
const actors: Record<Kind, Actor | null> = {
  anonymous: null,
  member: person("member"),
  participant: person("participant"),
  creator: person("creator"),
  premium: person("premium", { isPremium: true }),
  staff: person("staff", { isStaff: true }),
  admin: person("admin", { isAdmin: true }),
};

/** Situations, in the order of the letters in each row: Y = allowed, n = refused. */
const SITUATIONS = [
  { label: "published, user creation off", isDraft: false, allow: false },
  { label: "published, user creation on", isDraft: false, allow: true },
  { label: "draft, user creation off", isDraft: true, allow: false },
  { label: "draft, user creation on", isDraft: true, allow: true },
] as const;

function factsFor(action: CommunityAction, kind: Kind, s: (typeof SITUATIONS)[number]): Facts {
  switch (ACTIONS[action]) {
    case "site":
      return { kind: "site" };
    case "community":
      return { kind: "community", allowUserSessionCreation: s.allow };
    case "communitySession":
      return {
        kind: "communitySession",
        createdBy: "creator",
        isDraft: s.isDraft,
        allowUserSessionCreation: s.allow,
        isActiveParticipant: kind === "participant",
      };
  }
}

const ALL = "YYYY";
const NONE = "nnnn";
const ADMIN_ONLY: Record<Kind, string> = {
  anonymous: NONE,
  member: NONE,
  participant: NONE,
  creator: NONE,
  premium: NONE,
  staff: NONE,
  admin: ALL,
};

type ConferenceAction = {
  [A in Action]: (typeof ACTIONS)[A] extends "event" | "conferenceSession" ? A : never;
}[Action];
type CommunityAction = Exclude<Action, ConferenceAction>;

const MATRIX: Record<CommunityAction, Record<Kind, string>> = {
  "users.manage": ADMIN_ONLY,
  "audit.read": ADMIN_ONLY,
  "mail.read": ADMIN_ONLY,
  "settings.manage": ADMIN_ONLY,
  // Only the flag matters for creating; draft or not does not apply.
  "community.sessions.create": {
    anonymous: NONE,
    member: "nYnY",
    participant: "nYnY",
    creator: "nYnY",
    premium: "nYnY",
    staff: "nYnY",
    admin: ALL,
  },
  "community.session.view": {
    anonymous: "YYnn",
    member: "YYnn",
    participant: "YYnn",
    creator: "YYnY",
    premium: "YYnn",
    staff: "YYnn",
    admin: ALL,
  },
  "community.session.viewRoster": {
    anonymous: NONE,
    member: "YYnn",
    participant: "YYnn",
    creator: "YYnY",
    premium: "YYnn",
    staff: "YYnn",
    admin: ALL,
  },
  "community.session.manage": {
    anonymous: NONE,
    member: NONE,
    participant: NONE,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  "community.session.seeMeeting": {
    anonymous: NONE,
    member: NONE,
    participant: ALL,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  "community.session.register": {
    anonymous: NONE,
    member: "YYnn",
    participant: "YYnn",
    creator: "YYnn",
    premium: "YYnn",
    staff: "YYnn",
    admin: "YYnn",
  },
  "events.create": ADMIN_ONLY,
  "rooms.manage": ADMIN_ONLY,
  // Signed-in people read the room directory (to pick locations).
  "rooms.view": {
    anonymous: NONE,
    member: ALL,
    participant: ALL,
    creator: ALL,
    premium: ALL,
    staff: ALL,
    admin: ALL,
  },
};

/**
 * Conference events and sessions (conferences.md, Protection; indico.md §2.5 is the oracle). Kinds: the event's
 * manager, a full manager and a coordinator of the session (issue 7 loads those roles; the rules hold already).
 */
const CONF_KINDS = ["anonymous", "member", "eventManager", "sessionManager", "coordinator", "admin"] as const;
type ConfKind = (typeof CONF_KINDS)[number];
const confActors: Record<ConfKind, Actor | null> = {
  anonymous: null,
  member: person("member"),
  eventManager: person("eventManager"),
  sessionManager: person("sessionManager"),
  coordinator: person("coordinator"),
  admin: person("admin", { isAdmin: true }),
};

/** Situations, in the order of the letters: timetable published or not × the event's coordinator rights. */
const CONF_SITUATIONS = [
  { label: "unpublished, no coordinator rights", published: false, contributions: false, blocks: false },
  { label: "unpublished, coordinators: Contributions", published: false, contributions: true, blocks: false },
  { label: "unpublished, coordinators: Session blocks", published: false, contributions: false, blocks: true },
  { label: "published, no coordinator rights", published: true, contributions: false, blocks: false },
  { label: "published, coordinators: Contributions", published: true, contributions: true, blocks: false },
  { label: "published, coordinators: Session blocks", published: true, contributions: false, blocks: true },
] as const;

function conferenceFacts(action: ConferenceAction, kind: ConfKind, s: (typeof CONF_SITUATIONS)[number]): Facts {
  const event = { isTimetablePublished: s.published, isEventManager: kind === "eventManager" };
  if (ACTIONS[action] === "event") return { kind: "event", ...event };
  return {
    kind: "conferenceSession",
    ...event,
    sessionRole: kind === "sessionManager" ? "manager" : kind === "coordinator" ? "coordinator" : null,
    coordinatorRights: { contributions: s.contributions, blocks: s.blocks },
  };
}

const ALL6 = "YYYYYY";
const NONE6 = "nnnnnn";
const PUBLISHED = "nnnYYY";
const EVENT_MANAGERS: Record<ConfKind, string> = {
  anonymous: NONE6,
  member: NONE6,
  eventManager: ALL6,
  sessionManager: NONE6,
  coordinator: NONE6,
  admin: ALL6,
};
const SESSION_MANAGERS: Record<ConfKind, string> = { ...EVENT_MANAGERS, sessionManager: ALL6 };

const CONFERENCE_MATRIX: Record<ConferenceAction, Record<ConfKind, string>> = {
  // Session roles do not open an unpublished event's pages yet (issue 7 adds "My sessions").
  "event.view": {
    anonymous: PUBLISHED,
    member: PUBLISHED,
    eventManager: ALL6,
    sessionManager: PUBLISHED,
    coordinator: PUBLISHED,
    admin: ALL6,
  },
  "event.manage": EVENT_MANAGERS,
  "event.delete": { ...EVENT_MANAGERS, eventManager: NONE6 },
  "conference.session.view": {
    anonymous: PUBLISHED,
    member: PUBLISHED,
    eventManager: ALL6,
    sessionManager: ALL6,
    coordinator: ALL6,
    admin: ALL6,
  },
  "conference.session.manage": SESSION_MANAGERS,
  "conference.session.manageBlocks": { ...SESSION_MANAGERS, coordinator: "nnYnnY" },
  "conference.session.schedule": { ...SESSION_MANAGERS, coordinator: ALL6 },
  "conference.session.manageContributions": { ...SESSION_MANAGERS, coordinator: "nYnnYn" },
};

describe("permission matrix", () => {
  it("covers every action the policy knows", () => {
    expect([...Object.keys(MATRIX), ...Object.keys(CONFERENCE_MATRIX)].sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const action of Object.keys(CONFERENCE_MATRIX) as ConferenceAction[]) {
    for (const kind of CONF_KINDS) {
      CONF_SITUATIONS.forEach((situation, i) => {
        const allowed = CONFERENCE_MATRIX[action][kind][i] === "Y";
        it(`${kind} ${allowed ? "may" : "may not"} ${action} (${situation.label})`, () => {
          // biome-ignore lint/suspicious/noExplicitAny: facts are built per action kind above
          expect(can(confActors[kind], action, conferenceFacts(action, kind, situation) as any)).toBe(allowed);
        });
      });
    }
  }

  for (const action of Object.keys(MATRIX) as CommunityAction[]) {
    for (const kind of KINDS) {
      SITUATIONS.forEach((situation, i) => {
        const allowed = MATRIX[action][kind][i] === "Y";
        it(`${kind} ${allowed ? "may" : "may not"} ${action} (${situation.label})`, () => {
          // biome-ignore lint/suspicious/noExplicitAny: facts are built per action kind above
          expect(can(actors[kind], action, factsFor(action, kind, situation) as any)).toBe(allowed);
        });
      });
    }
  }
});
