import { DateTime } from "luxon";

export type LocalToInstant = { ok: true; startsAt: string } | { ok: false; message: string };

/**
 * Date & Time is a wall-clock time in the session's zone (community.md, Session); it is stored as a UTC
 * instant beside the zone. A time that does not exist there (clocks jump forward) is refused rather than
 * silently moved; an ambiguous one (clocks go back) is the first of the two.
 */
export function localToInstant(local: string, zone: string): LocalToInstant {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { ok: false, message: "is not a valid date and time" };
  if (dt.year < 1970 || dt.year > 2999) return { ok: false, message: "must be a year between 1970 and 2999" };
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local) {
    return { ok: false, message: `does not exist in ${zone}: the clocks jump forward then; choose another time` };
  }
  // When the wall clock happens twice, take the earlier instant (luxon may pick either).
  const earlier = dt.minus({ hours: 1 });
  const chosen = earlier.toFormat("yyyy-MM-dd'T'HH:mm") === local ? earlier : dt;
  return { ok: true, startsAt: chosen.toUTC().toISO() as string };
}

/** The wall-clock time of an instant in a zone, as the editor shows it ("2026-03-10T18:30"). */
export function instantToLocal(startsAt: string, zone: string): string {
  return DateTime.fromISO(startsAt, { zone: "utc" }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function endOf(startsAt: string, durationMinutes: number): string {
  return new Date(Date.parse(startsAt) + durationMinutes * 60_000).toISOString();
}
