import type { FastifyInstance } from "fastify";
import { AppError } from "./errors";

/** No request of Convene nests deeper than a few levels; 64 leaves room and bounds every walk over a body. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in a JSON text, scanning it once without recursion and stopping
 * as soon as `cap` is passed (so a 1 MB body of `[[[[…` costs one pass over its first cap+1 brackets).
 */
export function jsonDepthExceeds(text: string, cap: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > cap) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * The path of the first string holding a NUL character (which PostgreSQL text cannot store), if any. Walks
 * with its own stack, so no body can exhaust the call stack.
 */
export function findNul(value: unknown, path: string): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop() as [unknown, string];
    if (typeof v === "string") {
      if (v.includes("\u0000")) return p;
    } else if (v && typeof v === "object") {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      // Pushed in reverse so the first field is reported first.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i] as readonly [string, unknown];
        stack.push([x, p ? `${p}.${k}` : k]);
      }
    }
  }
  return null;
}

/**
 * JSON bodies: Fastify's own parser (which refuses __proto__ and constructor poisoning), behind a depth check
 * that answers 400 before any recursive parse or validation sees the body.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) {
      done(
        new AppError(
          400,
          "too_deeply_nested",
          `The JSON body is too deeply nested (more than ${MAX_JSON_DEPTH} levels)`,
        ),
        undefined,
      );
      return;
    }
    parse(req, body as string, done);
  });
}
