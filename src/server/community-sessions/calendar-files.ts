import type { OutboundEmail } from "../mail/message";
import type { Config } from "../platform/config";
import { buildIcs, type CalendarEntry, type IcsMethod } from "../platform/ics";
import type { SessionRow } from "./queries";

/** One UID per session, the same in every invitation, feed and download, so calendars update one entry. */
export function sessionUid(config: Pick<Config, "baseUrl">, sessionId: string): string {
  return `community-session-${sessionId}@${new URL(config.baseUrl).hostname || "convene"}`;
}

export function sessionEntry(
  config: Pick<Config, "baseUrl">,
  row: SessionRow,
  opts: { withMeeting: boolean },
): CalendarEntry | null {
  if (!row.starts_at || !row.ends_at) return null;
  const url = `${config.baseUrl}/sessions/${row.id}`;
  const meeting =
    opts.withMeeting && row.meeting_url
      ? [`Meeting: ${row.meeting_url}`, row.meeting_password ? `Password: ${row.meeting_password}` : ""]
          .filter(Boolean)
          .join("\n")
      : "";
  return {
    uid: sessionUid(config, row.id),
    sequence: row.ics_sequence,
    title: row.title,
    description: [row.description.trim(), meeting, `Session page: ${url}`].filter(Boolean).join("\n\n"),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    url,
    location: opts.withMeeting ? row.meeting_url : null,
    cancelled: row.status === "cancelled",
  };
}

const FILENAME: Record<IcsMethod, string> = { REQUEST: "invite.ics", CANCEL: "cancel.ics", PUBLISH: "offer.ics" };

/**
 * The iTIP part of a community email (platform.md, Calendar invitations): REQUEST for a registration or a
 * change, CANCEL when the session or the registration is cancelled. Meeting details only go with a REQUEST to
 * a participant who has an account (`withMeeting: false` for an invited address that has none yet).
 */
export function sessionInvite(
  config: Pick<Config, "baseUrl" | "mailFrom">,
  row: SessionRow,
  attendee: { name: string | null; email: string },
  organizerName: string,
  method: IcsMethod,
  opts: { withMeeting?: boolean } = {},
): Pick<OutboundEmail, "icalEvent"> {
  const found = sessionEntry(config, row, { withMeeting: method === "REQUEST" && opts.withMeeting !== false });
  if (!found) return {};
  // A PUBLISH is a place on offer: the calendar shows it pencilled in until it is accepted (REQUEST) or lapses.
  const entry = method === "PUBLISH" ? { ...found, tentative: true } : found;
  const organizer = { name: organizerName, email: config.mailFrom };
  const content = buildIcs([entry], { method, attendee, organizer, timeZone: row.time_zone });
  return { icalEvent: { method, content, filename: FILENAME[method] } };
}
