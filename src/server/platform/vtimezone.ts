import { DateTime } from "luxon";

/**
 * The VTIMEZONE of an IANA zone for the years a calendar spans (RFC 5545 §3.6.5), written from the same zone data
 * that turned the entries' wall-clock times into instants (luxon over Intl), so a client that reads the VTIMEZONE
 * (Outlook) and one that reads the TZID name (Google) show the same time. Ready-made tables go stale (one still gave
 * Mexico City a summer time it dropped in 2022) and lack newer names (Europe/Kyiv). One observance opens the first
 * year and one follows each offset change up to the end of the last year; the last one holds after that.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The same zone and years always give the same text, and working it out walks the years day by day (over half
 * the time a session stays locked while its emails are written): each is worked out once per process. A pure
 * function's memo, not state: every instance computes the same answer.
 */
const made = new Map<string, string>();

export function vtimezone(zone: string, years: { from: number; to: number }): string {
  const key = `${zone}|${years.from}|${years.to}`;
  let text = made.get(key);
  if (text === undefined) {
    text = describeZone(zone, years);
    // Bounded: zones × years in use are few; a flood of odd years cannot grow it without end.
    if (made.size > 2_000) made.clear();
    made.set(key, text);
  }
  return text;
}

function describeZone(zone: string, years: { from: number; to: number }): string {
  const at = (ms: number) => DateTime.fromMillis(ms, { zone });
  const start = DateTime.fromObject({ year: years.from, month: 1, day: 1 }, { zone }).toMillis();
  const end = DateTime.fromObject({ year: years.to + 1, month: 1, day: 1 }, { zone }).toMillis();
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const observance = (ms: number, from: number, to: number) => {
    const local = at(ms);
    const kind = local.isInDST ? "DAYLIGHT" : "STANDARD";
    // The onset is the local time just before the change, read in the offset then in force (§3.6.5).
    const onset = DateTime.fromMillis(ms + from * MINUTE, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss");
    const name = local.setLocale("en-US").offsetNameShort;
    lines.push(`BEGIN:${kind}`, `DTSTART:${onset}`, `TZOFFSETFROM:${offsetText(from)}`);
    lines.push(`TZOFFSETTO:${offsetText(to)}`);
    if (name && /^[\w+\-:]+$/.test(name)) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
  };
  let offset = at(start).offset;
  observance(start, offset, offset);
  // Day by day, then to the minute: zones change offset at most once a day.
  for (let t = start; t < end; t += DAY) {
    const next = Math.min(t + DAY, end);
    const after = at(next).offset;
    if (after === offset) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
      if (at(mid).offset === offset) lo = mid;
      else hi = mid;
    }
    observance(hi, offset, after);
    offset = after;
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
