import type { Material } from "../../shared/schemas/conference-sessions";
import type {
  EventTimetable,
  SessionTimetable,
  TimetableBlock,
  TimetableDay,
  TimetableTopEntry,
} from "../../shared/schemas/timetable";
import type { MaterialWithUploader } from "../conference-core/materials.queries";
import {
  eventLocation,
  groupBy,
  ownLocation,
  resolveLocation,
  roomLabel,
  timesOf,
  toMaterial,
  toPerson,
} from "../conference-core/present";
import type {
  BlockWithSession,
  BreakRow,
  ContributionRow,
  ConvenerRow,
  EventRow,
  RoomRow,
  SessionWithType,
  SpeakerRow,
} from "../conference-core/rows";
import { dayBounds, eventDays, localDayOf, parseInstant, toInstant } from "../conference-core/time";
import { layoutParallel, type ParallelItem, roomDoubleUse } from "./parallel";

/**
 * The timetable as the API sends it, assembled in memory from one load per table (conferences.md, "Event
 * timetable"; indico.md §5.4). Pure: rows in, shapes out.
 */

/** Everything the timetable shows, one list per table, for one event. */
export interface TimetableData {
  event: EventRow;
  rooms: ReadonlyMap<string, RoomRow>;
  sessions: readonly SessionWithType[];
  blocks: readonly BlockWithSession[];
  conveners: readonly ConvenerRow[];
  /** Scheduled contributions only. */
  contributions: readonly ContributionRow[];
  speakers: readonly SpeakerRow[];
  breaks: readonly BreakRow[];
  materials: readonly MaterialWithUploader[];
}

/**
 * What one viewer may see of the timetable (indico.md §4): the blocks, entries and materials of the sessions in
 * `sessionIds`, and the top level (contributions without a session, top-level breaks) only when `topLevel`.
 */
export function visiblePart(data: TimetableData, sessionIds: ReadonlySet<string>, topLevel: boolean): TimetableData {
  const blocks = data.blocks.filter((b) => sessionIds.has(b.session_id));
  const blockIds = new Set(blocks.map((b) => b.id));
  const contributions = data.contributions.filter((c) =>
    c.block_id !== null ? blockIds.has(c.block_id) : topLevel && c.session_id === null,
  );
  const contributionIds = new Set(contributions.map((c) => c.id));
  return {
    ...data,
    sessions: data.sessions.filter((s) => sessionIds.has(s.id)),
    blocks,
    conveners: data.conveners.filter((c) => blockIds.has(c.block_id)),
    contributions,
    speakers: data.speakers.filter((s) => contributionIds.has(s.contribution_id)),
    breaks: data.breaks.filter((b) => (b.block_id !== null ? blockIds.has(b.block_id) : topLevel)),
    materials: data.materials.filter((m) => sessionIds.has(m.session_id)),
  };
}

export interface AssembleOptions {
  /** Emails of conveners and speakers are for the event's managers only (indico.md §5.4). */
  showEmails: boolean;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Posters by board number (natural: "P2" before "P10"; none last), then title. */
function byBoard(a: ContributionRow, b: ContributionRow): number {
  const aEmpty = a.board_number === "";
  const bEmpty = b.board_number === "";
  if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
  return (
    collator.compare(a.board_number, b.board_number) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1)
  );
}

const byStart = <T extends { start_at: string | null; id: string }>(a: T, b: T) =>
  (a.start_at ?? "").localeCompare(b.start_at ?? "") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type Unplaced<T> = Omit<T, "column" | "columns" | "roomDoubleBooked">;

/** Every block of `data` with its conveners, the session's colours and materials, and its entries. */
function buildBlocks(data: TimetableData, opts: AssembleOptions): Map<string, Unplaced<TimetableBlock>> {
  const zone = data.event.time_zone;
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const conveners = groupBy(data.conveners, (c) => c.block_id);
  const speakers = groupBy(data.speakers, (s) => s.contribution_id);
  const contributionsByBlock = groupBy(data.contributions, (c) => c.block_id);
  const breaksByBlock = groupBy(data.breaks, (b) => b.block_id);
  const materialsBySession = new Map<string, Material[]>();
  for (const [sessionId, list] of groupBy(data.materials, (m) => m.session_id)) {
    materialsBySession.set(
      sessionId,
      list.map((m) => toMaterial(data.event.id, m)),
    );
  }
  const blocks = new Map<string, Unplaced<TimetableBlock>>();
  for (const b of data.blocks) {
    const session = sessions.get(b.session_id);
    if (!session) continue;
    const contributions = [...(contributionsByBlock.get(b.id) ?? [])].sort(b.is_poster ? byBoard : byStart);
    const breaks = [...(breaksByBlock.get(b.id) ?? [])].sort(byStart);
    const children = [
      ...contributions.map((c) => contributionEntry(c, speakers.get(c.id) ?? [], zone, opts)),
      ...breaks.map((r) => breakEntry(r, zone)),
    ];
    if (!b.is_poster) children.sort((x, y) => x.startAt.localeCompare(y.startAt) || (x.id < y.id ? -1 : 1));
    blocks.set(b.id, {
      kind: "block",
      id: b.id,
      sessionId: session.id,
      sessionTitle: session.title,
      sessionCode: session.code,
      sessionType:
        session.type_id !== null && session.type_name !== null
          ? { id: session.type_id, name: session.type_name, code: session.type_code ?? "" }
          : null,
      title: b.title,
      fullTitle: b.title ? `${session.title}: ${b.title}` : session.title,
      ...timesOf(b.start_at, b.duration_minutes, zone),
      displayOrder: b.display_order,
      isPoster: b.is_poster,
      colours: { text: session.text_color, background: session.background_color },
      location: resolveLocation(
        [ownLocation("block", b), ownLocation("session", session), eventLocation(data.event)],
        data.rooms,
      ),
      conveners: (conveners.get(b.id) ?? []).map((c) => toPerson(c, opts.showEmails)),
      materials: materialsBySession.get(session.id) ?? [],
      children,
    });
  }
  return blocks;
}

function contributionEntry(c: ContributionRow, speakers: readonly SpeakerRow[], zone: string, opts: AssembleOptions) {
  return {
    kind: "contribution" as const,
    id: c.id,
    title: c.title,
    ...timesOf(c.start_at as string, c.duration_minutes, zone),
    sessionId: c.session_id,
    boardNumber: c.board_number,
    speakers: speakers.map((s) => toPerson(s, opts.showEmails)),
  };
}

function breakEntry(b: BreakRow, zone: string) {
  return {
    kind: "break" as const,
    id: b.id,
    title: b.title,
    ...timesOf(b.start_at, b.duration_minutes, zone),
    colours: { text: b.text_color, background: b.background_color },
  };
}

type TopItem = ParallelItem & { entry: Unplaced<TimetableTopEntry>; roomId: string | null };

/**
 * Lays out one day's top-level items side by side (layoutParallel) and flags double use of a room. Breaks never
 * count as using a room: people leave the room for them.
 */
function layDay(items: readonly TopItem[], doubleBooked: ReadonlySet<string>): TimetableTopEntry[] {
  return layoutParallel(items).map(
    ({ item, column, columns }) =>
      ({ ...item.entry, column, columns, roomDoubleBooked: doubleBooked.has(item.id) }) as TimetableTopEntry,
  );
}

function topItems(data: TimetableData, blocks: ReadonlyMap<string, Unplaced<TimetableBlock>>, opts: AssembleOptions) {
  const zone = data.event.time_zone;
  const speakers = groupBy(data.speakers, (s) => s.contribution_id);
  const eventRoom = data.event.room_id;
  const items: TopItem[] = [];
  for (const block of blocks.values()) {
    items.push({
      id: block.id,
      startAt: block.startAt,
      durationMinutes: block.durationMinutes,
      order: block.displayOrder,
      sessionCode: block.sessionCode,
      title: block.fullTitle,
      entry: block,
      roomId: block.location?.roomId ?? null,
    });
  }
  for (const c of data.contributions) {
    if (c.block_id !== null || c.start_at === null) continue;
    items.push({
      id: c.id,
      startAt: c.start_at,
      durationMinutes: c.duration_minutes,
      order: 0,
      sessionCode: "",
      title: c.title,
      entry: contributionEntry(c, speakers.get(c.id) ?? [], zone, opts),
      roomId: eventRoom,
    });
  }
  for (const b of data.breaks) {
    if (b.block_id !== null) continue;
    items.push({
      id: b.id,
      startAt: b.start_at,
      durationMinutes: b.duration_minutes,
      order: 0,
      sessionCode: "",
      title: b.title,
      entry: breakEntry(b, zone),
      roomId: null,
    });
  }
  return items;
}

function eventSummary(event: EventRow): EventTimetable["event"] {
  return {
    id: event.id,
    title: event.title,
    timeZone: event.time_zone,
    startAt: event.start_at,
    endAt: event.end_at,
    timetablePublished: event.timetable_published === 1,
  };
}

function dayOf(item: { startAt: string }, zone: string): string {
  return localDayOf(parseInstant(item.startAt) ?? 0, zone);
}

function daySpan(day: string, zone: string) {
  const bounds = dayBounds(day, zone);
  return { startAt: toInstant(bounds.start), endAt: toInstant(bounds.end) };
}

/**
 * The event timetable: a day per local day of the event, each with its top-level blocks, contributions and breaks
 * laid out side by side; blocks carry their session's colours and materials, conveners and entries; poster
 * blocks list their posters by board number; double use of a room is flagged.
 */
export function assembleEventTimetable(
  data: TimetableData,
  opts: AssembleOptions & { manage: boolean },
): EventTimetable {
  const zone = data.event.time_zone;
  const blocks = buildBlocks(data, opts);
  const items = topItems(data, blocks, opts);
  const conflicts = roomDoubleUse(
    items.map((i) => ({ id: i.id, startAt: i.startAt, durationMinutes: i.durationMinutes, roomId: i.roomId })),
  );
  const doubleBooked = new Set(conflicts.flatMap((c) => [c.firstId, c.secondId]));
  const byDay = groupBy(items, (i) => dayOf(i, zone));
  const days: TimetableDay[] = eventDays({
    startAt: data.event.start_at,
    endAt: data.event.end_at,
    timeZone: zone,
  }).map((day) => ({ day, ...daySpan(day, zone), entries: layDay(byDay.get(day) ?? [], doubleBooked) }));
  return {
    event: eventSummary(data.event),
    days,
    roomConflicts: conflicts.map((c) => {
      const room = data.rooms.get(c.roomId);
      return { ...c, roomLabel: room ? roomLabel(room) : "Unknown room" };
    }),
    abilities: { manage: opts.manage },
  };
}

/** One session's blocks day by day, each laid out among the session's own parallel blocks (conferences.md). */
export function sessionBlocksByDay(
  data: TimetableData,
  sessionId: string,
  opts: AssembleOptions,
): { day: string; blocks: TimetableBlock[] }[] {
  const zone = data.event.time_zone;
  const blocks = buildBlocks({ ...data, blocks: data.blocks.filter((b) => b.session_id === sessionId) }, opts);
  const items = topItems({ ...data, contributions: [], breaks: [] }, blocks, opts);
  const byDay = groupBy(items, (i) => dayOf(i, zone));
  return [...byDay.keys()].sort().map((day) => ({
    day,
    blocks: layDay(byDay.get(day) ?? [], new Set()).filter((e): e is TimetableBlock => e.kind === "block"),
  }));
}

/** The session timetable (the clock icon): the session, then its blocks day by day (days without blocks left out). */
export function assembleSessionTimetable(
  data: TimetableData,
  session: SessionWithType,
  opts: AssembleOptions,
): Omit<SessionTimetable, "abilities"> {
  return {
    event: eventSummary(data.event),
    session: {
      id: session.id,
      title: session.title,
      code: session.code,
      isPoster: session.type_is_poster === 1,
      colours: { text: session.text_color, background: session.background_color },
    },
    days: sessionBlocksByDay(data, session.id, opts),
  };
}
