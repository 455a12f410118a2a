import ICAL from "ical.js";
import { DateTime } from "luxon";
import { expect } from "vitest";

/**
 * A strict reader of the iCalendar documents Convene produces: ical.js must parse them, and on top our own checks of
 * what standard consumers rely on and ical.js lets pass (RFC 5545 and RFC 5546):
 * - every line ends with CRLF, the last one too (§3.1), and no physical line is longer than 75 octets;
 * - no control character in a content line; quoted parameter values are well formed;
 * - BEGIN/END balanced; a VCALENDAR has VERSION:2.0, PRODID and at least one component (§3.6);
 * - a METHOD needs ORGANIZER in each VEVENT (RFC 5546 §3.2: PUBLISH, REQUEST and CANCEL all require it); REQUEST
 *   also ATTENDEE and SUMMARY, REQUEST and CANCEL a SEQUENCE;
 * - each VEVENT has one UID, a UTC DTSTAMP and a DTSTART, ends after it starts, a SEQUENCE ≥ 0, and its UID
 *   appears once in the calendar;
 * - every TZID used has its VTIMEZONE, each with observances, and the local times it gives agree with the zone
 *   database (a stale VTIMEZONE would move the entry for Outlook and not for Google);
 * - text values that hold one value (SUMMARY, NAME, …) escape commas and semicolons.
 */

interface Line {
  name: string;
  params: Record<string, string>;
  value: string;
  number: number;
}

interface Component {
  name: string;
  lines: Line[];
  children: Component[];
}

// Single-valued TEXT properties: an unescaped comma or semicolon would make them lists (RFC 5545 §3.3.11).
const SINGLE_TEXT = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "NAME", "X-WR-CALNAME", "X-WR-CALDESC", "TZNAME"]);
// RFC 5545 §3.1 CONTROL: any C0 character but HTAB, and DEL.
const hasControl = (text: string) => [...text].some((c) => c !== "\t" && (c < " " || c === "\x7f"));

/** Parses one unfolded content line: `name *(";" param) ":" value`; null when it is not one. */
function contentLine(text: string, number: number, problems: string[]): Line | null {
  const head = /^([A-Za-z0-9-]+)/.exec(text);
  if (!head) {
    problems.push(`line ${number}: no property name: ${JSON.stringify(text.slice(0, 40))}`);
    return null;
  }
  const name = head[1] as string;
  const params: Record<string, string> = {};
  let i = name.length;
  while (text[i] === ";") {
    const param = /^([A-Za-z0-9-]+)=/.exec(text.slice(i + 1));
    if (!param) {
      problems.push(`line ${number}: ${name} has a malformed parameter`);
      return null;
    }
    i += 1 + param[0].length;
    // A parameter value is a quoted string without DQUOTE, or text without DQUOTE ; : ,
    // (Control characters are refused for the whole line, in tree().)
    const quoted = text[i] === '"' ? /^"([^"]*)"/.exec(text.slice(i)) : null;
    const plain = quoted ? null : /^[^";:,]*/.exec(text.slice(i));
    const raw = quoted ?? plain;
    if (!raw) {
      problems.push(`line ${number}: ${name};${param[1]} has an unterminated quoted value`);
      return null;
    }
    params[(param[1] as string).toUpperCase()] = quoted ? (quoted[1] as string) : raw[0];
    i += raw[0].length;
    while (text[i] === ",") {
      const more = /^,("[^"]*"|[^";:,]*)/.exec(text.slice(i));
      i += more ? more[0].length : 1;
    }
  }
  if (text[i] !== ":") {
    problems.push(`line ${number}: ${name} is not followed by ":" (${JSON.stringify(text.slice(i, i + 20))})`);
    return null;
  }
  return { name: name.toUpperCase(), params, value: text.slice(i + 1), number };
}

function tree(text: string, problems: string[]): Component[] {
  // Unfold (§3.1): CRLF followed by one space or tab continues the line.
  const physical = text.split("\r\n");
  if (physical.at(-1) === "") physical.pop();
  const logical: { text: string; number: number }[] = [];
  physical.forEach((l, i) => {
    if ((l.startsWith(" ") || l.startsWith("\t")) && logical.length > 0) {
      (logical.at(-1) as { text: string }).text += l.slice(1);
    } else logical.push({ text: l, number: i + 1 });
  });
  const roots: Component[] = [];
  const stack: Component[] = [];
  for (const { text: l, number } of logical) {
    if (hasControl(l)) problems.push(`line ${number}: a control character in ${JSON.stringify(l.slice(0, 40))}`);
    const line = contentLine(l, number, problems);
    if (!line) continue;
    if (line.name === "BEGIN") {
      const comp: Component = { name: line.value.toUpperCase(), lines: [], children: [] };
      (stack.at(-1)?.children ?? roots).push(comp);
      stack.push(comp);
    } else if (line.name === "END") {
      const open = stack.pop();
      if (open?.name !== line.value.toUpperCase())
        problems.push(`line ${number}: END:${line.value} closes ${open ? `BEGIN:${open.name}` : "nothing"}`);
    } else if (stack.length === 0) problems.push(`line ${number}: ${line.name} outside any component`);
    else stack.at(-1)?.lines.push(line);
  }
  for (const open of stack) problems.push(`BEGIN:${open.name} is never closed`);
  return roots;
}

const props = (c: Component, name: string) => c.lines.filter((l) => l.name === name);

function once(c: Component, name: string, where: string, problems: string[]): Line | undefined {
  const found = props(c, name);
  if (found.length !== 1) problems.push(`${where}: ${found.length} ${name} (exactly one required)`);
  return found[0];
}

/** The UTC instant of a DATE-TIME value read in `zone` by the zone database (luxon), or null. */
function zoneDbInstant(value: string, zone: string): number | null {
  const dt = DateTime.fromFormat(value, "yyyyMMdd'T'HHmmss", { zone });
  return dt.isValid ? dt.toMillis() : null;
}

function calendarProblems(cal: Component, problems: string[]): void {
  const where = "VCALENDAR";
  if (once(cal, "VERSION", where, problems)?.value !== "2.0") problems.push(`${where}: VERSION is not 2.0`);
  once(cal, "PRODID", where, problems);
  if (cal.children.length === 0) problems.push(`${where}: no component (RFC 5545 §3.6 requires one)`);
  const methods = props(cal, "METHOD");
  if (methods.length > 1) problems.push(`${where}: more than one METHOD`);
  const method = methods[0]?.value.toUpperCase();

  const vtimezones = new Map<string, Component>();
  for (const tz of cal.children.filter((c) => c.name === "VTIMEZONE")) {
    const tzid = once(tz, "TZID", "VTIMEZONE", problems)?.value ?? "";
    if (vtimezones.has(tzid)) problems.push(`VTIMEZONE ${tzid} appears twice`);
    vtimezones.set(tzid, tz);
    const observances = tz.children.filter((o) => o.name === "STANDARD" || o.name === "DAYLIGHT");
    if (observances.length === 0) problems.push(`VTIMEZONE ${tzid}: no STANDARD or DAYLIGHT`);
    for (const o of observances) {
      for (const p of ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"]) once(o, p, `VTIMEZONE ${tzid} ${o.name}`, problems);
    }
  }

  const everyLine = (c: Component): Line[] => [...c.lines, ...c.children.flatMap(everyLine)];
  for (const l of everyLine(cal)) {
    const tzid = l.params.TZID;
    if (tzid !== undefined && !vtimezones.has(tzid))
      problems.push(`line ${l.number}: TZID=${tzid} has no VTIMEZONE in the calendar`);
    if (SINGLE_TEXT.has(l.name) && /(^|[^\\])(\\\\)*[,;]/.test(l.value))
      problems.push(`line ${l.number}: ${l.name} has an unescaped comma or semicolon`);
  }

  const uids = new Set<string>();
  for (const c of cal.children) {
    if (c.name !== "VEVENT") continue;
    const label = `VEVENT ${props(c, "UID")[0]?.value ?? "(no UID)"}`;
    const uid = once(c, "UID", label, problems)?.value;
    if (uid !== undefined) {
      if (uids.has(uid)) problems.push(`${label}: the UID appears twice in one calendar`);
      uids.add(uid);
    }
    const stamp = once(c, "DTSTAMP", label, problems)?.value;
    if (stamp !== undefined && !/^\d{8}T\d{6}Z$/.test(stamp)) problems.push(`${label}: DTSTAMP is not UTC`);
    once(c, "DTSTART", label, problems);
    if (props(c, "DTEND").length > 0 && props(c, "DURATION").length > 0)
      problems.push(`${label}: both DTEND and DURATION`);
    const sequence = props(c, "SEQUENCE")[0]?.value;
    if (sequence !== undefined && !/^\d+$/.test(sequence)) problems.push(`${label}: SEQUENCE ${sequence} is not ≥ 0`);
    if (method) {
      if (props(c, "ORGANIZER").length !== 1) problems.push(`${label}: METHOD:${method} without one ORGANIZER`);
      if ((method === "REQUEST" || method === "CANCEL") && sequence === undefined)
        problems.push(`${label}: METHOD:${method} without SEQUENCE`);
      if (method === "REQUEST" && props(c, "ATTENDEE").length === 0)
        problems.push(`${label}: METHOD:REQUEST without ATTENDEE`);
      if (method === "REQUEST" && props(c, "SUMMARY").length === 0)
        problems.push(`${label}: METHOD:REQUEST without SUMMARY`);
    }
  }
}

/** ical.js reads the document; start before end, and each local time means what the zone database says. */
function icalJsProblems(text: string, problems: string[]): void {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    problems.push(`ical.js cannot parse it: ${(e as Error).message}`);
    return;
  }
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    const tz = new ICAL.Timezone(vtz);
    if (!tz.tzid) problems.push("ical.js: a VTIMEZONE without TZID");
  }
  for (const v of root.getAllSubcomponents("vevent")) {
    const ev = new ICAL.Event(v);
    const label = `VEVENT ${ev.uid}`;
    if (!ev.startDate) continue;
    if (ev.endDate && ev.endDate.compare(ev.startDate) <= 0) problems.push(`${label}: ends before it starts`);
    for (const name of ["dtstart", "dtend"]) {
      const prop = v.getFirstProperty(name);
      const tzid = prop?.getParameter("tzid");
      if (!prop || typeof tzid !== "string") continue;
      const time = prop.getFirstValue() as ICAL.Time;
      const fromVtimezone = time.toJSDate().getTime();
      const fromZoneDb = zoneDbInstant(time.toICALString().replace(/Z$/, ""), tzid);
      if (fromZoneDb === null) problems.push(`${label}: ${name.toUpperCase()} TZID=${tzid} is not a known zone`);
      else if (fromVtimezone !== fromZoneDb)
        problems.push(
          `${label}: ${name.toUpperCase()} ${time.toICALString()} in ${tzid} is ${new Date(fromVtimezone).toISOString()} by the VTIMEZONE but ${new Date(fromZoneDb).toISOString()} by the zone database`,
        );
    }
  }
}

/** Every problem found in `text` (empty: a standard consumer will read it as meant). */
export function icsProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the last line does not end with CRLF (RFC 5545 §3.1)");
  const bare = /\r(?!\n)|(?<!\r)\n/.exec(text);
  if (bare) problems.push(`a line ends with a bare ${bare[0] === "\n" ? "LF" : "CR"} at offset ${bare.index}`);
  text.split("\r\n").forEach((l, i) => {
    const octets = Buffer.byteLength(l, "utf8");
    if (octets > 75) problems.push(`line ${i + 1} is ${octets} octets long (at most 75, RFC 5545 §3.1)`);
  });
  const roots = tree(text, problems);
  if (roots.length === 0) problems.push("no VCALENDAR");
  for (const r of roots) {
    if (r.name !== "VCALENDAR") problems.push(`a top-level ${r.name} outside VCALENDAR`);
    else calendarProblems(r, problems);
  }
  icalJsProblems(text, problems);
  return problems;
}

/** Fails with every problem of the document named `label`. */
export function expectStrictIcs(text: string, label = "calendar"): void {
  expect(icsProblems(text), `${label}:\n${text}`).toEqual([]);
}
