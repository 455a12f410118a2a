import { eventLocation, groupBy, ownLocation, resolveLocation } from "../conference-core/present";
import type { ContributionRow } from "../conference-core/rows";
import { formatLocalTime, parseInstant } from "../conference-core/time";
import { absolute, contributionPath, sessionPath } from "../conferences/links";
import type { CalendarEntry } from "../platform/ics";
import type { TimetableData } from "../timetable/assemble";

/**
 * Calendar entries of a conference (conferences.md, Exports; indico.md §5.6): one per session block and one per
 * top-level contribution, each with a UID that never changes (the event feed, the session file and the personal
 * feed name the same block the same way, so calendars update it instead of adding another).
 */

function host(baseUrl: string): string {
  return new URL(baseUrl).hostname || "convene";
}

export const blockUid = (baseUrl: string, blockId: string) => `conference-block-${blockId}@${host(baseUrl)}`;
export const contributionUid = (baseUrl: string, id: string) => `conference-contribution-${id}@${host(baseUrl)}`;

export interface EntryFilter {
  /** Only these blocks (default: every block in `data`). */
  blockIds?: ReadonlySet<string>;
  /** Only these top-level contributions (default: every top-level contribution in `data`). */
  contributionIds?: ReadonlySet<string>;
}

/** The entries of what `data` holds (already cut to what the reader may see). */
export function conferenceEntries(data: TimetableData, baseUrl: string, filter: EntryFilter = {}): CalendarEntry[] {
  const { event } = data;
  const zone = event.time_zone;
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const conveners = groupBy(data.conveners, (c) => c.block_id);
  const speakers = groupBy(data.speakers, (s) => s.contribution_id);
  const byBlock = groupBy(data.contributions, (c) => c.block_id);
  const people = (list: readonly { name: string; affiliation: string }[]) =>
    list.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(", ");
  const time = (iso: string, minutes: number) => {
    const start = parseInstant(iso) ?? 0;
    return `${formatLocalTime(start, zone)}–${formatLocalTime(start + minutes, zone)}`;
  };
  const line = (c: ContributionRow) => {
    const who = people(speakers.get(c.id) ?? []);
    return `${time(c.start_at as string, c.duration_minutes)} ${c.title}${who ? `: ${who}` : ""}`;
  };
  const entries: CalendarEntry[] = [];
  for (const b of data.blocks) {
    if (filter.blockIds && !filter.blockIds.has(b.id)) continue;
    const session = sessions.get(b.session_id);
    if (!session) continue;
    const url = absolute(baseUrl, sessionPath(event.id, session.id));
    const inside = [...(byBlock.get(b.id) ?? [])].sort((x, y) => (x.start_at ?? "").localeCompare(y.start_at ?? ""));
    const convenerList = people(conveners.get(b.id) ?? []);
    const end = new Date(Date.parse(b.start_at) + b.duration_minutes * 60_000).toISOString();
    entries.push({
      uid: blockUid(baseUrl, b.id),
      // Stored, raised by every change the entry shows (conference-core/sequences.queries.ts): it never falls.
      sequence: b.ics_sequence,
      title: b.title ? `${session.title}: ${b.title}` : session.title,
      description: [
        session.description.trim(),
        convenerList ? `Conveners: ${convenerList}` : "",
        inside.length ? inside.map(line).join("\n") : "",
        `Session page: ${url}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
      startsAt: b.start_at,
      endsAt: end,
      timeZone: zone,
      url,
      location:
        resolveLocation([ownLocation("block", b), ownLocation("session", session), eventLocation(event)], data.rooms)
          ?.label ?? null,
    });
  }
  for (const c of data.contributions) {
    if (c.block_id !== null || c.start_at === null) continue;
    if (filter.contributionIds && !filter.contributionIds.has(c.id)) continue;
    const url = absolute(baseUrl, contributionPath(event.id, c.id));
    const who = people(speakers.get(c.id) ?? []);
    entries.push({
      uid: contributionUid(baseUrl, c.id),
      sequence: c.ics_sequence,
      title: c.title,
      description: [c.description.trim(), who ? `Speakers: ${who}` : "", `Details: ${url}`]
        .filter(Boolean)
        .join("\n\n"),
      startsAt: c.start_at,
      endsAt: new Date(Date.parse(c.start_at) + c.duration_minutes * 60_000).toISOString(),
      timeZone: zone,
      url,
      location: resolveLocation([eventLocation(event)], data.rooms)?.label ?? null,
    });
  }
  return entries.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.uid.localeCompare(b.uid));
}
