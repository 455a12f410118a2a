import { z } from "zod";

// A missing field reads "is required" everywhere, on the server's 400s and in the web forms alike.
z.config({ customError: (issue) => (issue.input === undefined ? "is required" : undefined) });

/** The one error body every 4xx/5xx carries (platform.md, API). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe("snake_case, stable: clients may branch on it"),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe("field path → what rule it broke"),
    }),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();

/** A UTC instant as ISO-8601 text. */
export const Instant = z.iso.datetime({ offset: true }).describe("UTC instant, ISO-8601");

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Paris" })
  .describe("IANA time zone name");

export const Email = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ message: "must be a valid email address" }))
  .transform((s) => s.toLowerCase());

export const PersonName = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");

export const PASSWORD_MIN_LENGTH = 10;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "must be at most 200 characters");

export const Ok = z.object({ ok: z.literal(true) });
