import type { TimetableEvent } from "../conference-core/time";
import {
  eventWindow,
  formatLocal,
  isValidDuration,
  parseInstant,
  type Span,
  withinOneLocalDay,
} from "../conference-core/time";
import type { Block, Entry, Problem } from "./model";
import { validateBlock } from "./placement";

/**
 * The whole-timetable check an operation runs inside its transaction before commit (indico.md §10: "validate the
 * six DB rules of §1.11 in one transaction-scoped validator"). It reports, per block or entry (`subjectId`):
 * 1. `contribution_of_session_at_top_level`: a top-level contribution that has a session;
 * 2. `contribution_of_other_session` / `contribution_without_session_in_block`: a nested contribution whose
 *    session is not its block's session;
 * 3. `starts_before_block`: a child starting before its block;
 * 4. `ends_after_block`: a child ending after its block;
 * 5. `starts_before_event`: anything starting before the event;
 * 6. `ends_after_event`: anything ending after the event;
 * and the rules Indico keeps in forms only (§1.11 last line, §10): whole-minute durations > 0 for blocks,
 * contributions and breaks alike (quirk §8.8), blocks and top-level entries within one local day, no breaks in
 * poster blocks, posters with their block's times (quirk §8.3), and children of unknown blocks.
 * Returns an empty list when the timetable is consistent.
 */
export function checkTimetable(event: TimetableEvent, blocks: readonly Block[], entries: readonly Entry[]): Problem[] {
  const ev = eventWindow(event);
  const zone = ev.zone;
  const problems: Problem[] = [];
  const spans = new Map<string, Span>();

  for (const block of blocks) {
    for (const problem of validateBlock(event, block)) problems.push({ ...problem, subjectId: block.id });
    const start = parseInstant(block.startAt);
    if (start !== null) spans.set(block.id, { start, end: start + block.durationMinutes });
  }
  const blocksById = new Map(blocks.map((block) => [block.id, block]));

  for (const entry of entries) {
    const report = (problem: Omit<Problem, "subjectId">) => problems.push({ ...problem, subjectId: entry.id });
    const name = entry.kind === "break" ? "A break" : "A contribution";
    const start = parseInstant(entry.startAt);
    if (start === null) report({ code: "invalid_instant", field: "startAt", message: `${name} has an invalid start.` });
    if (!isValidDuration(entry.durationMinutes)) {
      report({
        code: "invalid_duration",
        field: "durationMinutes",
        message: `${name} must last a whole number of minutes, more than zero.`,
      });
    }
    if (start === null) continue;
    const span = { start, end: start + entry.durationMinutes };

    if (entry.blockId === null) {
      if (entry.kind === "contribution" && entry.sessionId !== null) {
        report({
          code: "contribution_of_session_at_top_level",
          message: "A contribution of a session is scheduled at top level instead of in one of its session's blocks.",
        });
      }
      if (!withinOneLocalDay(span, zone)) {
        report({
          code: "crosses_day",
          message: `${name} at top level runs past midnight (${formatLocal(span.end, zone)}, ${zone}).`,
        });
      }
    } else {
      const block = blocksById.get(entry.blockId);
      const blockSpan = spans.get(entry.blockId);
      if (!block || !blockSpan) {
        report({
          code: "unknown_block",
          field: "blockId",
          message: `${name} sits in a session block that does not exist.`,
        });
      } else {
        if (entry.kind === "contribution" && entry.sessionId === null) {
          report({
            code: "contribution_without_session_in_block",
            message: "A contribution without a session is scheduled inside a session block.",
          });
        } else if (entry.kind === "contribution" && entry.sessionId !== block.sessionId) {
          report({
            code: "contribution_of_other_session",
            message: "A contribution is scheduled inside a block of another session.",
          });
        }
        if (entry.kind === "break" && block.isPoster) {
          report({ code: "break_in_poster_block", message: "A break is placed inside a poster session's block." });
        }
        if (span.start < blockSpan.start) {
          report({
            code: "starts_before_block",
            message: `${name} starts at ${formatLocal(span.start, zone)}, before its block starts at ${formatLocal(blockSpan.start, zone)} (${zone}).`,
          });
        }
        if (span.end > blockSpan.end) {
          report({
            code: "ends_after_block",
            message: `${name} ends at ${formatLocal(span.end, zone)}, after its block ends at ${formatLocal(blockSpan.end, zone)} (${zone}).`,
          });
        }
        if (
          block.isPoster &&
          entry.kind === "contribution" &&
          (span.start !== blockSpan.start || span.end !== blockSpan.end)
        ) {
          report({
            code: "poster_times_mismatch",
            message: "A poster does not have its poster block's start and duration.",
          });
        }
      }
    }
    if (span.start < ev.start) {
      report({
        code: "starts_before_event",
        message: `${name} starts at ${formatLocal(span.start, zone)}, before the event starts at ${formatLocal(ev.start, zone)} (${zone}).`,
      });
    }
    if (span.end > ev.end) {
      report({
        code: "ends_after_event",
        message: `${name} ends at ${formatLocal(span.end, zone)}, after the event ends at ${formatLocal(ev.end, zone)} (${zone}).`,
      });
    }
  }
  return problems;
}
