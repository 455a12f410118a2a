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

/** How a clock reads: "17:05" (h23) or "05:05 PM" (h12), as the viewer's locale does. */
export type HourCycle = "h12" | "h23";

/** The hour cycle of people using `locale`: "h12" for en-US, "h23" for en-GB or de-DE (and when unknown). */
export function localeHourCycle(locale: string): HourCycle {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
    return cycle === "h11" || cycle === "h12" ? "h12" : "h23";
  } catch {
    return "h23";
  }
}

/** The hour cycle of the runtime's locale: in a browser, its language (the clock its time fields show). */
export function runtimeHourCycle(): HourCycle {
  return localeHourCycle(Intl.DateTimeFormat().resolvedOptions().locale);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A wall-clock time as the hour cycle reads it, hours always two digits (as browsers show time fields):
 * 17:05 is "17:05" or "05:05 PM", midnight "00:00" or "12:00 AM"; with seconds "17:05:09" or "05:05:09 PM".
 */
export function formatClock(hour: number, minute: number, hourCycle: HourCycle = "h23", second?: number): string {
  const tail = `${pad2(minute)}${second === undefined ? "" : `:${pad2(second)}`}`;
  if (hourCycle === "h23") return `${pad2(hour)}:${tail}`;
  return `${pad2(hour % 12 === 0 ? 12 : hour % 12)}:${tail} ${hour < 12 ? "AM" : "PM"}`;
}

/**
 * A time of day as a person types it, in either hour cycle ("17:05", "5:05 pm", "05:05 PM", "5 PM", "9.30"), as
 * "HH:MM" on the 24-hour clock; null when it is not one.
 */
export function parseClock(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const period = m[3]?.toLowerCase();
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === "p" ? 12 : 0);
  } else if (hour > 23 || m[2] === undefined) {
    // "17" alone is not a time; "5 PM" is.
    return null;
  }
  return `${pad2(hour)}:${pad2(minute)}`;
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
  /** "Tue 3 Mar" */
  shortDate: string;
  hour: number;
  minute: number;
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
  const shortDate = `${get("weekday")} ${get("day")} ${get("month")}`;
  return { date: `${shortDate} ${get("year")}`, shortDate, hour: Number(get("hour")), minute: Number(get("minute")) };
}

function zoneLabel(d: Date, zone: string): string {
  const abbreviation = zoneAbbreviation(d, zone);
  return abbreviation === zone ? zone : `${abbreviation} (${zone})`;
}

/** How times are written: the locale of dates (en-GB by default) and the hour cycle of clocks (h23 by default). */
interface ClockStyle {
  locale?: string;
  hourCycle?: HourCycle;
}

/**
 * An instant as a person in `zone` reads it, naming the zone: "Tue 3 Mar 2026, 14:00 CET (Europe/Paris)".
 * With `withDate: false` only the time and zone: "14:00 CET (Europe/Paris)"; `withSeconds` adds the seconds
 * ("14:00:05"), for moments just past such as "Auto-saved at"; `hourCycle: "h12"` reads "02:00 PM".
 */
export function formatInZone(
  at: string | Date,
  zone: string,
  opts: { withDate?: boolean; withSeconds?: boolean } & ClockStyle = {},
): string {
  const d = toDate(at);
  const clock = wallClock(d, zone, opts.locale ?? DISPLAY_LOCALE);
  // Today's offsets are whole minutes, so the seconds read the same in every zone.
  const time = formatClock(clock.hour, clock.minute, opts.hourCycle, opts.withSeconds ? d.getUTCSeconds() : undefined);
  const label = zoneLabel(d, zone);
  return opts.withDate === false ? `${time} ${label}` : `${clock.date}, ${time} ${label}`;
}

/**
 * From one instant to another as a person in `zone` reads it, naming the zone once: "09:00–10:30 CET
 * (Europe/Paris)". An end on a later day of that zone says which ("19:00 – Sat 28 Mar, 01:25 EDT
 * (America/New_York)"); an end at the stroke of midnight is still the same day ("23:00–00:00"). Across a DST
 * change both zone names are given.
 */
export function formatRangeInZone(start: string | Date, end: string | Date, zone: string, opts: ClockStyle = {}) {
  const locale = opts.locale ?? DISPLAY_LOCALE;
  const s = toDate(start);
  const e = toDate(end);
  const from = wallClock(s, zone, locale);
  const to = wallClock(e, zone, locale);
  const fromClock = formatClock(from.hour, from.minute, opts.hourCycle);
  const toClock = formatClock(to.hour, to.minute, opts.hourCycle);
  const atMidnight = to.hour === 0 && to.minute === 0 && e.getTime() > s.getTime();
  const endDay = atMidnight ? wallClock(new Date(e.getTime() - 60_000), zone, locale).date : to.date;
  const endText = endDay === from.date ? toClock : `${to.shortDate}, ${toClock}`;
  const fromLabel = zoneLabel(s, zone);
  const toLabel = zoneLabel(e, zone);
  if (fromLabel !== toLabel) return `${fromClock} ${fromLabel} – ${endText} ${toLabel}`;
  return endText === toClock ? `${fromClock}–${toClock} ${fromLabel}` : `${fromClock} – ${endText} ${fromLabel}`;
}

/** The calendar day of an instant in `zone`, "2026-03-27": the day a person there lives it on. */
export function dayInZone(at: string | Date | number, zone: string): string {
  const parts = formatter("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    typeof at === "number" ? new Date(at) : toDate(at),
  );
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
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
  hourCycle: HourCycle = "h23",
): DescribedInstant {
  const d = toDate(at);
  const viewerZone = isKnownTimeZone(zones.viewerZone) ? zones.viewerZone : "UTC";
  const viewer = formatInZone(d, viewerZone, { locale, hourCycle });
  const sourceZone = zones.sourceZone && isKnownTimeZone(zones.sourceZone) ? zones.sourceZone : null;
  if (!sourceZone || sourceZone === viewerZone) return { viewer, source: null, viewerZone };
  const sameDay = wallClock(d, viewerZone, locale).date === wallClock(d, sourceZone, locale).date;
  return { viewer, source: formatInZone(d, sourceZone, { withDate: !sameDay, locale, hourCycle }), viewerZone };
}
