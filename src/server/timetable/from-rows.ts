import type { BlockWithSession, BreakRow, ContributionRow, EventRow } from "../conference-core/rows";
import type { TimetableEvent } from "../conference-core/time";
import type { Block, Entry } from "./model";

/** Stored rows as the pure timetable rules see them (model.ts). */

export function toTimetableEvent(row: Pick<EventRow, "start_at" | "end_at" | "time_zone">): TimetableEvent {
  return { startAt: row.start_at, endAt: row.end_at, timeZone: row.time_zone };
}

export function toModelBlock(row: BlockWithSession): Block {
  return {
    id: row.id,
    sessionId: row.session_id,
    startAt: row.start_at,
    durationMinutes: row.duration_minutes,
    isPoster: row.is_poster,
  };
}

/** A scheduled contribution as an entry; throws for an unscheduled one (a programming error). */
export function toModelContribution(row: ContributionRow): Entry {
  if (row.start_at === null) throw new RangeError(`contribution ${row.id} is not scheduled`);
  return {
    id: row.id,
    kind: "contribution",
    sessionId: row.session_id,
    blockId: row.block_id,
    startAt: row.start_at,
    durationMinutes: row.duration_minutes,
  };
}

export function toModelBreak(row: BreakRow): Entry {
  return {
    id: row.id,
    kind: "break",
    sessionId: null,
    blockId: row.block_id,
    startAt: row.start_at,
    durationMinutes: row.duration_minutes,
  };
}
