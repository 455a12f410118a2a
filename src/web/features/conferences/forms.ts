import { z } from "zod";
import { localToInstant } from "./local-time";

/**
 * Web-side form schemas: the fields as the forms hold them (wall-clock text in the event's zone, numbers that may
 * be empty), turned into the API's input and then checked by the shared schema itself (style.md rule 8). The
 * keys are the API's, so a 400's `fields` land on the same inputs.
 */

/**
 * A number the field shows as typed (never changed behind the person's back): a number, "" while empty (the API's
 * default), or the text while it is not a number yet ("-", "12."). The API's schema then names what is wrong.
 */
export const OptionalNumber = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === "number") return v;
  if (v.trim() === "") return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  ctx.addIssue({ code: "custom", message: "must be a number", input: v });
  return z.NEVER;
});

/** The same, for a field that must be filled (an empty one is not quietly given a default). */
export const RequiredNumber = OptionalNumber.transform((v, ctx) => {
  if (v !== undefined) return v;
  ctx.addIssue({ code: "custom", message: "is required", input: v });
  return z.NEVER;
});

export const NOT_IN_ZONE = "is not a time that exists in this time zone (a daylight-saving change skips it)";

/** Turns wall-clock fields into instants in `zone`, reporting at the field when a time cannot be read. */
export function instantOrIssue(
  local: string,
  zone: string,
  path: string,
  ctx: { addIssue: (issue: { code: "custom"; message: string; path: string[]; input: unknown }) => void },
): string | undefined {
  if (local.trim() === "") {
    ctx.addIssue({ code: "custom", message: "is required", path: [path], input: local });
    return undefined;
  }
  const instant = localToInstant(local, zone);
  if (!instant) ctx.addIssue({ code: "custom", message: NOT_IN_ZONE, path: [path], input: local });
  return instant ?? undefined;
}

/**
 * `source.pipe(target)` typed for forms: the form's values in, the API input out. (zod's own `pipe` asks the
 * target's input type to match the source's output exactly, which defaults and optional fields never do.)
 */
export function formSchema<S extends z.ZodType, T extends z.ZodType>(
  source: S,
  target: T,
): z.ZodType<z.output<T>, z.input<S>> {
  return source.pipe(target as unknown as z.ZodType<z.output<T>, z.output<S>>) as unknown as z.ZodType<
    z.output<T>,
    z.input<S>
  >;
}
