import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";

/** One calendar entry as Convene describes it, whatever produced it (community session, block, …). */
export interface CalendarEntry {
  /** Stable across every change, so calendars update the entry instead of adding another. */
  uid: string;
  /** Increases with each change of the entry (RFC 5546 §2.1.4). */
  sequence: number;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  url: string;
  location?: string | null;
  cancelled?: boolean;
}

export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export interface IcsOptions {
  method?: IcsMethod;
  /** Calendar name for feeds. */
  name?: string;
  organizer?: { name: string; email: string };
  attendee?: { name: string | null; email: string };
}

// The VTIMEZONE text of a zone is read from a file: keep each one after the first use.
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone) ?? null;
}

/**
 * An iCalendar document (RFC 5545) with each entry's start and end in its own zone (TZID plus the zone's
 * VTIMEZONE), so ordinary calendars show the right local time across DST changes.
 */
export function buildIcs(entries: CalendarEntry[], opts: IcsOptions = {}): string {
  const cal = ical({
    prodId: { company: "Convene", product: "Convene", language: "EN" },
    // ical-generator writes the calendar name unescaped: a line break in it would break the document.
    name: opts.name ? opts.name.replace(/[\r\n]+/g, " ") : null,
    timezone: { name: null, generator: vtimezone },
  });
  if (opts.method && opts.method !== "PUBLISH") cal.method(ICalCalendarMethod[opts.method]);
  else if (opts.method === "PUBLISH") cal.method(ICalCalendarMethod.PUBLISH);
  for (const e of entries) {
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      // luxon DateTimes in the entry's zone make ical-generator write DTSTART;TZID=zone:local-time.
      start: DateTime.fromISO(e.startsAt, { zone: "utc" }).setZone(e.timeZone),
      end: DateTime.fromISO(e.endsAt, { zone: "utc" }).setZone(e.timeZone),
      timezone: e.timeZone,
      summary: e.title,
      description: e.description,
      url: e.url,
      location: e.location ?? null,
      status: e.cancelled || opts.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: DateTime.utc(),
    });
    if (opts.organizer) event.organizer({ name: opts.organizer.name, email: opts.organizer.email });
    if (opts.attendee) {
      event.createAttendee({ email: opts.attendee.email, name: opts.attendee.name ?? undefined, rsvp: false });
    }
  }
  return cal.toString();
}
