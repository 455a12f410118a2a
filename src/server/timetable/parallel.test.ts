import { describe, expect, test } from "vitest";
import { layoutParallel, orderParallelBlocks, overlapGroups, overlaps, type RoomUse, roomDoubleUse } from "./parallel";
import { local } from "./test-fixtures";

const at = (time: string, durationMinutes: number, id = time) => ({
  id,
  startAt: local(`2026-03-27 ${time}`),
  durationMinutes,
});

describe("overlaps", () => {
  test("spans sharing a minute overlap", () => {
    expect(overlaps(at("09:00", 60), at("09:59", 10))).toBe(true);
  });

  test("touching spans do not overlap", () => {
    expect(overlaps(at("09:00", 60), at("10:00", 10))).toBe(false);
    expect(overlaps(at("10:00", 10), at("09:00", 60))).toBe(false);
  });

  test("containment and identical spans overlap", () => {
    expect(overlaps(at("09:00", 120), at("09:30", 10))).toBe(true);
    expect(overlaps(at("09:00", 30), at("09:00", 30))).toBe(true);
  });
});

describe("overlapGroups", () => {
  test("chains of overlap form one group; separate items form their own", () => {
    const groups = overlapGroups([
      at("11:00", 30, "d"),
      at("09:00", 60, "a"),
      at("09:50", 20, "b"),
      at("10:05", 10, "c"),
    ]);
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([["a", "b", "c"], ["d"]]);
  });

  test("an item touching the end of a group starts a new group", () => {
    const groups = overlapGroups([at("09:00", 60, "a"), at("10:00", 60, "b")]);
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([["a"], ["b"]]);
  });
});

describe("orderParallelBlocks (conferences.md, Event timetable)", () => {
  const block = (id: string, order: number, sessionCode: string, title: string) => ({ id, order, sessionCode, title });

  test("orders by block order first", () => {
    const ordered = orderParallelBlocks([block("x", 2, "A", "A"), block("y", 1, "Z", "Z")]);
    expect(ordered.map((b) => b.id)).toEqual(["y", "x"]);
  });

  test("then by session code, naturally and case-insensitively", () => {
    const ordered = orderParallelBlocks([
      block("s10", 0, "S10", "t"),
      block("s2", 0, "s2", "t"),
      block("s1", 0, "S1", "t"),
    ]);
    expect(ordered.map((b) => b.id)).toEqual(["s1", "s2", "s10"]);
  });

  test("sessions without a code come after those with one", () => {
    const ordered = orderParallelBlocks([block("none", 0, "", "A"), block("coded", 0, "B", "Z")]);
    expect(ordered.map((b) => b.id)).toEqual(["coded", "none"]);
  });

  test("then by title", () => {
    const ordered = orderParallelBlocks([block("b", 0, "X", "Beta"), block("a", 0, "X", "alpha")]);
    expect(ordered.map((b) => b.id)).toEqual(["a", "b"]);
  });

  test("every view gets the same order whatever order the rows came in (indico#1835)", () => {
    const rows = [block("b2", 0, "X", "Same"), block("b1", 0, "X", "Same"), block("b3", 1, "", "")];
    const forwards = orderParallelBlocks(rows).map((b) => b.id);
    const backwards = orderParallelBlocks([...rows].reverse()).map((b) => b.id);
    expect(forwards).toEqual(["b1", "b2", "b3"]);
    expect(backwards).toEqual(forwards);
  });

  test("returns a new array and leaves the input alone", () => {
    const rows = [block("b", 1, "", ""), block("a", 0, "", "")];
    const ordered = orderParallelBlocks(rows);
    expect(ordered).not.toBe(rows);
    expect(rows.map((b) => b.id)).toEqual(["b", "a"]);
  });
});

describe("roomDoubleUse (conferences.md, Rooms)", () => {
  const use = (id: string, roomId: string | null, time: string, durationMinutes: number): RoomUse => ({
    ...at(time, durationMinutes, id),
    roomId,
  });

  test("flags two items in one room at the same time, with the overlapping stretch", () => {
    const conflicts = roomDoubleUse([use("a", "room-1", "09:00", 60), use("b", "room-1", "09:30", 60)]);
    expect(conflicts).toEqual([
      {
        roomId: "room-1",
        firstId: "a",
        secondId: "b",
        fromAt: local("2026-03-27 09:30"),
        untilAt: local("2026-03-27 10:00"),
      },
    ]);
  });

  test("back-to-back use of a room is fine", () => {
    expect(roomDoubleUse([use("a", "room-1", "09:00", 60), use("b", "room-1", "10:00", 60)])).toEqual([]);
  });

  test("different rooms and items without a room never conflict", () => {
    expect(
      roomDoubleUse([
        use("a", "room-1", "09:00", 60),
        use("b", "room-2", "09:00", 60),
        use("c", null, "09:00", 60),
        use("d", null, "09:00", 60),
      ]),
    ).toEqual([]);
  });

  test("three items at once give every pair, in a stable order", () => {
    const conflicts = roomDoubleUse([
      use("c", "room-1", "09:20", 60),
      use("a", "room-1", "09:00", 120),
      use("b", "room-1", "09:10", 10),
      use("z", "room-0", "09:00", 30),
      use("y", "room-0", "09:15", 30),
    ]);
    expect(conflicts.map((c) => [c.roomId, c.firstId, c.secondId])).toEqual([
      ["room-0", "z", "y"],
      ["room-1", "a", "b"],
      ["room-1", "a", "c"],
    ]);
  });
});

describe("layoutParallel", () => {
  const item = (id: string, from: string, until: string, order = 0, sessionCode = "", title = id) => ({
    id,
    startAt: local(`2026-03-27 ${from}`),
    durationMinutes: (Date.parse(local(`2026-03-27 ${until}`)) - Date.parse(local(`2026-03-27 ${from}`))) / 60_000,
    order,
    sessionCode,
    title,
  });
  const shape = (placed: ReturnType<typeof layoutParallel>) => placed.map((p) => [p.item.id, p.column, p.columns]);

  test("an item alone takes the single column of its group", () => {
    expect(shape(layoutParallel([item("a", "09:00", "10:00"), item("b", "10:00", "11:00")]))).toEqual([
      ["a", 0, 1],
      ["b", 0, 1],
    ]);
  });

  test("parallel blocks go left to right by block order, then session code, then title", () => {
    const placed = layoutParallel([
      item("z", "09:00", "10:30", 0, "S10", "Zeta"),
      item("y", "09:00", "10:30", 0, "S2", "Yankee"),
      item("x", "09:30", "10:00", -1, "", "Xray"),
      item("w", "09:00", "10:30", 0, "", "Whiskey"),
    ]);
    expect(shape(placed)).toEqual([
      ["x", 0, 4],
      ["y", 1, 4],
      ["z", 2, 4],
      ["w", 3, 4],
    ]);
  });

  test("an item reuses the leftmost column free of the items it overlaps", () => {
    const placed = layoutParallel([
      item("a", "09:00", "10:00", 0, "A"),
      item("b", "09:00", "12:00", 0, "B"),
      item("c", "10:00", "11:00", 0, "C"),
    ]);
    expect(shape(placed)).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      ["c", 0, 2],
    ]);
  });

  test("the order of the input does not change the layout", () => {
    const items = [
      item("a", "09:00", "10:00", 0, "A"),
      item("b", "09:00", "10:00", 0, "B"),
      item("c", "09:30", "10:30", 1),
    ];
    expect(shape(layoutParallel([...items].reverse()))).toEqual(shape(layoutParallel(items)));
  });
});
