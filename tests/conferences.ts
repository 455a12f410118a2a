import { DateTime } from "luxon";
import { expect } from "vitest";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent, SessionType } from "../src/shared/schemas/conference-events";
import type { ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import type { Agent, Response } from "./harness";

/**
 * Builders for conference API tests: each test builds its own event through the API (style.md §3.3).
 * Times are written as wall-clock times in Berlin, the way organisers read them.
 */

export const BERLIN = "Europe/Berlin";

/** `2026-03-27 09:00` in Berlin as an instant with its offset (`2026-03-27T09:00:00+01:00`). */
export function at(text: string, zone = BERLIN): string {
  const dt = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone });
  if (!dt.isValid) throw new RangeError(`not a time: ${text}`);
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** The same instant as the API returns it (UTC, `toISOString`). */
export function utc(text: string, zone = BERLIN): string {
  return new Date(at(text, zone)).toISOString();
}

/** Wall-clock `yyyy-MM-dd HH:mm` in Berlin of an instant. */
export function wall(iso: string, zone = BERLIN): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd HH:mm");
}

/** Fails with the response body when the status is not the expected one, then returns the body. */
export function ok<T>(res: Response<T>, status = 200): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}-${counter}`;
}

/**
 * A conference in Berlin from Fri 27 to Tue 31 March 2026, 09:00–18:00 (Sun 29 March is the spring DST day),
 * created by an admin; `published` publishes its timetable.
 */
export async function buildEvent(admin: Agent, fields: Record<string, unknown> = {}): Promise<ConferenceEvent> {
  return ok(
    await admin.post<ConferenceEvent>("/api/v1/events", {
      title: uniqueName("Conference"),
      startAt: at("2026-03-27 09:00"),
      endAt: at("2026-03-31 18:00"),
      timeZone: BERLIN,
      ...fields,
    }),
    201,
  );
}

export async function buildSession(
  agent: Agent,
  eventId: string,
  fields: Record<string, unknown> = {},
): Promise<ConferenceSession> {
  return ok(
    await agent.post<ConferenceSession>(`/api/v1/events/${eventId}/sessions`, {
      title: uniqueName("Session"),
      ...fields,
    }),
    201,
  );
}

export async function buildType(
  agent: Agent,
  eventId: string,
  fields: Record<string, unknown> = {},
): Promise<SessionType> {
  return ok(
    await agent.post<SessionType>(`/api/v1/events/${eventId}/session-types`, { name: uniqueName("Type"), ...fields }),
    201,
  );
}

export async function buildBlock(
  agent: Agent,
  eventId: string,
  sessionId: string,
  fields: Record<string, unknown> = {},
): Promise<SessionBlock> {
  return ok(
    await agent.post<SessionBlock>(`/api/v1/events/${eventId}/sessions/${sessionId}/blocks`, {
      startAt: at("2026-03-27 09:00"),
      ...fields,
    }),
    201,
  );
}

export async function buildContribution(
  agent: Agent,
  eventId: string,
  fields: Record<string, unknown> = {},
): Promise<Contribution> {
  return ok(
    await agent.post<Contribution>(`/api/v1/events/${eventId}/contributions`, {
      title: uniqueName("Talk"),
      ...fields,
    }),
    201,
  );
}

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipartFile(
  filename: string,
  contentType: string,
  content: Buffer | string,
  field = "file",
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----convene${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export interface AuditItem {
  action: string;
  changes: Record<string, unknown>;
}

/** The audit entries of an event, oldest first. */
export async function eventAudit(admin: Agent, eventId: string): Promise<AuditItem[]> {
  const res = await admin.get<{ items: AuditItem[] }>(
    `/api/v1/admin/audit?objectType=event&objectId=${eventId}&limit=200`,
  );
  return [...ok(res).items].reverse();
}
