import { describe, expect, it } from "vitest";
import { dayLanes } from "./timetable-lanes";

const at = (hhmm: string) => `2026-06-01T${hhmm}:00.000Z`;
let n = 0;
function block(from: string, to: string, room?: string | { label: string; source: string; roomId?: string | null }) {
  n += 1;
  const location =
    room === undefined
      ? null
      : typeof room === "string"
        ? { roomId: `id-${room}`, label: room, source: "block" }
        : { roomId: room.roomId ?? null, label: room.label, source: room.source };
  return { id: `b${n}`, kind: "block", startAt: at(from), endAt: at(to), location };
}
const brk = (from: string, to: string) => ({ id: `x${++n}`, kind: "break", startAt: at(from), endAt: at(to) });

const lanesOf = (entries: Parameters<typeof dayLanes>[0]) => {
  const { lanes, placed } = dayLanes(entries);
  return {
    labels: lanes.map((l) => l.label),
    where: Object.fromEntries(placed.map((p) => [p.entry.id, [p.lane, p.span, p.sub, p.subs]])),
  };
};

describe("dayLanes: a lane per room", () => {
  it("puts ten parallel blocks in ten room lanes, rooms in natural order of their names", () => {
    const rooms = Array.from({ length: 10 }, (_, i) => `Room ${10 - i}`);
    const blocks = rooms.map((room) => block("09:00", "10:30", room));
    const { labels, where } = lanesOf(blocks);
    expect(labels).toEqual(Array.from({ length: 10 }, (_, i) => `Room ${i + 1}`));
    // "Room 10" was first in the list and stands last; each block alone in its lane.
    expect(where[blocks[0]?.id ?? ""]).toEqual([9, 1, 0, 1]);
    expect(where[blocks[9]?.id ?? ""]).toEqual([0, 1, 0, 1]);
  });

  it("keeps a room's blocks of the day in one lane, and shares the lane when the room is double-booked", () => {
    const morning = block("09:00", "10:00", "Aula");
    const afternoon = block("14:00", "15:00", "Aula");
    const clash = block("14:30", "15:30", "Aula");
    const other = block("09:00", "10:00", "Lab");
    const { labels, where } = lanesOf([morning, other, afternoon, clash]);
    expect(labels).toEqual(["Aula", "Lab"]);
    expect(where[morning.id]).toEqual([0, 1, 0, 1]);
    expect(where[afternoon.id]).toEqual([0, 1, 0, 2]);
    expect(where[clash.id]).toEqual([0, 1, 1, 2]);
    expect(where[other.id]).toEqual([1, 1, 0, 1]);
  });

  it("spans every lane with an entry without a room that runs beside nothing (the lunch break, a plenary)", () => {
    const a = block("09:00", "12:00", "A");
    const b = block("09:00", "12:00", "B");
    const lunch = brk("12:00", "13:00");
    const plenary = block("13:00", "14:00");
    const { labels, where } = lanesOf([a, b, lunch, plenary]);
    expect(labels).toEqual(["A", "B"]);
    expect(where[lunch.id]).toEqual([0, 2, 0, 1]);
    expect(where[plenary.id]).toEqual([0, 2, 0, 1]);
  });

  it("gives parallel entries without a room lanes of their own after the rooms, in the server's order", () => {
    const roomed = block("09:00", "10:00", "Aula");
    const first = block("09:00", "10:00");
    const second = block("09:30", "10:30");
    const later = block("10:00", "11:00");
    const { labels, where } = lanesOf([roomed, first, second, later]);
    expect(labels).toEqual(["Aula", "No room 1", "No room 2"]);
    expect(where[first.id]?.[0]).toBe(1);
    expect(where[second.id]?.[0]).toBe(2);
    // First fit: once the first has ended, its lane takes the next.
    expect(where[later.id]?.[0]).toBe(1);
  });

  it("has unnamed lanes when no entry of the day has a room, and counts the event's venue as no room", () => {
    const venue = { label: "Main venue", source: "event", roomId: "venue" };
    const a = block("09:00", "10:00", venue);
    const b = block("09:00", "10:00", venue);
    const { labels, where } = lanesOf([a, b]);
    expect(labels).toEqual(["", ""]);
    expect([where[a.id]?.[0], where[b.id]?.[0]]).toEqual([0, 1]);
  });

  it("lanes a room given as free text by its text, and keeps one lane for an empty day", () => {
    const a = block("09:00", "10:00", { label: "Garden", source: "session", roomId: null });
    const b = block("09:00", "10:00", { label: "Garden", source: "block", roomId: null });
    expect(lanesOf([a, b]).labels).toEqual(["Garden"]);
    expect(dayLanes([]).lanes).toHaveLength(1);
  });

  it("places every entry exactly once, in the order it came", () => {
    const entries = [
      block("09:00", "10:00", "A"),
      block("09:00", "11:00"),
      brk("11:00", "11:30"),
      block("09:30", "10:00", "B"),
    ];
    const { placed } = dayLanes(entries);
    expect(placed.map((p) => p.entry.id)).toEqual(entries.map((e) => e.id));
  });
});
