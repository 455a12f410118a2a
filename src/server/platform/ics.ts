import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { vtimezone } from "./vtimezone";

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
  /** Not yet confirmed (a place offered from a waitlist): STATUS:TENTATIVE. */
  tentative?: boolean;
}

/** A published file (feed, download): no METHOD, so no ORGANIZER is owed (RFC 5546 §3.2.1). */
interface PublishedOptions {
  method?: undefined;
  /** Calendar name for feeds. */
  name?: string;
  /** The calendar's own zone: its VTIMEZONE is the component that keeps an empty calendar valid (RFC 5545 §3.6). */
  timeZone: string;
}

/** An iTIP message in an email (RFC 5546): METHOD with the ORGANIZER and ATTENDEE it requires. */
interface ItipOptions extends Omit<PublishedOptions, "method"> {
  /** PUBLISH: an entry offered, not an invitation (a waitlist offer); it names no attendee (RFC 5546 §3.2.1). */
  method: "REQUEST" | "CANCEL" | "PUBLISH";
  organizer: { name: string; email: string };
  attendee: { name: string | null; email: string };
}

export type IcsOptions = PublishedOptions | ItipOptions;
export type IcsMethod = ItipOptions["method"];

// A quoted parameter value (CN) cannot hold a double quote or a control character (RFC 5545 §3.2).
const paramText = (text: string) => text.replace(/"/g, "'").replace(/\p{Cc}+/gu, " ");
// ical-generator writes the calendar name as it is: escape it as TEXT (§3.3.11), line breaks becoming spaces.
const nameText = (text: string) => text.replace(/[\r\n]+/g, " ").replace(/[\\;,]/g, (c) => `\\${c}`);

/** The local years each zone's entries cover: the span its VTIMEZONE must describe. */
function yearsByZone(entries: readonly CalendarEntry[]): Map<string, { from: number; to: number }> {
  const years = new Map<string, { from: number; to: number }>();
  for (const e of entries) {
    const from = DateTime.fromISO(e.startsAt, { zone: e.timeZone }).year;
    const to = DateTime.fromISO(e.endsAt, { zone: e.timeZone }).year;
    const known = years.get(e.timeZone);
    years.set(e.timeZone, { from: Math.min(from, known?.from ?? from), to: Math.max(to, known?.to ?? to) });
  }
  return years;
}

/**
 * An iCalendar document (RFC 5545) with each entry's start and end in its own zone (TZID plus the zone's
 * VTIMEZONE), so ordinary calendars show the right local time across DST changes. Every line ends with CRLF,
 * the last one too.
 */
export function buildIcs(entries: CalendarEntry[], opts: IcsOptions): string {
  const now = DateTime.utc();
  const years = yearsByZone(entries);
  const thisYear = { from: now.year, to: now.year };
  const cal = ical({
    prodId: { company: "Convene", product: "Convene", language: "EN" },
    name: opts.name ? nameText(opts.name) : null,
    timezone: { name: null, generator: (zone) => vtimezone(zone, years.get(zone) ?? thisYear) },
  });
  if (opts.method) cal.method(ICalCalendarMethod[opts.method]);
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
      status:
        e.cancelled || opts.method === "CANCEL"
          ? ICalEventStatus.CANCELLED
          : e.tentative
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      stamp: now,
    });
    if (opts.method) {
      event.organizer({ name: paramText(opts.organizer.name), email: opts.organizer.email });
      if (opts.method === "PUBLISH") continue;
      const { name, email } = opts.attendee;
      event.createAttendee({ email, name: name ? paramText(name) : undefined, rsvp: false });
    }
  }
  let text = cal.toString();
  if (entries.length === 0) {
    const end = text.lastIndexOf("END:VCALENDAR");
    text = `${text.slice(0, end)}${vtimezone(opts.timeZone, thisYear)}\r\n${text.slice(end)}`;
  }
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
