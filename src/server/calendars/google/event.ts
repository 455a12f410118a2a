import type { calendar_v3 } from "@googleapis/calendar";
import { DateTime } from "luxon";
import { roleLabel } from "../../../shared/labels";
import { Role } from "../../../shared/schemas/community-sessions";

export interface SessionForCalendar {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  cancelled: boolean;
}

/** Google accepts ids of 5–1024 characters from a–v and 0–9; a UUID's hex digits qualify. */
export function googleEventId(sessionId: string): string {
  return `cs${sessionId.replaceAll("-", "").toLowerCase()}`;
}

/**
 * The community calendar's event for a session (community.md, Google Calendar sync): title, time in the
 * session's zone, participants by role and a link to the session page; never the meeting URL or password.
 */
export function googleEventBody(
  s: SessionForCalendar,
  participants: { name: string | null; role: Role; presenterOrder: number | null }[],
  sessionUrl: string,
): calendar_v3.Schema$Event {
  const byRole = Role.options
    .map((role) => {
      const names = participants
        .filter((p) => p.role === role)
        .sort((a, b) => (a.presenterOrder ?? 0) - (b.presenterOrder ?? 0))
        .map((p) => p.name ?? "(name not given yet)");
      return names.length ? `${roleLabel(role, names.length)}: ${names.join(", ")}` : null;
    })
    .filter((line): line is string => line !== null);
  const local = (iso: string) =>
    DateTime.fromISO(iso, { zone: "utc" }).setZone(s.timeZone).toISO({ suppressMilliseconds: true });
  return {
    id: googleEventId(s.id),
    summary: s.title,
    description: [
      s.description.trim(),
      byRole.length ? byRole.join("\n") : "No participants yet.",
      `Session page: ${sessionUrl}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    start: { dateTime: local(s.startsAt), timeZone: s.timeZone },
    end: { dateTime: local(s.endsAt), timeZone: s.timeZone },
    status: s.cancelled ? "cancelled" : "confirmed",
    source: { title: s.title, url: sessionUrl },
  };
}
