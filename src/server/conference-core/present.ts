import { DateTime } from "luxon";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type { ConferenceEvent, ResolvedLocation, Room } from "../../shared/schemas/conference-events";
import type { Material } from "../../shared/schemas/conference-sessions";
import type { Break, SessionBlock } from "../../shared/schemas/timetable";
import type { Actor } from "../permissions/actor";
import { can, type EventFacts } from "../permissions/policy";
import { renderMarkdown } from "../platform/markdown";
import type { MaterialWithUploader } from "./materials.queries";
import type { BlockRow, BreakRow, ContributionRow, ConvenerRow, EventRow, RoomRow, SpeakerRow } from "./rows";
import { eventDays } from "./time";

/** Mapping stored rows to the API's shapes (src/shared/schemas/conferences.ts). */

const cache = new Map<string, string>();

/** Wall-clock `yyyy-MM-ddTHH:mm` of a UTC instant in a zone. */
export function localOf(iso: string, zone: string): string {
  const key = `${iso}|${zone}`;
  let local = cache.get(key);
  if (local === undefined) {
    local = DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
    if (cache.size > 50_000) cache.clear();
    cache.set(key, local);
  }
  return local;
}

export function endOf(startAt: string, durationMinutes: number): string {
  return new Date(Date.parse(startAt) + durationMinutes * 60_000).toISOString();
}

/** Start, end and duration, as UTC instants and as wall-clock times in the event's zone. */
export function timesOf(startAt: string, durationMinutes: number, zone: string) {
  const endAt = endOf(startAt, durationMinutes);
  return { startAt, endAt, startLocal: localOf(startAt, zone), endLocal: localOf(endAt, zone), durationMinutes };
}

export function roomLabel(room: Pick<RoomRow, "name" | "venue_name">): string {
  return room.venue_name ? `${room.name} (${room.venue_name})` : room.name;
}

export function toRoom(row: RoomRow): Room {
  return { id: row.id, venueName: row.venue_name, name: row.name, capacity: row.capacity, label: roomLabel(row) };
}

/** Own location fields of an event, session or block. */
export interface OwnLocation {
  readonly source: ResolvedLocation["source"];
  readonly room_id: string | null;
  readonly location_text: string | null;
}

/** The first own location up the chain block → session → event (indico.md §1.8); null when none has one. */
export function resolveLocation(
  chain: readonly OwnLocation[],
  rooms: ReadonlyMap<string, RoomRow>,
): ResolvedLocation | null {
  for (const own of chain) {
    if (own.room_id) {
      const room = rooms.get(own.room_id);
      return { roomId: own.room_id, label: room ? roomLabel(room) : "Unknown room", source: own.source };
    }
    if (own.location_text) return { roomId: null, label: own.location_text, source: own.source };
  }
  return null;
}

export const eventLocation = (e: EventRow): OwnLocation => ({ source: "event", ...pickLocation(e) });
export const ownLocation = (
  source: OwnLocation["source"],
  r: { room_id: string | null; location_text: string | null },
) => ({ source, ...pickLocation(r) }) satisfies OwnLocation;
function pickLocation(r: { room_id: string | null; location_text: string | null }) {
  return { room_id: r.room_id, location_text: r.location_text };
}

/** A person on a block or contribution; the email only for those who manage the event (indico.md §5.4). */
export function toPerson(p: ConvenerRow | SpeakerRow, showEmail: boolean) {
  return { name: p.name, affiliation: p.affiliation, email: showEmail ? p.email : null };
}

export function eventAbilities(actor: Actor | null, facts: EventFacts) {
  return { manage: can(actor, "event.manage", facts), delete: can(actor, "event.delete", facts) };
}

export function toEventDto(
  row: EventRow,
  rooms: ReadonlyMap<string, RoomRow>,
  actor: Actor | null,
  facts: EventFacts,
): ConferenceEvent {
  const zone = row.time_zone;
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    startAt: row.start_at,
    endAt: row.end_at,
    startLocal: localOf(row.start_at, zone),
    endLocal: localOf(row.end_at, zone),
    timeZone: zone,
    days: eventDays({ startAt: row.start_at, endAt: row.end_at, timeZone: zone }),
    roomId: row.room_id,
    locationText: row.location_text,
    location: resolveLocation([eventLocation(row)], rooms),
    defaultContributionMinutes: row.default_contribution_minutes,
    timetablePublished: row.timetable_published === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: eventAbilities(actor, facts),
  };
}

/** Where a material is read: the link itself, or the file's download route. */
export function materialUrl(eventId: string, m: Pick<MaterialWithUploader, "id" | "kind" | "url">): string {
  return m.kind === "link" && m.url ? m.url : `/api/v1/events/${eventId}/materials/${m.id}/file`;
}

export function toMaterial(eventId: string, m: MaterialWithUploader): Material {
  return {
    id: m.id,
    sessionId: m.session_id,
    kind: m.kind,
    name: m.name,
    url: materialUrl(eventId, m),
    sizeBytes: m.size_bytes,
    contentType: m.content_type,
    uploadedBy: m.uploader_name,
    createdAt: m.created_at,
  };
}

export function toContribution(
  row: ContributionRow,
  speakers: readonly SpeakerRow[],
  zone: string,
  showEmail: boolean,
  notices: string[] = [],
): Contribution {
  const scheduled = row.start_at !== null;
  const t = row.start_at ? timesOf(row.start_at, row.duration_minutes, zone) : null;
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    description: row.description,
    durationMinutes: row.duration_minutes,
    sessionId: row.session_id,
    blockId: row.block_id,
    isScheduled: scheduled,
    startAt: t?.startAt ?? null,
    endAt: t?.endAt ?? null,
    startLocal: t?.startLocal ?? null,
    endLocal: t?.endLocal ?? null,
    boardNumber: row.board_number,
    speakers: speakers.map((s) => toPerson(s, showEmail)),
    notices,
  };
}

export function toBlock(
  row: BlockRow,
  conveners: readonly ConvenerRow[],
  location: ResolvedLocation | null,
  zone: string,
  showEmail: boolean,
  notices: string[] = [],
): SessionBlock {
  return {
    id: row.id,
    sessionId: row.session_id,
    title: row.title,
    ...timesOf(row.start_at, row.duration_minutes, zone),
    displayOrder: row.display_order,
    roomId: row.room_id,
    locationText: row.location_text,
    location,
    conveners: conveners.map((c) => toPerson(c, showEmail)),
    notices,
  };
}

export function toBreak(row: BreakRow, zone: string, notices: string[] = []): Break {
  return {
    id: row.id,
    blockId: row.block_id,
    title: row.title,
    ...timesOf(row.start_at, row.duration_minutes, zone),
    colours: { text: row.text_color, background: row.background_color },
    notices,
  };
}

/** Rows grouped by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
