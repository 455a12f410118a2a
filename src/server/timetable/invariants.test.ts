import { describe, expect, test } from "vitest";
import { checkTimetable } from "./invariants";
import type { Block, Entry } from "./model";
import { buildBlock, buildBreak, buildContribution, buildEvent, local } from "./test-fixtures";

const event = buildEvent();
/** Fri 27 March 09:00–11:00 (session-1) and a poster block 14:00–15:30 (session-2). */
const blocks: Block[] = [
  buildBlock(),
  buildBlock({
    id: "poster",
    sessionId: "session-2",
    isPoster: true,
    startAt: local("2026-03-27 14:00"),
    durationMinutes: 90,
  }),
];
/** A consistent timetable. */
const entries: Entry[] = [
  buildContribution({ id: "talk", startAt: local("2026-03-27 09:00") }),
  buildBreak({ id: "coffee", blockId: "block-1", startAt: local("2026-03-27 10:40") }),
  buildContribution({
    id: "poster-a",
    sessionId: "session-2",
    blockId: "poster",
    startAt: local("2026-03-27 14:00"),
    durationMinutes: 90,
  }),
  buildContribution({ id: "opening", sessionId: null, blockId: null, startAt: local("2026-03-27 11:30") }),
  buildBreak({ id: "lunch", startAt: local("2026-03-27 12:00"), durationMinutes: 60 }),
];

function check(changed: Partial<Entry> & { id: string }) {
  const next = entries.map((entry) => (entry.id === changed.id ? { ...entry, ...changed } : entry));
  return checkTimetable(event, blocks, next).map((problem) => [problem.code, problem.subjectId]);
}

describe("checkTimetable: the six invariants of indico.md §1.11", () => {
  test("a consistent timetable has no problems", () => {
    expect(checkTimetable(event, blocks, entries)).toEqual([]);
  });

  test("invariant 1: a top-level contribution entry must not belong to a session", () => {
    expect(check({ id: "opening", sessionId: "session-1" })).toEqual([
      ["contribution_of_session_at_top_level", "opening"],
    ]);
  });

  test("invariant 2: a nested contribution's session must be its block's session", () => {
    expect(check({ id: "talk", sessionId: "session-2" })).toEqual([["contribution_of_other_session", "talk"]]);
    expect(check({ id: "talk", sessionId: null })).toEqual([["contribution_without_session_in_block", "talk"]]);
  });

  test("invariant 3: a child entry must not start before its block", () => {
    expect(check({ id: "coffee", startAt: local("2026-03-27 08:55"), durationMinutes: 10 })).toEqual([
      ["starts_before_block", "coffee"],
      ["starts_before_event", "coffee"],
    ]);
    const laterBlock = [{ ...blocks[0]!, startAt: local("2026-03-27 09:30"), durationMinutes: 90 }];
    const early = checkTimetable(event, laterBlock, [entries[0]!]);
    expect(early.map((problem) => [problem.code, problem.subjectId])).toEqual([["starts_before_block", "talk"]]);
  });

  test("invariant 4: a child contribution or break must not end after its block", () => {
    expect(check({ id: "coffee", durationMinutes: 21 })).toEqual([["ends_after_block", "coffee"]]);
  });

  test("invariant 5: no entry starts before the event", () => {
    expect(check({ id: "lunch", startAt: local("2026-03-27 08:00") })).toEqual([["starts_before_event", "lunch"]]);
    const early = checkTimetable(event, [buildBlock({ startAt: local("2026-03-27 08:00") })], []);
    expect(early.map((problem) => [problem.code, problem.subjectId])).toEqual([["starts_before_event", "block-1"]]);
  });

  test("invariant 6: no entry ends after the event", () => {
    expect(check({ id: "lunch", startAt: local("2026-03-31 17:30") })).toEqual([["ends_after_event", "lunch"]]);
    const late = checkTimetable(event, [buildBlock({ startAt: local("2026-03-31 17:30") })], []);
    expect(late.map((problem) => [problem.code, problem.subjectId])).toEqual([["ends_after_event", "block-1"]]);
  });
});

describe("checkTimetable: the rules Indico keeps only in forms", () => {
  test("a block stays within one local day", () => {
    const night = checkTimetable(event, [buildBlock({ startAt: local("2026-03-27 23:00"), durationMinutes: 90 })], []);
    expect(night.map((problem) => problem.code)).toEqual(["crosses_day"]);
  });

  test("a top-level entry stays within one local day", () => {
    expect(check({ id: "lunch", startAt: local("2026-03-27 23:30") })).toEqual([["crosses_day", "lunch"]]);
  });

  test("durations are whole minutes above zero for blocks, contributions and breaks (quirk §8.8)", () => {
    expect(check({ id: "lunch", durationMinutes: 0 })).toEqual([["invalid_duration", "lunch"]]);
    expect(check({ id: "opening", durationMinutes: 7.5 })).toEqual([["invalid_duration", "opening"]]);
    const zeroBlock = checkTimetable(event, [buildBlock({ durationMinutes: 0 })], []);
    expect(zeroBlock.map((problem) => problem.code)).toEqual(["invalid_duration"]);
  });

  test("no break inside a poster block", () => {
    expect(check({ id: "coffee", blockId: "poster", startAt: local("2026-03-27 14:00") })).toEqual([
      ["break_in_poster_block", "coffee"],
    ]);
  });

  test("a poster has its block's start and duration (quirk §8.3)", () => {
    expect(check({ id: "poster-a", durationMinutes: 20 })).toEqual([["poster_times_mismatch", "poster-a"]]);
  });

  test("a child of a block that does not exist is reported", () => {
    expect(check({ id: "talk", blockId: "gone" })).toEqual([["unknown_block", "talk"]]);
  });

  test("a malformed start is reported, not thrown", () => {
    expect(check({ id: "lunch", startAt: "noon" })).toEqual([["invalid_instant", "lunch"]]);
  });

  test("every problem is reported, with the offending item", () => {
    const problems = checkTimetable(event, blocks, [
      ...entries,
      buildContribution({ id: "stray", sessionId: "session-1", blockId: null, startAt: local("2026-03-26 10:00") }),
    ]);
    expect(problems.map((problem) => [problem.code, problem.subjectId])).toEqual([
      ["contribution_of_session_at_top_level", "stray"],
      ["starts_before_event", "stray"],
    ]);
  });
});
