import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { ACTIONS, type Action, can, type FactsFor } from "./policy";

/**
 * The permission matrix: every action × every kind of user × every situation, from one table per family of
 * facts (platform.md, Permissions): site and community actions below, conference actions in CONFERENCE_MATRIX.
 * Adding an action without a row fails the first test.
 */
const KINDS = ["anonymous", "member", "participant", "host", "creator", "premium", "staff", "admin"] as const;
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
  host: person("host"),
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

function factsFor(action: CommunityAction, kind: Kind, s: (typeof SITUATIONS)[number]): FactsFor<CommunityAction> {
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
        isActiveParticipant: kind === "participant" || kind === "host",
        isActiveHost: kind === "host",
      };
  }
}

const ALL = "YYYY";
const NONE = "nnnn";
const ADMIN_ONLY: Record<Kind, string> = {
  anonymous: NONE,
  member: NONE,
  participant: NONE,
  host: NONE,
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
    host: "nYnY",
    creator: "nYnY",
    premium: "nYnY",
    staff: "nYnY",
    admin: ALL,
  },
  "community.session.view": {
    anonymous: "YYnn",
    member: "YYnn",
    participant: "YYnn",
    host: "YYnn",
    creator: "YYnY",
    premium: "YYnn",
    staff: "YYnn",
    admin: ALL,
  },
  "community.session.viewRoster": {
    anonymous: NONE,
    member: "YYnn",
    participant: "YYnn",
    host: "YYnn",
    creator: "YYnY",
    premium: "YYnn",
    staff: "YYnn",
    admin: ALL,
  },
  "community.session.manage": {
    anonymous: NONE,
    member: NONE,
    participant: NONE,
    host: NONE,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  "community.session.seeMeeting": {
    anonymous: NONE,
    member: NONE,
    participant: ALL,
    host: ALL,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  // The session's host and those who manage it mark attendance and send the follow-up (issue #15).
  "community.session.wrapUp": {
    anonymous: NONE,
    member: NONE,
    participant: NONE,
    host: ALL,
    creator: "nYnY",
    premium: NONE,
    staff: NONE,
    admin: ALL,
  },
  "community.session.register": {
    anonymous: NONE,
    member: "YYnn",
    participant: "YYnn",
    host: "YYnn",
    creator: "YYnn",
    premium: "YYnn",
    staff: "YYnn",
    admin: "YYnn",
  },
  // Which sessions Admin > Sessions lists: all of them for admins, else the ones the member created.
  "community.sessions.listAll": ADMIN_ONLY,
  // Adding an address without an account (which creates it): admins; session managers only invite members.
  "community.strangers.invite": ADMIN_ONLY,
  // Placing someone in a role reserved for premium members without being premium: admins only.
  "community.premium.override": ADMIN_ONLY,
  "events.create": ADMIN_ONLY,
  "rooms.manage": ADMIN_ONLY,
  // Signed-in people read the room directory (to pick locations).
  "rooms.view": {
    anonymous: NONE,
    member: ALL,
    participant: ALL,
    host: ALL,
    creator: ALL,
    premium: ALL,
    staff: ALL,
    admin: ALL,
  },
};

/**
 * Conference events and sessions (conferences.md, Protection; indico.md §2.5 and §4 are the oracle). Kinds: a
 * person on a protected session's access list ("reader"), the event's manager, a full manager and a coordinator of
 * the session. The HTTP walk of every route is src/server/conferences/protection-matrix.test.ts.
 */
const CONF_KINDS = ["anonymous", "member", "reader", "eventManager", "sessionManager", "coordinator", "admin"] as const;
type ConfKind = (typeof CONF_KINDS)[number];
const confActors: Record<ConfKind, Actor | null> = {
  anonymous: null,
  member: person("member"),
  reader: person("reader"),
  eventManager: person("eventManager"),
  sessionManager: person("sessionManager"),
  coordinator: person("coordinator"),
  admin: person("admin", { isAdmin: true }),
};

/**
 * Situations, in the order of the letters (spaces only group them): timetable unpublished or published × the
 * session public or protected × the event's coordinator rights (none, Contributions, Session blocks, both).
 */
const RIGHTS = [
  { label: "no coordinator rights", contributions: false, blocks: false },
  { label: "coordinators: Contributions", contributions: true, blocks: false },
  { label: "coordinators: Session blocks", contributions: false, blocks: true },
  { label: "coordinators: both", contributions: true, blocks: true },
] as const;
const CONF_SITUATIONS = [false, true].flatMap((published) =>
  (["public", "protected"] as const).flatMap((visibility) =>
    RIGHTS.map((r) => ({
      label: `${published ? "published" : "unpublished"}, ${visibility} session, ${r.label}`,
      published,
      visibility,
      contributions: r.contributions,
      blocks: r.blocks,
    })),
  ),
);

function conferenceFacts(
  action: ConferenceAction,
  kind: ConfKind,
  s: (typeof CONF_SITUATIONS)[number],
): FactsFor<ConferenceAction> {
  const holdsRole = kind === "sessionManager" || kind === "coordinator";
  const event = { isTimetablePublished: s.published, isEventManager: kind === "eventManager" };
  if (ACTIONS[action] === "event") return { kind: "event", ...event, holdsSessionRole: holdsRole };
  return {
    kind: "conferenceSession",
    ...event,
    sessionRole: kind === "sessionManager" ? "manager" : kind === "coordinator" ? "coordinator" : null,
    coordinatorRights: { contributions: s.contributions, blocks: s.blocks },
    visibility: s.visibility,
    hasAccess: kind === "reader" || holdsRole,
  };
}

const ALL16 = "YYYY YYYY YYYY YYYY";
const NONE16 = "nnnn nnnn nnnn nnnn";
const PUBLISHED16 = "nnnn nnnn YYYY YYYY";
const EVENT_MANAGERS: Record<ConfKind, string> = {
  anonymous: NONE16,
  member: NONE16,
  reader: NONE16,
  eventManager: ALL16,
  sessionManager: NONE16,
  coordinator: NONE16,
  admin: ALL16,
};
const SESSION_MANAGERS: Record<ConfKind, string> = { ...EVENT_MANAGERS, sessionManager: ALL16 };

const CONFERENCE_MATRIX: Record<ConferenceAction, Record<ConfKind, string>> = {
  // Session managers and coordinators reach an unpublished event's page ("My sessions", indico.md §2.6).
  "event.view": {
    anonymous: PUBLISHED16,
    member: PUBLISHED16,
    reader: PUBLISHED16,
    eventManager: ALL16,
    sessionManager: ALL16,
    coordinator: ALL16,
    admin: ALL16,
  },
  // …but not its top level or the contributions without a session until it is published.
  "event.viewTimetable": {
    anonymous: PUBLISHED16,
    member: PUBLISHED16,
    reader: PUBLISHED16,
    eventManager: ALL16,
    sessionManager: PUBLISHED16,
    coordinator: PUBLISHED16,
    admin: ALL16,
  },
  "event.manage": EVENT_MANAGERS,
  "event.delete": { ...EVENT_MANAGERS, eventManager: NONE16 },
  // Finding accounts by name or email (the Protection page's managers): those who may change the list.
  "event.findPeople": EVENT_MANAGERS,
  // Protected sessions: the access list, the session's managers and coordinators, the event's managers (§4).
  "conference.session.view": {
    anonymous: "nnnn nnnn YYYY nnnn",
    member: "nnnn nnnn YYYY nnnn",
    reader: PUBLISHED16,
    eventManager: ALL16,
    sessionManager: ALL16,
    coordinator: ALL16,
    admin: ALL16,
  },
  "conference.session.manage": SESSION_MANAGERS,
  "conference.session.manageBlocks": { ...SESSION_MANAGERS, coordinator: "nnYY nnYY nnYY nnYY" },
  "conference.session.schedule": { ...SESSION_MANAGERS, coordinator: ALL16 },
  "conference.session.manageContributions": { ...SESSION_MANAGERS, coordinator: "nYnY nYnY nYnY nYnY" },
  // Finding accounts for the shield's lists: those who may change the shield, never coordinators.
  "conference.session.findPeople": SESSION_MANAGERS,
};

describe("permission matrix", () => {
  it("covers every action the policy knows", () => {
    expect([...Object.keys(MATRIX), ...Object.keys(CONFERENCE_MATRIX)].sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it("has one letter per conference situation in every row", () => {
    for (const row of Object.values(CONFERENCE_MATRIX)) {
      for (const letters of Object.values(row)) expect(letters.replaceAll(" ", "")).toMatch(/^[Yn]{16}$/);
    }
    expect(CONF_SITUATIONS).toHaveLength(16);
  });

  for (const action of Object.keys(CONFERENCE_MATRIX) as ConferenceAction[]) {
    for (const kind of CONF_KINDS) {
      CONF_SITUATIONS.forEach((situation, i) => {
        const allowed = CONFERENCE_MATRIX[action][kind].replaceAll(" ", "")[i] === "Y";
        it(`${kind} ${allowed ? "may" : "may not"} ${action} (${situation.label})`, () => {
          expect(can(confActors[kind], action, conferenceFacts(action, kind, situation))).toBe(allowed);
        });
      });
    }
  }

  for (const action of Object.keys(MATRIX) as CommunityAction[]) {
    for (const kind of KINDS) {
      SITUATIONS.forEach((situation, i) => {
        const allowed = MATRIX[action][kind][i] === "Y";
        it(`${kind} ${allowed ? "may" : "may not"} ${action} (${situation.label})`, () => {
          expect(can(actors[kind], action, factsFor(action, kind, situation))).toBe(allowed);
        });
      });
    }
  }
});
