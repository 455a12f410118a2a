import { describe, expect, it } from "vitest";
import type { TimetableBlock, TimetableTopEntry } from "../../../shared/schemas/timetable";
import {
  entryMatches,
  filterDays,
  filterFromParams,
  filterOptions,
  legendOf,
  roomKey,
  type TimetableFilter,
  withFilter,
  withoutFilter,
} from "./timetable-filter";

const at = (day: string, utc: string) => `2026-03-${day}T${utc}:00.000Z`;
const colours = { text: "#ffffff", background: "#1d4ed8" };
const aula = { roomId: "r-aula", label: "Aula (Main)", source: "session" as const };
const hallB = { roomId: null, label: "Hall B", source: "session" as const };

function block(
  id: string,
  session: { id: string; title: string; code?: string; type?: { id: string; name: string } | null },
  from: string,
  to: string,
  extra: Partial<TimetableBlock> = {},
): TimetableBlock {
  return {
    kind: "block",
    id,
    sessionId: session.id,
    sessionTitle: session.title,
    sessionCode: session.code ?? "",
    sessionType: session.type ? { ...session.type, code: "" } : null,
    title: "",
    fullTitle: session.title,
    startAt: from,
    endAt: to,
    startLocal: "",
    endLocal: "",
    durationMinutes: 60,
    displayOrder: 0,
    isPoster: false,
    colours,
    location: null,
    conveners: [],
    materials: [],
    children: [],
    column: 0,
    columns: 1,
    roomDoubleBooked: false,
    ...extra,
  };
}

const tides = { id: "s-tides", title: "Tides", code: "T1", type: { id: "t-talks", name: "Talks" } };
const waves = { id: "s-waves", title: "Waves", code: "", type: { id: "t-work", name: "Workshop" } };
const gauges = { id: "s-gauges", title: "Gauges", code: "A2", type: null };

const lunch: TimetableTopEntry = {
  kind: "break",
  id: "lunch",
  title: "Lunch",
  startAt: at("27", "12:00"),
  endAt: at("27", "13:00"),
  startLocal: "",
  endLocal: "",
  durationMinutes: 60,
  colours,
  column: 0,
  columns: 1,
  roomDoubleBooked: false,
};

const days = [
  {
    day: "2026-03-27",
    entries: [
      block("b1", tides, at("27", "09:00"), at("27", "10:00"), { location: aula, column: 0, columns: 3 }),
      block("b2", waves, at("27", "09:00"), at("27", "10:00"), { location: hallB, column: 1, columns: 3 }),
      block("b3", gauges, at("27", "09:30"), at("27", "10:30"), { location: aula, column: 2, columns: 3 }),
      lunch,
    ],
  },
  { day: "2026-03-28", entries: [block("b4", tides, at("28", "09:00"), at("28", "10:00"), { location: hallB })] },
];

const none: TimetableFilter = { sessions: [], tracks: [], rooms: [] };

describe("legendOf", () => {
  it("lists each session once, with its colours and type, coded sessions first by code, then by title", () => {
    expect(legendOf(days)).toEqual([
      { sessionId: "s-gauges", title: "Gauges", code: "A2", type: null, colours },
      { sessionId: "s-tides", title: "Tides", code: "T1", type: "Talks", colours },
      { sessionId: "s-waves", title: "Waves", code: "", type: "Workshop", colours },
    ]);
  });
});

describe("filterOptions", () => {
  it("offers the sessions, tracks and rooms that occur, by label", () => {
    expect(filterOptions(days)).toEqual({
      sessions: [
        { value: "s-gauges", label: "Gauges (A2)" },
        { value: "s-tides", label: "Tides (T1)" },
        { value: "s-waves", label: "Waves" },
      ],
      tracks: [
        { value: "t-talks", label: "Talks" },
        { value: "t-work", label: "Workshop" },
      ],
      rooms: [
        { value: "r-aula", label: "Aula (Main)" },
        { value: "text:Hall B", label: "Hall B" },
      ],
    });
  });

  it("keys a room of the directory by its id and a typed place by its text", () => {
    expect(roomKey(aula)).toBe("r-aula");
    expect(roomKey(hallB)).toBe("text:Hall B");
  });
});

describe("the filter in the address", () => {
  const options = filterOptions(days);

  it("reads repeated parameters, dropping duplicates and values the timetable no longer has", () => {
    const params = new URLSearchParams(
      "day=2026-03-28&session=s-tides&session=s-tides&session=gone&room=text%3AHall+B",
    );
    expect(filterFromParams(params, options)).toEqual({ sessions: ["s-tides"], tracks: [], rooms: ["text:Hall B"] });
  });

  it("writes one dimension, keeps the others and the day, and clears them all", () => {
    const params = withFilter(new URLSearchParams("day=2026-03-28&track=t-talks"), "sessions", ["s-tides", "s-waves"]);
    expect(params.toString()).toBe("day=2026-03-28&track=t-talks&session=s-tides&session=s-waves");
    expect(filterFromParams(params, options)).toEqual({
      sessions: ["s-tides", "s-waves"],
      tracks: ["t-talks"],
      rooms: [],
    });
    expect(withoutFilter(params).toString()).toBe("day=2026-03-28");
  });
});

describe("entryMatches and filterDays", () => {
  it("shows everything when the filter is empty", () => {
    const result = filterDays(days, none);
    expect([result.shown, result.total]).toEqual([5, 5]);
    expect(result.days[0]?.entries.map((e) => e.column)).toEqual([0, 1, 2, 0]);
  });

  it("keeps the blocks of the chosen sessions on every day, and the top-level breaks everyone shares", () => {
    const result = filterDays(days, { ...none, sessions: ["s-tides"] });
    expect([result.shown, result.total]).toEqual([3, 5]);
    expect(result.days.map((d) => d.entries.map((e) => e.id))).toEqual([["b1", "lunch"], ["b4"]]);
    expect(entryMatches(lunch, { ...none, rooms: ["r-aula"] })).toBe(true);
  });

  it("matches any value within a dimension and every dimension in use", () => {
    const twoSessions = filterDays(days, { ...none, sessions: ["s-tides", "s-gauges"] });
    expect(twoSessions.days[0]?.entries.map((e) => e.id)).toEqual(["b1", "b3", "lunch"]);
    const inAula = filterDays(days, { ...none, rooms: ["r-aula"] });
    expect(inAula.days.map((d) => d.entries.map((e) => e.id))).toEqual([["b1", "b3", "lunch"], []]);
    const talksInHallB = filterDays(days, { ...none, tracks: ["t-talks"], rooms: ["text:Hall B"] });
    expect(talksInHallB.days.map((d) => d.entries.map((e) => e.id))).toEqual([["lunch"], ["b4"]]);
    expect(talksInHallB.shown).toBe(2);
  });

  it("closes up the columns of parallel entries that remain", () => {
    const result = filterDays(days, { ...none, sessions: ["s-waves", "s-gauges"] });
    expect(result.days[0]?.entries.map((e) => [e.id, e.column, e.columns])).toEqual([
      ["b2", 0, 2],
      ["b3", 1, 2],
      ["lunch", 0, 1],
    ]);
  });
});
