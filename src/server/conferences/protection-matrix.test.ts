// The permission matrix of done-when 1 (issue 7), through HTTP on both engines: EVERY conference route × {admin,
// event manager, session manager, coordinator with each combination of the two Session coordinator rights,
// convener, member, a member on the access list, anonymous} on a public and on a protected session of a published
// event. Every cell comes from the one table below, which mirrors indico.md §2.5 ("Required level"); our
// improvements are written beside it. A route the server registers and the table does not name fails a test, and so
// does a body field naming a parent (a session or block to move into, issue #11) without rows for its moves.
import { beforeAll, expect, it } from "vitest";
import {
  at,
  buildBlock,
  buildContribution,
  buildEvent,
  buildSession,
  buildType,
  multipartFile,
  ok,
  uniqueName,
} from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import type { Material } from "../../shared/schemas/conference-sessions";
import type { Break } from "../../shared/schemas/timetable";

/** Who calls, in the order of the letter pairs in every row. */
const PERSONAS = [
  "admin",
  "eventManager",
  "sessionManager",
  "coordinator",
  "coordinator+Contributions",
  "coordinator+Blocks",
  "coordinator+Both",
  "convener",
  "member",
  "reader",
  "anonymous",
] as const;
type Persona = (typeof PERSONAS)[number];

/** The event's Session coordinator rights while each coordinator column is called. */
const RIGHTS: Partial<Record<Persona, { contributions: boolean; blocks: boolean }>> = {
  coordinator: { contributions: false, blocks: false },
  "coordinator+Contributions": { contributions: true, blocks: false },
  "coordinator+Blocks": { contributions: false, blocks: true },
  "coordinator+Both": { contributions: true, blocks: true },
};

/**
 * One letter pair per persona, in PERSONAS order: the answer on a public session, then on a protected one.
 * Y = the route's success status, F = 403 (may see, may not act), N = 404 (may not see), U = 401 (signed out).
 *                        admin EM SM  c  c+C c+B c+CB conv mem reader anon
 */
const LEVEL = {
  /** Anyone once the timetable is published (the event page, timetable, exports of what one may see). */
  public: "YY YY YY YY YY YY YY YY YY YY YY",
  /** Signed-in people (My sessions). */
  signedIn: "YY YY YY YY YY YY YY YY YY YY UU",
  /** §2.5 "Open the session timetable page; view entry details": coordinate; §4 protected: the access list too. */
  view: "YY YY YY YY YY YY YY YN YN YY YN",
  /** §2.5 coordinate: schedule existing contributions, add/edit/delete breaks in blocks, change times in a block. */
  coordinate: "YY YY YY YY YY YY YY FN FN FF UU",
  /** §2.5 coordinator + "Session blocks": add, move, resize, fit, delete blocks. */
  blocks: "YY YY YY FF FF YY YY FN FN FF UU",
  /** §2.5 coordinator + "Contributions": edit (and delete) the session's contributions. */
  contributions: "YY YY YY FF YY FF YY FN FN FF UU",
  /** §2.5 full session manager: session metadata, protection, materials, creating contributions. */
  sessionManager: "YY YY YY FF FF FF FF FN FN FF UU",
  /**
   * A move between the session and the top level or a session where the caller holds nothing (issue #11): the
   * event's managers, since both ends must allow it; what one may not see is still 404.
   */
  eventManagerAndSession: "YY YY FF FF FF FF FF FN FN FF UU",
  /** The same for reading the shield: what one may not see is 404 before anyone is asked to sign in. */
  sessionManagerRead: "YY YY YY FF FF FF FF FN FN FF UN",
  /** §2.5 event manager: the sessions list, types, exports, the event and its protection. */
  eventManager: "YY YY FF FF FF FF FF FF FF FF UU",
  /** Deleting the event and creating events: admins (conferences.md, Event). */
  admin: "YY FF FF FF FF FF FF FF FF FF UU",
} as const;

interface Fixture {
  eventId: string;
  eventSlug: string;
  sessionId: string;
  typeId: string;
  blockId: string;
  /** Another block of the session, the next day. */
  secondBlockId: string;
  /** Scheduled in the block. */
  contributionId: string;
  /** Of the session, not scheduled. */
  waitingId: string;
  /** In the block. */
  breakId: string;
  linkId: string;
  fileId: string;
  extraManagerId: string;
  /** A public session where none of the personas holds anything, and its block. */
  otherSessionId: string;
  otherBlockId: string;
  /** At the event's top level: a contribution without a session (not scheduled) and a break. */
  looseId: string;
  topBreakId: string;
}

/**
 * Where a body field sends the entry (issue #11): both ends are authorised, so each kind of move is a row. Every
 * body field naming a parent needs "into another session"; one that may be null (the top level) needs "to the top
 * level"; on a route acting on an existing entry, "from the top level" too.
 */
type MoveCase = "into another session" | "to the top level" | "from the top level" | "within the session";

interface Row {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route as the server registers it. */
  route: string;
  level: keyof typeof LEVEL;
  /** What §2.5 (or the spec) says, and where we do better. */
  why: string;
  success: number;
  body?: (f: Fixture) => unknown;
  /** multipart bodies (the upload). */
  raw?: () => { payload: Buffer; headers: Record<string, string> };
  /** Another entry than the fixture's default for the route's parameters. */
  ids?: (f: Fixture) => { contributionId?: string; breakId?: string };
  /** The body field naming a new parent, and which move this row makes. */
  move?: { field: string; case: MoveCase };
  /** A query string the route needs, e.g. "?q=ad". */
  query?: string;
}

const TABLE: Row[] = [
  // ---------------------------------------------------------------- events
  { method: "GET", route: "/api/v1/events", level: "public", why: "list of what one may see", success: 200 },
  {
    method: "POST",
    route: "/api/v1/events",
    level: "admin",
    why: "admins create events",
    success: 201,
    body: () => ({ title: "x", startAt: at("2026-04-01 09:00"), endAt: at("2026-04-01 18:00"), timeZone: "UTC" }),
  },
  { method: "GET", route: "/api/v1/events/:eventId", level: "public", why: "event page", success: 200 },
  {
    method: "GET",
    route: "/api/v1/events/by-slug/:slug",
    level: "public",
    why: "the event page by its readable address",
    success: 200,
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId",
    level: "eventManager",
    why: "event-level: event managers",
    success: 200,
    body: () => ({ title: "Renamed" }),
  },
  { method: "DELETE", route: "/api/v1/events/:eventId", level: "admin", why: "admins", success: 200 },
  { method: "GET", route: "/api/v1/events/:eventId/managers", level: "eventManager", why: "Protection", success: 200 },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/managers",
    level: "eventManager",
    why: "Protection",
    success: 409,
    body: () => ({ email: "nobody@example.test" }),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/managers/:userId",
    level: "eventManager",
    why: "Protection",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/protection",
    level: "eventManager",
    why: "Protection page",
    success: 200,
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/protection",
    level: "eventManager",
    why: "Session coordinator rights: event managers",
    success: 200,
    body: () => ({ coordinatorRights: { blocks: true } }),
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/people",
    level: "eventManager",
    why: "finding accounts to name as managers: those who may change the list (issue 13)",
    success: 200,
    query: "?q=test",
  },
  { method: "GET", route: "/api/v1/events/:eventId/my-sessions", level: "signedIn", why: "§2.6", success: 200 },
  { method: "GET", route: "/api/v1/me/conference-sessions", level: "signedIn", why: "§2.6 dashboard", success: 200 },
  {
    method: "GET",
    route: "/api/v1/me/conference",
    level: "signedIn",
    why: "My sessions: what one manages, coordinates and speaks in (issue #14)",
    success: 200,
  },
  // ---------------------------------------------------------------- session types and the sessions list
  { method: "GET", route: "/api/v1/events/:eventId/session-types", level: "eventManager", why: "§2.5", success: 200 },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/session-types",
    level: "eventManager",
    why: "§2.5 session types",
    success: 201,
    body: () => ({ name: uniqueName("T") }),
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/session-types/:typeId",
    level: "eventManager",
    why: "§2.5",
    success: 200,
    body: () => ({ code: "X" }),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/session-types/:typeId",
    level: "eventManager",
    why: "§2.5",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions",
    level: "eventManager",
    why: "§2.5 sessions management list",
    success: 200,
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/sessions",
    level: "eventManager",
    why: "§2.5 create sessions",
    success: 201,
    body: () => ({ title: "New" }),
  },
  // ---------------------------------------------------------------- one session
  { method: "GET", route: "/api/v1/events/:eventId/sessions/:sessionId", level: "view", why: "§2.5, §4", success: 200 },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/sessions/:sessionId",
    level: "sessionManager",
    why: "§2.5 session metadata",
    success: 200,
    body: () => ({ title: "Renamed" }),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/sessions/:sessionId",
    level: "sessionManager",
    why: "§5.1 DELETE session: session full manager",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions/:sessionId/timetable",
    level: "view",
    why: "§2.5 open the session timetable",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions/:sessionId/protection",
    level: "sessionManagerRead",
    why: "§2.5 session protection",
    success: 200,
  },
  {
    method: "PUT",
    route: "/api/v1/events/:eventId/sessions/:sessionId/protection",
    level: "sessionManager",
    why: "§2.5 session protection",
    success: 200,
    body: () => ({ visibility: "inheriting" }),
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions/:sessionId/people",
    level: "sessionManagerRead",
    why: "finding accounts for the shield's lists: those who may change the shield (issue 13)",
    success: 200,
    query: "?q=test",
  },
  // ---------------------------------------------------------------- materials
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions/:sessionId/materials",
    level: "view",
    why: "downloads respect protection",
    success: 200,
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/sessions/:sessionId/materials/links",
    level: "sessionManager",
    why: "§2.5 materials: full session manager",
    success: 201,
    body: () => ({ url: "https://example.org/x" }),
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/sessions/:sessionId/materials/files",
    level: "sessionManager",
    why: "§2.5 materials",
    success: 201,
    raw: () => multipartFile("notes.txt", "text/plain", "notes"),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/materials/:materialId",
    level: "sessionManager",
    why: "§2.5 materials",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/materials/:materialId/file",
    level: "view",
    why: "downloads respect protection",
    success: 200,
  },
  // ---------------------------------------------------------------- blocks
  {
    method: "POST",
    route: "/api/v1/events/:eventId/sessions/:sessionId/blocks",
    level: "blocks",
    why: "§2.5 add a block: coordinator + blocks right",
    success: 201,
    body: () => ({ startAt: at("2026-03-30 09:00") }),
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/blocks/:blockId",
    level: "blocks",
    why: "§2.5 change a block: coordinator + blocks right",
    success: 200,
    body: () => ({ title: "Renamed" }),
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/blocks/:blockId/move",
    level: "blocks",
    why: "§2.5 same for a block; moving to another day (Indico cannot, §9.1) follows the same right",
    success: 200,
    body: () => ({ day: "2026-03-30" }),
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/blocks/:blockId/fit",
    level: "blocks",
    why: "§2.5 fit a block to its content",
    success: 200,
    body: () => ({}),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/blocks/:blockId",
    level: "blocks",
    why: "§2.5 delete a block: coordinator + blocks right",
    success: 200,
  },
  // ---------------------------------------------------------------- breaks (in the session's block)
  {
    method: "POST",
    route: "/api/v1/events/:eventId/breaks",
    level: "coordinate",
    why: "§2.5 add a break inside a block",
    success: 201,
    body: (f) => ({ blockId: f.blockId }),
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/breaks/:breakId",
    level: "coordinate",
    why: "§2.5 edit a break",
    success: 200,
    body: () => ({ title: "Tea" }),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/breaks/:breakId",
    level: "coordinate",
    why: "§2.5 delete a break",
    success: 200,
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/timetable/reschedule",
    level: "coordinate",
    why: "§2.5 reschedule inside one block",
    success: 200,
    body: (f) => ({ scope: { kind: "block", blockId: f.blockId }, mode: "time" }),
  },
  {
    method: "PUT",
    route: "/api/v1/events/:eventId/timetable/parallel-order",
    level: "blocks",
    why: "§9.1 item 3 the order of parallel blocks: whoever may manage each listed block",
    success: 200,
    body: (f) => ({ blockIds: [f.blockId] }),
  },
  { method: "GET", route: "/api/v1/events/:eventId/timetable", level: "public", why: "§4: filtered", success: 200 },
  // ---------------------------------------------------------------- contributions of the session
  {
    method: "GET",
    route: "/api/v1/events/:eventId/contributions",
    level: "eventManager",
    why: "the managers' Contributions page",
    success: 200,
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions",
    level: "sessionManager",
    why: "§2.5 create a new contribution: full session manager (not coordinators, whatever their rights)",
    success: 201,
    body: (f) => ({ title: "Talk", sessionId: f.sessionId }),
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/contributions/:contributionId",
    level: "view",
    why: "§4: a contribution inherits its session's protection",
    success: 200,
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/contributions/:contributionId",
    level: "contributions",
    why: "§2.5 edit a contribution: coordinator + contributions right",
    success: 200,
    body: () => ({ title: "Renamed" }),
  },
  {
    method: "DELETE",
    route: "/api/v1/events/:eventId/contributions/:contributionId",
    level: "contributions",
    why: "§2.5 delete (meeting style) = coordinator + contributions right",
    success: 200,
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions/:contributionId/schedule",
    level: "coordinate",
    why: "§2.5 schedule existing contributions into the session's blocks; ours also moves between its blocks",
    success: 200,
    body: (f) => ({ blockId: f.blockId }),
    ids: (f) => ({ contributionId: f.waitingId }),
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions/:contributionId/unschedule",
    level: "coordinate",
    why: "§2.5 unschedule a contribution in a conference: coordinate",
    success: 200,
    body: () => ({}),
  },
  // ---------------------------------------------------------------- body-dependent moves (issue #11)
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/contributions/:contributionId",
    level: "eventManagerAndSession",
    why: "out of the session (its Contributions right) to the top level (the event's managers)",
    success: 200,
    body: () => ({ sessionId: null }),
    move: { field: "sessionId", case: "to the top level" },
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/contributions/:contributionId",
    level: "eventManagerAndSession",
    why: "out of the session into another: the Contributions right on both",
    success: 200,
    body: (f) => ({ sessionId: f.otherSessionId }),
    move: { field: "sessionId", case: "into another session" },
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/contributions/:contributionId",
    level: "eventManager",
    why: "from the top level (the event's managers) into the session",
    success: 200,
    body: (f) => ({ sessionId: f.sessionId }),
    ids: (f) => ({ contributionId: f.looseId }),
    move: { field: "sessionId", case: "from the top level" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions",
    level: "eventManager",
    why: "a new contribution at the top level: the event's managers",
    success: 201,
    body: () => ({ title: "Talk", sessionId: null }),
    move: { field: "sessionId", case: "to the top level" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions",
    level: "eventManager",
    why: "a new contribution in a session the caller holds nothing on",
    success: 201,
    body: (f) => ({ title: "Talk", sessionId: f.otherSessionId }),
    move: { field: "sessionId", case: "into another session" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions",
    level: "eventManagerAndSession",
    why: "a new contribution of the session scheduled in another session's block: refused by the rules after both ends",
    success: 409,
    body: (f) => ({ title: "Talk", sessionId: f.sessionId, blockId: f.otherBlockId }),
    move: { field: "blockId", case: "into another session" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions/:contributionId/schedule",
    level: "eventManagerAndSession",
    why: "into another session's block: both sessions are asked before the rules refuse it",
    success: 409,
    body: (f) => ({ blockId: f.otherBlockId }),
    move: { field: "blockId", case: "into another session" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions/:contributionId/schedule",
    level: "eventManagerAndSession",
    why: "to the top level: the event's managers are asked before the rules refuse it",
    success: 409,
    body: () => ({ blockId: null, startAt: at("2026-03-27 12:30") }),
    move: { field: "blockId", case: "to the top level" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/contributions/:contributionId/schedule",
    level: "eventManager",
    why: "from the top level into a block: the event's managers are asked before the rules refuse it",
    success: 409,
    body: (f) => ({ blockId: f.blockId }),
    ids: (f) => ({ contributionId: f.looseId }),
    move: { field: "blockId", case: "from the top level" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/breaks",
    level: "eventManager",
    why: "a new break at the top level: the event's managers",
    success: 201,
    body: () => ({ blockId: null, startAt: at("2026-03-27 12:15") }),
    move: { field: "blockId", case: "to the top level" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/breaks",
    level: "eventManager",
    why: "a new break in a block of a session the caller holds nothing on",
    success: 201,
    body: (f) => ({ blockId: f.otherBlockId }),
    move: { field: "blockId", case: "into another session" },
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/breaks/:breakId",
    level: "eventManagerAndSession",
    why: "out of the block to the top level",
    success: 200,
    body: () => ({ blockId: null }),
    move: { field: "blockId", case: "to the top level" },
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/breaks/:breakId",
    level: "eventManagerAndSession",
    why: "out of the block into another session's block",
    success: 200,
    body: (f) => ({ blockId: f.otherBlockId }),
    move: { field: "blockId", case: "into another session" },
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/breaks/:breakId",
    level: "eventManager",
    why: "from the top level into the session's block",
    success: 200,
    body: (f) => ({ blockId: f.blockId }),
    ids: (f) => ({ breakId: f.topBreakId }),
    move: { field: "blockId", case: "from the top level" },
  },
  {
    method: "PATCH",
    route: "/api/v1/events/:eventId/breaks/:breakId",
    level: "coordinate",
    why: "between blocks of one session: its coordinators (a move cannot leave the session)",
    success: 200,
    body: (f) => ({ blockId: f.secondBlockId }),
    move: { field: "blockId", case: "within the session" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/timetable/reschedule",
    level: "eventManager",
    why: "§3.5 reschedule a day's top level: the event's managers",
    success: 200,
    body: () => ({ scope: { kind: "day", day: "2026-03-27" }, mode: "time" }),
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/timetable/reschedule",
    level: "blocks",
    why: "§3.5 reschedule a session's blocks on a day: whoever manages its blocks",
    success: 200,
    body: (f) => ({ scope: { kind: "session", sessionId: f.sessionId, day: "2026-03-27" }, mode: "time" }),
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/timetable/reschedule",
    level: "eventManager",
    why: "inside another session's block",
    success: 200,
    body: (f) => ({ scope: { kind: "block", blockId: f.otherBlockId }, mode: "time" }),
    move: { field: "scope.blockId", case: "into another session" },
  },
  {
    method: "POST",
    route: "/api/v1/events/:eventId/timetable/reschedule",
    level: "eventManager",
    why: "another session's blocks",
    success: 200,
    body: (f) => ({ scope: { kind: "session", sessionId: f.otherSessionId, day: "2026-03-27" }, mode: "time" }),
    move: { field: "scope.sessionId", case: "into another session" },
  },
  {
    method: "PUT",
    route: "/api/v1/events/:eventId/timetable/parallel-order",
    level: "eventManagerAndSession",
    why: "every listed block is asked: one of another session makes it the event's managers'",
    success: 200,
    body: (f) => ({ blockIds: [f.blockId, f.otherBlockId] }),
    move: { field: "blockIds", case: "into another session" },
  },
  // ---------------------------------------------------------------- exports
  {
    method: "GET",
    route: "/api/v1/events/:eventId/calendar.ics",
    level: "public",
    why: "§5.6: what one may see",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions/:sessionId/calendar.ics",
    level: "view",
    why: "§5.6 session.ics: session access",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions.csv",
    level: "eventManager",
    why: "§5.1 CSV export: event manager",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/sessions.xlsx",
    level: "eventManager",
    why: "§5.1 XLSX export",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/schedule.json",
    level: "public",
    why: "frab: what one may see",
    success: 200,
  },
  {
    method: "GET",
    route: "/api/v1/events/:eventId/schedule.xml",
    level: "public",
    why: "frab XML: what one may see",
    success: 200,
  },
];

/** The route with the fixture's ids in place of its parameters. */
function urlOf(row: Row, f: Fixture): string {
  const ids = row.ids?.(f) ?? {};
  const contribution = ids.contributionId ?? f.contributionId;
  const material = row.route.endsWith("/file") ? f.fileId : f.linkId;
  return row.route
    .replace(":eventId", f.eventId)
    .replace(":slug", f.eventSlug)
    .replace(":sessionId", f.sessionId)
    .replace(":typeId", f.typeId)
    .replace(":blockId", f.blockId)
    .replace(":contributionId", contribution)
    .replace(":breakId", ids.breakId ?? f.breakId)
    .replace(":materialId", material)
    .replace(":userId", f.extraManagerId)
    .concat(row.query ?? "");
}

const LETTER: Record<number, string> = { 401: "U", 403: "F", 404: "N" };

describeEngines("protection matrix: every conference route × every role (indico.md §2.5)", (engine) => {
  const server = useTestServer(engine);
  let admin: Agent;
  const agents = new Map<Persona, Agent>();
  const people: Record<string, { id: string; email: string }> = {};

  beforeAll(async () => {
    const s = server();
    admin = (await signedInAgent(s, { admin: true })).agent;
    agents.set("admin", admin);
    for (const name of [
      "eventManager",
      "extraManager",
      "sessionManager",
      "coordinator",
      "convener",
      "member",
      "reader",
    ]) {
      const p = await signedInAgent(s);
      people[name] = { id: p.id, email: p.email };
      if (name === "coordinator") for (const c of Object.keys(RIGHTS) as Persona[]) agents.set(c, p.agent);
      else if (name !== "extraManager") agents.set(name as Persona, p.agent);
    }
    agents.set("anonymous", s.agent());
  });

  const email = (name: string) => (people[name] as { email: string }).email;

  /** A published event with one session (public or protected) holding everything the routes act on. */
  async function fixture(visibility: "public" | "protected"): Promise<Fixture> {
    const event = await buildEvent(admin, { timetablePublished: true });
    const e = `/api/v1/events/${event.id}`;
    ok(await admin.patch(`${e}/protection`, { managers: [email("eventManager"), email("extraManager")] }));
    const type = await buildType(admin, event.id);
    const session = await buildSession(admin, event.id, { typeId: type.id });
    ok(
      await admin.put(`${e}/sessions/${session.id}/protection`, {
        visibility,
        managers: [email("sessionManager")],
        coordinators: [email("coordinator")],
        accessList: [email("reader")],
      }),
    );
    const block = await buildBlock(admin, event.id, session.id, {
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 120,
      // Conveners are display-only: the convener persona's email is on the block and gives no rights.
      conveners: [{ name: "Convener", email: email("convener") }],
    });
    const contribution = await buildContribution(admin, event.id, { blockId: block.id });
    const waiting = await buildContribution(admin, event.id, { sessionId: session.id });
    const brk = ok(await admin.post<Break>(`${e}/breaks`, { blockId: block.id }), 201);
    const second = await buildBlock(admin, event.id, session.id, {
      startAt: at("2026-03-28 10:00"),
      durationMinutes: 120,
    });
    const other = await buildSession(admin, event.id);
    const otherBlock = await buildBlock(admin, event.id, other.id, {
      startAt: at("2026-03-27 14:00"),
      durationMinutes: 60,
    });
    const loose = await buildContribution(admin, event.id);
    const topBreak = ok(await admin.post<Break>(`${e}/breaks`, { startAt: at("2026-03-27 13:00") }), 201);
    const link = ok(
      await admin.post<Material>(`${e}/sessions/${session.id}/materials/links`, { url: "https://example.org/s" }),
      201,
    );
    const upload = multipartFile("slides.txt", "text/plain", "slides");
    const file = ok(
      await admin.request<Material>(
        "POST",
        `${e}/sessions/${session.id}/materials/files`,
        upload.payload,
        upload.headers,
      ),
      201,
    );
    return {
      eventId: event.id,
      eventSlug: event.slug ?? "",
      sessionId: session.id,
      typeId: type.id,
      blockId: block.id,
      contributionId: contribution.id,
      waitingId: waiting.id,
      breakId: brk.id,
      linkId: link.id,
      fileId: file.id,
      extraManagerId: (people.extraManager as { id: string }).id,
      secondBlockId: second.id,
      otherSessionId: other.id,
      otherBlockId: otherBlock.id,
      looseId: loose.id,
      topBreakId: topBreak.id,
    };
  }

  async function call(agent: Agent, row: Row, f: Fixture) {
    const url = urlOf(row, f);
    if (row.raw) {
      const { payload, headers } = row.raw();
      return agent.request(row.method, url, payload, headers);
    }
    const body = row.method === "GET" || row.method === "DELETE" ? undefined : ((row.body?.(f) as object) ?? {});
    return agent.request(row.method, url, body);
  }

  it("has one letter pair per persona in every level", () => {
    for (const cells of Object.values(LEVEL)) expect(cells.split(" ")).toHaveLength(PERSONAS.length);
  });

  for (const row of TABLE) {
    it(`${row.method} ${row.route} (${row.level}: ${row.why})`, async () => {
      const problems: string[] = [];
      const pairs = LEVEL[row.level].split(" ");
      for (const [situation, visibility] of (["public", "protected"] as const).entries()) {
        let f = await fixture(visibility);
        for (const [i, persona] of PERSONAS.entries()) {
          const rights = RIGHTS[persona];
          if (rights) ok(await admin.patch(`/api/v1/events/${f.eventId}/protection`, { coordinatorRights: rights }));
          const res = await call(agents.get(persona) as Agent, row, f);
          const want = (pairs[i] as string)[situation];
          const got = res.status === row.success ? "Y" : (LETTER[res.status] ?? `${res.status}`);
          if (got !== want) {
            problems.push(`${persona} on a ${visibility} session: got ${res.status} (${got}), want ${want}`);
          }
          // A change that went through: the next persona gets a fresh event.
          if (row.method !== "GET" && res.status < 300) f = await fixture(visibility);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }

  it("covers every conference route the server registers", () => {
    const registered = server()
      .routes.filter((r) => / \/api\/v1\/(events|me\/conference(-sessions)?)(\/|$)/.test(r))
      .sort();
    const covered = [...new Set(TABLE.map((r) => `${r.method} ${r.route}`))].sort();
    expect(covered).toEqual([...new Set(registered)].sort());
  });

  it("has a row for every move a body field can ask for (issue #11)", async () => {
    const spec = (await server().agent().get<{ paths: Record<string, Record<string, Operation>> }>("/api/openapi.json"))
      .body;
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!/^\/api\/v1\/(events|me\/conference(-sessions)?)(\/|$)/.test(path)) continue;
      const route = path.replace(/\{(\w+)\}/g, ":$1");
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content?.["application/json"]?.schema;
        for (const field of idFields(schema)) {
          if (field.path in REFERENCES) continue;
          const cases: MoveCase[] = ["into another session"];
          if (field.nullable) cases.push("to the top level");
          if (/:(contributionId|breakId)\b/.test(route)) cases.push("from the top level");
          for (const c of cases) {
            const has = TABLE.some(
              (r) =>
                r.method === method.toUpperCase() &&
                r.route === route &&
                r.move?.field === field.path &&
                r.move.case === c,
            );
            if (!has) missing.push(`${method.toUpperCase()} ${route} ${field.path}: ${c}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Body fields naming another object that give no rights by themselves, so moving "into" them is not a move. */
const REFERENCES: Record<string, string> = {
  typeId: "one of the event's session types, a label (typeOfEvent refuses another event's)",
  roomId: "the room directory, which anyone signed in may read",
};

/** Every body field whose name ends in Id or Ids, by its dotted path (through unions and objects). */
function idFields(schema: JsonSchema | undefined, prefix = ""): { path: string; nullable: boolean }[] {
  if (!schema) return [];
  const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  const nested = [...alternatives, ...(schema.items ? [schema.items] : [])].flatMap((s) => idFields(s, prefix));
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, s]) => [
    ...(/Ids?$/.test(name) ? [{ path: `${prefix}${name}`, nullable: s.nullable === true }] : []),
    ...idFields(s, `${prefix}${name}.`),
  ]);
  const unique = new Map([...nested, ...own].map((f) => [f.path, f]));
  return [...unique.values()];
}
