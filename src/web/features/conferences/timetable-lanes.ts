import { assignColumns } from "./timetable-editing";
import { roomKey } from "./timetable-filter";

/**
 * A day of the timetable editor in lanes, one per room, the way organisers think of a day with many parallel
 * tracks (conferences.md, "Timetable editor"; pretalx's editor does the same):
 * - a block with its own room (set on the block or its session; the event's default venue does not count) goes
 *   in that room's lane; rooms in natural order of their names ("Room 2" before "Room 10");
 * - an entry without a room that runs beside nothing else on the day (a plenary, the lunch break) spans every
 *   lane;
 * - the other entries without a room take lanes of their own after the rooms, first fit in the server's parallel
 *   order, so blocks the organiser ordered left to right stay so;
 * - two entries in one room at once (the room is double-booked, which the page reports) share its lane side by
 *   side.
 * Every entry is placed exactly once; a day with nothing on it still has one lane.
 */

interface LaneEntry {
  id: string;
  kind: string;
  startAt: string;
  endAt: string;
  location?: { roomId: string | null; label: string; source: string } | null;
}

export interface Lane {
  key: string;
  /** The room's name; "" for the lanes of entries without a room when no entry of the day has one. */
  label: string;
}

export interface LanePlacement<E> {
  entry: E;
  /** 0-based first lane, and how many lanes it covers. */
  lane: number;
  span: number;
  /** Side by side inside its lane (a double-booked room): its place and how many share the lane. */
  sub: number;
  subs: number;
  /** Placed by its room: its left-to-right place does not follow the parallel order. */
  byRoom: boolean;
}

const NO_ROOM_LABEL = "No room";

/** The lane key of an entry's own room, or null when it has none (the event's default venue is not a room of its own). */
export function roomKeyOf(entry: LaneEntry): { key: string; label: string } | null {
  const where = entry.kind === "block" ? entry.location : null;
  if (!where || where.source === "event") return null;
  return { key: roomKey(where), label: where.label };
}

const span = (e: LaneEntry) => ({ start: Date.parse(e.startAt), end: Date.parse(e.endAt) });

export function dayLanes<E extends LaneEntry>(entries: readonly E[]): { lanes: Lane[]; placed: LanePlacement<E>[] } {
  const rooms = new Map<string, { label: string; entries: E[] }>();
  const roomless: E[] = [];
  for (const entry of entries) {
    const room = roomKeyOf(entry);
    if (!room) {
      roomless.push(entry);
      continue;
    }
    const lane = rooms.get(room.key);
    if (lane) lane.entries.push(entry);
    else rooms.set(room.key, { label: room.label, entries: [entry] });
  }
  const roomLanes = [...rooms.entries()].sort(([, a], [, b]) =>
    a.label.localeCompare(b.label, undefined, { numeric: true, sensitivity: "base" }),
  );

  const apart = (a: E, b: E) => {
    const [x, y] = [span(a), span(b)];
    return x.end <= y.start || x.start >= y.end;
  };
  const spanning = roomless.filter((entry) => entries.every((other) => other === entry || apart(entry, other)));
  const rest = roomless.filter((e) => !spanning.includes(e));

  // First fit of the roomless entries into lanes of their own, in the server's order.
  const roomlessLanes: E[][] = [];
  for (const entry of rest) {
    const lane = roomlessLanes.find((l) => l.every((other) => apart(entry, other)));
    if (lane) lane.push(entry);
    else roomlessLanes.push([entry]);
  }

  const lanes: Lane[] = roomLanes.map(([key, r]) => ({ key, label: r.label }));
  const named = lanes.length > 0;
  roomlessLanes.forEach((_, i) => {
    lanes.push({
      key: `lane:${i}`,
      label: named ? (roomlessLanes.length > 1 ? `${NO_ROOM_LABEL} ${i + 1}` : NO_ROOM_LABEL) : "",
    });
  });
  if (lanes.length === 0) lanes.push({ key: "lane:0", label: "" });

  const placed: LanePlacement<E>[] = [];
  roomLanes.forEach(([, r], lane) => {
    for (const { entry, column, columns } of assignColumns(r.entries))
      placed.push({ entry, lane, span: 1, sub: column, subs: columns, byRoom: true });
  });
  roomlessLanes.forEach((l, i) => {
    for (const entry of l) placed.push({ entry, lane: roomLanes.length + i, span: 1, sub: 0, subs: 1, byRoom: false });
  });
  for (const entry of spanning) placed.push({ entry, lane: 0, span: lanes.length, sub: 0, subs: 1, byRoom: false });
  // Keep the server's order (time, then parallel order): keyboard focus walks the day in time order.
  const order = new Map(entries.map((e, i) => [e, i]));
  placed.sort((a, b) => (order.get(a.entry) ?? 0) - (order.get(b.entry) ?? 0));
  return { lanes, placed };
}
