import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { eventLocation, groupBy, ownLocation, resolveLocation } from "../conference-core/present";
import type { BlockWithSession, ContributionRow, SpeakerRow } from "../conference-core/rows";
import { dayBounds, eventDays, localDayOf, parseInstant } from "../conference-core/time";
import { contributionPath, eventPath, sessionPath } from "../conferences/links";
import type { TimetableData } from "../timetable/assemble";

/**
 * The frab `schedule.json` (v1) of an event (peers.md §3; the c3voc schema `schedule.json`, draft-06): one frab
 * event per talk (or per block occurrence: `FrabGranularity`) and per top-level contribution, grouped by day of the
 * event's zone and by room. `frab-xml.ts` writes the same document as `schedule.xml`.
 * Pure: the part of the timetable the viewer may see in, the document out. The traps of peers.md §3.4 are
 * designed out: guids are stable per block occurrence (UUID v5 of the event and block ids), every time names its
 * offset, and nothing private goes in (no emails, no material links, no ids derived from emails).
 */

export const FRAB_SCHEMA_URL = "https://c3voc.de/schedule/schema.json";

/** Convene's UUID v5 namespace for frab guids (a fixed random UUID: the same installation-independent ids). */
const NAMESPACE = "0b5e6a52-3d1c-4f6e-9a8b-7c2d1e0f4a93";

/** A name-based UUID (RFC 4122 §4.3, version 5: SHA-1) of `name` in `namespace`. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll("-", ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface FrabPerson {
  name: string;
}

export interface FrabEvent {
  guid: string;
  id: number;
  date: string;
  start: string;
  end: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string | null;
  track: string | null;
  type: string;
  language: string | null;
  abstract: string | null;
  description: string | null;
  persons: FrabPerson[];
  links: { url: string; title?: string }[];
}

export interface FrabDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, FrabEvent[]>;
}

export interface FrabSchedule {
  $schema: string;
  generator: { name: string; version: string };
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      description?: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name?: string;
      url: string;
      rooms: { name: string; guid: string }[];
      days: FrabDay[];
    };
  };
}

/**
 * What one frab event is. `talks` (the default): each contribution scheduled in a block is its own event, with its
 * speakers and the block's session as its track, because recording and app teams treat a frab event as one talk;
 * a block with no contributions and a poster block (its posters hang side by side) stay one event. `blocks`: one
 * event per block occurrence, its contributions listed in the description.
 */
export const FRAB_GRANULARITIES = ["talks", "blocks"] as const;
export type FrabGranularity = (typeof FRAB_GRANULARITIES)[number];

export interface FrabOptions {
  /** BASE_URL of the installation (absolute page addresses). */
  baseUrl: string;
  /** Convene's version, for `generator`. */
  version: string;
  granularity?: FrabGranularity;
}

/** Where nothing names a location: frab needs a room for every event. */
export const NO_ROOM = "Room to be announced";
/** The timetable editor snaps to 5 minutes. */
const TIMESLOT = "00:05";

const ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
/** The schema's own pattern for `time_zone_name`: zones it does not accept are left out (the field is optional). */
const ZONE_NAME = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

function ascii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** `^[a-z0-9_-][a-z0-9_]{3,}`: the title in lower-case words joined by `_`, padded from the event id if short. */
export function acronymOf(title: string, eventId: string): string {
  let acronym = ascii(title)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  if (acronym.length < 4) acronym = `${acronym}${acronym ? "_" : ""}${eventId.replaceAll("-", "").slice(0, 8)}`;
  return ACRONYM.test(acronym) ? acronym : `event_${eventId.replaceAll("-", "").slice(0, 8)}`;
}

/** `^[a-z0-9_-]+[a-z0-9]$`. */
function slugOf(acronym: string, id: number, title: string): string {
  const words = ascii(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/[-_]+$/, "");
  return words ? `${acronym}-${id}-${words}` : `${acronym}-${id}`;
}

/** `H:MM` (at least two hour digits, as frab writes it). */
export function frabDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The instant with the zone's offset, e.g. `2026-03-27T10:00:00+01:00`. */
function withOffset(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toISO({ suppressMilliseconds: true }) as string;
}

function fromMinutes(minutes: number): string {
  return new Date(minutes * 60_000).toISOString();
}

/** A positive 31-bit integer from a guid (frab's deprecated `id`), moved on deterministically on a collision. */
function assignIds(guids: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const guid of [...guids].sort()) {
    let id = (Number.parseInt(guid.replaceAll("-", "").slice(0, 8), 16) % 2_147_483_646) + 1;
    while (taken.has(id)) id = (id % 2_147_483_646) + 1;
    taken.add(id);
    ids.set(guid, id);
  }
  return ids;
}

function names(people: readonly { name: string }[]): FrabPerson[] {
  const seen = new Set<string>();
  const out: FrabPerson[] = [];
  for (const p of people) {
    const name = p.name.trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ name });
  }
  return out;
}

const orNull = (text: string) => (text.trim() === "" ? null : text);

/** The frab schedule of what `data` holds (already cut to what the viewer may see). */
export function buildFrabSchedule(data: TimetableData, opts: FrabOptions): FrabSchedule {
  const { event } = data;
  const zone = event.time_zone;
  const base = opts.baseUrl.replace(/\/+$/, "");
  const acronym = acronymOf(event.title, event.id);
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const conveners = groupBy(data.conveners, (c) => c.block_id);
  const speakers = groupBy(data.speakers, (s) => s.contribution_id);
  const byBlock = groupBy(data.contributions, (c) => c.block_id);
  const speakersOf = (c: ContributionRow): readonly SpeakerRow[] => speakers.get(c.id) ?? [];

  interface Draft extends Omit<FrabEvent, "id" | "slug"> {
    day: string;
  }
  const drafts: Draft[] = [];
  const timed = (startAt: string, minutes: number) => {
    const start = parseInstant(startAt) ?? 0;
    const endIso = fromMinutes(start + minutes);
    return {
      day: localDayOf(start, zone),
      date: withOffset(startAt, zone),
      start: DateTime.fromISO(startAt, { zone: "utc" }).setZone(zone).toFormat("HH:mm"),
      end: withOffset(endIso, zone),
      duration: frabDuration(minutes),
    };
  };

  for (const b of data.blocks as readonly BlockWithSession[]) {
    const session = sessions.get(b.session_id);
    if (!session) continue;
    const location = resolveLocation(
      [ownLocation("block", b), ownLocation("session", session), eventLocation(event)],
      data.rooms,
    );
    const inside = [...(byBlock.get(b.id) ?? [])].sort(
      (x, y) => (x.start_at ?? "").localeCompare(y.start_at ?? "") || x.title.localeCompare(y.title),
    );
    const blockConveners = conveners.get(b.id) ?? [];
    if (opts.granularity !== "blocks" && !b.is_poster && inside.length > 0) {
      const chairs = names(blockConveners).map((p) => p.name);
      const context = `${session.title}${b.title.trim() ? `: ${b.title.trim()}` : ""}${
        chairs.length ? ` (chaired by ${chairs.join(", ")})` : ""
      }`;
      for (const c of inside) {
        drafts.push({
          guid: uuidV5(`${event.id}/contribution/${c.id}`),
          ...timed(c.start_at as string, c.duration_minutes),
          room: location?.label ?? NO_ROOM,
          url: `${base}${contributionPath(event.id, c.id)}`,
          title: c.title,
          subtitle: null,
          track: session.title,
          type: "talk",
          language: null,
          abstract: orNull(c.description),
          description: `Part of ${context}.`,
          persons: names(speakersOf(c)),
          links: [],
        });
      }
      continue;
    }
    const programme = inside.map((c) => {
      const t = timed(c.start_at as string, c.duration_minutes);
      const who = speakersOf(c).map((p) => p.name);
      return `${t.start} ${c.title}${who.length ? ` (${who.join(", ")})` : ""}`;
    });
    drafts.push({
      guid: uuidV5(`${event.id}/block/${b.id}`),
      ...timed(b.start_at, b.duration_minutes),
      room: location?.label ?? NO_ROOM,
      url: `${base}${sessionPath(event.id, session.id)}`,
      title: session.title,
      subtitle: orNull(b.title),
      track: session.type_name ?? null,
      type: b.is_poster ? "poster" : "session",
      language: null,
      abstract: orNull(session.description),
      description: programme.length ? programme.join("\n") : null,
      persons: names([...blockConveners, ...inside.flatMap((c) => [...speakersOf(c)])]),
      links: [],
    });
  }
  for (const c of data.contributions) {
    if (c.block_id !== null || c.start_at === null) continue;
    const location = resolveLocation([eventLocation(event)], data.rooms);
    drafts.push({
      guid: uuidV5(`${event.id}/contribution/${c.id}`),
      ...timed(c.start_at, c.duration_minutes),
      room: location?.label ?? NO_ROOM,
      url: `${base}${contributionPath(event.id, c.id)}`,
      title: c.title,
      subtitle: null,
      track: null,
      type: "talk",
      language: null,
      abstract: orNull(c.description),
      description: null,
      persons: names(speakersOf(c)),
      links: [],
    });
  }

  const ids = assignIds(drafts.map((d) => d.guid));
  const roomNames = [...new Set(drafts.map((d) => d.room))].sort((a, b) => a.localeCompare(b));
  const byDay = groupBy(drafts, (d) => d.day);
  const start = parseInstant(event.start_at) ?? 0;
  const end = parseInstant(event.end_at) ?? 0;
  const days: FrabDay[] = eventDays({ startAt: event.start_at, endAt: event.end_at, timeZone: zone }).map((day, i) => {
    const bounds = dayBounds(day, zone);
    const rooms: Record<string, FrabEvent[]> = {};
    const onDay = [...(byDay.get(day) ?? [])].sort(
      (a, b) => (parseInstant(a.date) ?? 0) - (parseInstant(b.date) ?? 0) || a.guid.localeCompare(b.guid),
    );
    for (const room of roomNames) {
      const list = onDay.filter((d) => d.room === room);
      if (list.length === 0) continue;
      rooms[room] = list.map(({ day: _d, ...d }) => {
        const id = ids.get(d.guid) as number;
        return {
          guid: d.guid,
          id,
          date: d.date,
          start: d.start,
          end: d.end,
          duration: d.duration,
          room: d.room,
          slug: slugOf(acronym, id, d.title),
          url: d.url,
          title: d.title,
          subtitle: d.subtitle,
          track: d.track,
          type: d.type,
          language: d.language,
          abstract: d.abstract,
          description: d.description,
          persons: d.persons,
          links: d.links,
        };
      });
    }
    return {
      index: i + 1,
      date: day,
      day_start: withOffset(fromMinutes(Math.max(bounds.start, start)), zone),
      day_end: withOffset(fromMinutes(Math.min(bounds.end, end)), zone),
      rooms,
    };
  });

  const conference: FrabSchedule["schedule"]["conference"] = {
    acronym,
    title: event.title,
    ...(event.description.trim() ? { description: event.description } : {}),
    start: localDayOf(start, zone),
    end: localDayOf(Math.max(start, end - 1), zone),
    daysCount: days.length,
    timeslot_duration: TIMESLOT,
    ...(ZONE_NAME.test(zone) ? { time_zone_name: zone } : {}),
    url: `${base}${eventPath(event.id)}`,
    rooms: roomNames.map((name) => ({ name, guid: uuidV5(`${event.id}/room/${name}`) })),
    days,
  };
  // The version changes exactly when the content does, so consumers can tell a new schedule from a repeat.
  const version = createHash("sha256").update(JSON.stringify(conference)).digest("hex").slice(0, 12);
  return {
    $schema: FRAB_SCHEMA_URL,
    generator: { name: "Convene", version: opts.version },
    schedule: { version, base_url: `${base}/`, conference },
  };
}
