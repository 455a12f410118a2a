import type { CommunitySession } from "../src/shared/schemas/community-sessions";
import { type Agent, signedInAgent, type TestServer } from "./harness";

/** A start far enough ahead that registration is open, as a wall-clock time in New York. */
export function futureLocal(daysAhead = 30, time = "18:30"): string {
  const d = new Date(Date.now() + daysAhead * 24 * 3600_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** Creates a session through the API as `admin` and opens it; returns its DTO. */
export async function buildOpenSession(admin: Agent, fields: Record<string, unknown> = {}): Promise<CommunitySession> {
  const created = await admin.post<CommunitySession>("/api/v1/community/sessions", {
    title: "Peer talks",
    startsLocal: futureLocal(),
    meetingUrl: "https://meet.example.org/peer-talks",
    meetingPassword: "sesame",
    ...fields,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const opened = await admin.post<CommunitySession>(`/api/v1/community/sessions/${created.body.id}/status`, {
    action: "open",
  });
  if (opened.status !== 200) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body;
}

export async function settings(server: TestServer, admin: Agent, features: Record<string, unknown>): Promise<void> {
  const res = await admin.patch("/api/v1/admin/settings", { features });
  if (res.status !== 200) throw new Error(`settings failed: ${res.status} ${JSON.stringify(res.body)}`);
  void server;
}

let titleCounter = 0;
/** A session title no other test uses, so lists, searches and emails can be told apart. */
export function uniqueTitle(prefix = "Session"): string {
  titleCounter += 1;
  return `${prefix} ${Date.now().toString(36)}-${titleCounter}`;
}

/** A wall-clock time `minutes` from now in UTC, for sessions whose Timezone is "UTC" (negative: in the past). */
export function utcLocal(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);
}

/**
 * The server's clock, which a test moves forward to see a session start or end: a start in the past cannot be
 * set (issue 13, 7), so a session takes place by letting time pass. Give it to `useTestServer` and `reset` it
 * after each test (`afterEach`), so the next one starts at the real time.
 */
export function travellingClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    /** Time passes: `minutes` later for the server. */
    advance(minutes: number) {
      offsetMs += minutes * 60_000;
    },
    reset() {
      offsetMs = 0;
    },
  };
}

/** The emails `address` received whose subject mentions `title`. */
export function mailsAbout(server: TestServer, address: string, title: string) {
  return server.smtp.to(address).filter((m) => (m.subject ?? "").includes(title));
}

/** Every email (to anyone) whose subject mentions `title`. */
export function allMailsAbout(server: TestServer, title: string) {
  return server.smtp.messages.filter((m) => (m.subject ?? "").includes(title));
}

export interface AuditEntry {
  action: string;
  actorId: string | null;
  changes: Record<string, unknown>;
}

/** The audit entries of one community session, oldest first. */
export async function auditOf(admin: Agent, sessionId: string): Promise<AuditEntry[]> {
  const res = await admin.get<{ items: AuditEntry[] }>(
    `/api/v1/admin/audit?objectType=community_session&objectId=${sessionId}&limit=200`,
  );
  if (res.status !== 200) throw new Error(`audit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return [...res.body.items].reverse();
}

/** Signs up a member and registers them in `role`; fails loudly when the registration is refused. */
export async function registeredMember(
  server: TestServer,
  sessionId: string,
  role: "host" | "presenter" | "interviewer" | "guest",
  opts: Parameters<typeof signedInAgent>[1] & { fields?: Record<string, unknown> } = {},
): Promise<Awaited<ReturnType<typeof signedInAgent>>> {
  const { fields, ...who } = opts;
  const m = await signedInAgent(server, who);
  const res = await m.agent.post(`/api/v1/community/sessions/${sessionId}/registrations`, { role, ...fields });
  if (res.status !== 201) throw new Error(`register ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return m;
}
