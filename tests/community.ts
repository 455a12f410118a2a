import type { CommunitySession } from "../src/shared/schemas/community-sessions";
import type { Agent, TestServer } from "./harness";

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
