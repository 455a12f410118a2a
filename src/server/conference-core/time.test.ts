import { describe, expect, test } from "vitest";
import { BERLIN, buildEvent, local, wall } from "../timetable/test-fixtures";
import {
  atLocalTime,
  dayBounds,
  dayLengthMinutes,
  eventDays,
  eventWindow,
  isLocalDay,
  localDayOf,
  parseInstant,
  sameLocalTimeOn,
  toInstant,
  withinOneLocalDay,
} from "./time";

const minutes = (iso: string) => parseInstant(iso) as number;

describe("instants: UTC ISO at the boundary, epoch minutes inside", () => {
  test("parses Z and explicit offsets to the same epoch minute", () => {
    expect(parseInstant("2026-03-27T08:00:00Z")).toBe(parseInstant("2026-03-27T09:00:00+01:00"));
    expect(parseInstant("2026-03-27T08:00:00.000Z")).toBe(Date.parse("2026-03-27T08:00:00Z") / 60_000);
  });

  test("refuses instants without an offset, off the whole minute, or malformed", () => {
    expect(parseInstant("2026-03-27T08:00:00")).toBeNull();
    expect(parseInstant("2026-03-27T08:00:30Z")).toBeNull();
    expect(parseInstant("2026-03-27T08:00:00.001Z")).toBeNull();
    expect(parseInstant("yesterday Z")).toBeNull();
    expect(parseInstant("2026-02-30T08:00:00Z")).toBeNull();
  });

  test("returns canonical toISOString text", () => {
    expect(toInstant(minutes("2026-03-27T09:00:00+01:00"))).toBe("2026-03-27T08:00:00.000Z");
  });

  test("a malformed stored event is a programming error", () => {
    expect(() => eventWindow(buildEvent({ timeZone: "Mars/Olympus" }))).toThrow(RangeError);
    expect(() => eventWindow(buildEvent({ endAt: buildEvent().startAt }))).toThrow(RangeError);
    expect(() => eventWindow(buildEvent({ startAt: "2026-03-27 09:00" }))).toThrow(RangeError);
  });
});

describe("local days in the event's zone", () => {
  test("an ordinary day is 24 hours", () => {
    expect(dayLengthMinutes("2026-03-27", BERLIN)).toBe(1440);
  });

  test("DST: the last Sunday of March is 23 hours in Europe/Berlin", () => {
    expect(dayLengthMinutes("2026-03-29", BERLIN)).toBe(23 * 60);
    expect(dayBounds("2026-03-29", BERLIN)).toEqual({
      start: minutes("2026-03-28T23:00:00Z"),
      end: minutes("2026-03-29T22:00:00Z"),
    });
  });

  test("DST: the last Sunday of October is 25 hours in Europe/Berlin", () => {
    expect(dayLengthMinutes("2026-10-25", BERLIN)).toBe(25 * 60);
  });

  test("the local day, not the UTC date, names the day", () => {
    // 23:30 UTC on Saturday is 00:30 on Sunday in Berlin.
    expect(localDayOf(minutes("2026-03-28T23:30:00Z"), BERLIN)).toBe("2026-03-29");
    expect(localDayOf(minutes("2026-03-28T23:30:00Z"), "UTC")).toBe("2026-03-28");
  });

  test("a span that ends exactly at local midnight stays within its day; one more minute does not", () => {
    const start = minutes(local("2026-03-29 22:30"));
    expect(withinOneLocalDay({ start, end: start + 90 }, BERLIN)).toBe(true);
    expect(withinOneLocalDay({ start, end: start + 91 }, BERLIN)).toBe(false);
  });

  test("validates calendar dates", () => {
    expect(isLocalDay("2026-03-29")).toBe(true);
    expect(isLocalDay("2026-02-30")).toBe(false);
    expect(isLocalDay("29.03.2026")).toBe(false);
  });

  test("the event's days run from its first local day to its last", () => {
    expect(eventDays(buildEvent())).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
  });

  test("an event ending exactly at local midnight does not add the next day", () => {
    const event = buildEvent({ startAt: local("2026-03-27 09:00"), endAt: local("2026-03-29 00:00") });
    expect(eventDays(event)).toEqual(["2026-03-27", "2026-03-28"]);
  });
});

describe("wall-clock times across DST", () => {
  test("the same local time on the spring DST day is 23 hours later in real time", () => {
    const saturday = minutes(local("2026-03-28 09:00"));
    const sunday = sameLocalTimeOn(saturday, "2026-03-29", BERLIN);
    expect(wall(toInstant(sunday))).toBe("2026-03-29 09:00");
    expect(sunday - saturday).toBe(23 * 60);
  });

  test("a time skipped by the spring change moves forward by the skipped hour", () => {
    const saturday = minutes(local("2026-03-28 02:30"));
    expect(wall(toInstant(sameLocalTimeOn(saturday, "2026-03-29", BERLIN)))).toBe("2026-03-29 03:30");
  });

  test("a time repeated by the autumn change is its first occurrence, from whichever day it comes", () => {
    const first = "2026-10-25T00:30:00.000Z"; // 02:30 CEST, before clocks go back
    const fromSaturday = sameLocalTimeOn(minutes(local("2026-10-24 02:30")), "2026-10-25", BERLIN);
    const fromMonday = sameLocalTimeOn(minutes(local("2026-10-26 02:30")), "2026-10-25", BERLIN);
    expect(toInstant(fromSaturday)).toBe(first);
    expect(toInstant(fromMonday)).toBe(first);
    expect(toInstant(atLocalTime("2026-10-25", "02:30", BERLIN))).toBe(first);
  });

  test("atLocalTime refuses what is not HH:mm", () => {
    expect(() => atLocalTime("2026-03-27", "8:00", BERLIN)).toThrow(RangeError);
    expect(() => atLocalTime("2026-03-27", "24:00", BERLIN)).toThrow(RangeError);
  });
});
