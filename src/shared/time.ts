// Time helpers both sides use (platform.md, Time): instants are UTC ISO text, zones are IANA names, and every
// displayed time names its zone. Formatting goes through Intl only, so the web bundle does not carry luxon.

/** The locale of displayed times: the UI is in English, with day-month-year order ("Tue 3 Mar 2026"). */
export const DISPLAY_LOCALE = "en-GB";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function toDate(at: string | Date): Date {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a valid instant: ${String(at)}`);
  return d;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the browser (or the server process) runs in, as an IANA name; UTC when it cannot tell. */
export function runtimeTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownTimeZone(zone) ? zone : "UTC";
}

/**
 * The zone a viewer sees times in: the zone set in their profile when there is one, else the browser's
 * (platform.md, Time).
 */
export function viewerTimeZone(profileZone: string | null | undefined, browserZone: string): string {
  if (profileZone && isKnownTimeZone(profileZone)) return profileZone;
  return isKnownTimeZone(browserZone) ? browserZone : "UTC";
}

/** Every IANA zone the runtime lists, plus UTC (which `Intl.supportedValuesOf` leaves out), sorted. */
export function listTimeZones(extra: string[] = []): string[] {
  const zones = new Set<string>(["UTC", ...extra.filter(isKnownTimeZone)]);
  for (const z of Intl.supportedValuesOf("timeZone")) zones.add(z);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** Minutes east of UTC that `zone` is at the instant `at` (e.g. 60 for Paris in winter, 120 in summer). */
export function offsetMinutes(at: string | Date, zone: string): number {
  const d = toDate(at);
  const parts = formatter("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const exact = Math.floor(d.getTime() / 1000) * 1000;
  return Math.round((wall - exact) / 60_000);
}

function shortZoneName(d: Date, zone: string, locale: string): string {
  const parts = formatter(locale, { timeZone: zone, timeZoneName: "short" }).formatToParts(d);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
}

/**
 * The short name of the zone at that instant: "CET" or "CEST" for Paris, "EST" or "EDT" for New York. Zones
 * without a common English abbreviation get their offset ("GMT+9"), never nothing.
 */
export function zoneAbbreviation(at: string | Date, zone: string): string {
  const d = toDate(at);
  const british = shortZoneName(d, zone, "en-GB");
  if (!/^GMT[+-]/.test(british)) return british;
  const american = shortZoneName(d, zone, "en-US");
  return /^GMT[+-]/.test(american) || american === "" ? british : american;
}

interface WallClock {
  /** "Tue 3 Mar 2026" */
  date: string;
  /** "14:00" */
  time: string;
}

function wallClock(d: Date, zone: string, locale: string): WallClock {
  const parts = formatter(locale, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${get("weekday")} ${get("day")} ${get("month")} ${get("year")}`,
    time: `${get("hour")}:${get("minute")}`,
  };
}

function zoneLabel(d: Date, zone: string): string {
  const abbreviation = zoneAbbreviation(d, zone);
  return abbreviation === zone ? zone : `${abbreviation} (${zone})`;
}

/**
 * An instant as a person in `zone` reads it, naming the zone: "Tue 3 Mar 2026, 14:00 CET (Europe/Paris)".
 * With `withDate: false` only the time and zone: "14:00 CET (Europe/Paris)"; `withSeconds` adds the seconds
 * ("14:00:05"), for moments just past such as "Auto-saved at".
 */
export function formatInZone(
  at: string | Date,
  zone: string,
  opts: { withDate?: boolean; withSeconds?: boolean; locale?: string } = {},
): string {
  const d = toDate(at);
  const clock = wallClock(d, zone, opts.locale ?? DISPLAY_LOCALE);
  // Today's offsets are whole minutes, so the seconds read the same in every zone.
  const time = opts.withSeconds ? `${clock.time}:${String(d.getUTCSeconds()).padStart(2, "0")}` : clock.time;
  const label = zoneLabel(d, zone);
  return opts.withDate === false ? `${time} ${label}` : `${clock.date}, ${time} ${label}`;
}

export interface DescribedInstant {
  /** In the viewer's zone, always with the date. */
  viewer: string;
  /**
   * In the session's or event's zone when it is another zone than the viewer's, else null. The date is left
   * out when it is the same calendar day in both zones.
   */
  source: string | null;
  viewerZone: string;
}

/**
 * What the one Time component shows (platform.md, Time): the instant in the viewer's zone, and beside it the
 * time in the source zone (the session's or event's) when that is a different zone.
 */
export function describeInstant(
  at: string | Date,
  zones: { viewerZone: string; sourceZone?: string | null },
  locale: string = DISPLAY_LOCALE,
): DescribedInstant {
  const d = toDate(at);
  const viewerZone = isKnownTimeZone(zones.viewerZone) ? zones.viewerZone : "UTC";
  const viewer = formatInZone(d, viewerZone, { locale });
  const sourceZone = zones.sourceZone && isKnownTimeZone(zones.sourceZone) ? zones.sourceZone : null;
  if (!sourceZone || sourceZone === viewerZone) return { viewer, source: null, viewerZone };
  const sameDay = wallClock(d, viewerZone, locale).date === wallClock(d, sourceZone, locale).date;
  return { viewer, source: formatInZone(d, sourceZone, { withDate: !sameDay, locale }), viewerZone };
}
