import { type AppError, badRequest, conflict } from "../platform/errors";
import type { Problem, ProblemCode, Refusal } from "./model";

/** Problems that mean the input itself is malformed (400), rather than refused in this timetable (409). */
const INPUT_PROBLEMS: ReadonlySet<ProblemCode> = new Set([
  "invalid_instant",
  "invalid_duration",
  "invalid_gap",
  "invalid_day",
]);

/**
 * The error body for a refused placement (platform.md error table): 400 naming the fields when the input is
 * malformed, else 409 with the first problem's code and every reason in the message (decisions.md, "A refused
 * placement lists every reason at once").
 */
export function refusalError(refusal: Refusal | readonly Problem[]): AppError {
  const problems = "problems" in refusal ? refusal.problems : refusal;
  const fields: Record<string, string> = {};
  for (const p of problems) if (p.field && !(p.field in fields)) fields[p.field] = p.message;
  const message = problems.map((p) => p.message).join(" ");
  const hasFields = Object.keys(fields).length > 0;
  if (problems.length > 0 && problems.every((p) => INPUT_PROBLEMS.has(p.code))) {
    return badRequest(message, hasFields ? fields : undefined);
  }
  const first = problems.find((p) => !INPUT_PROBLEMS.has(p.code)) ?? problems[0];
  return conflict(first?.code ?? "timetable_refused", message, hasFields ? fields : undefined);
}
