import type { FrabEvent, FrabSchedule } from "./frab";

/**
 * The frab `schedule.xml` of a schedule built by `buildFrabSchedule`: the format Giggity, ConfClerk, EventFahrplan
 * and the c3voc tools read, as the published XSD (voc/schedule `validator/xsd/schedule.xml.xsd`) describes it:
 * `<schedule>` with `<version>`, `<conference>` (title, acronym, start, end, days, timeslot_duration), then one
 * `<day>` per day holding `<room name>` and their `<event id guid>`. The XSD's elements are closed sets, so what
 * only the JSON has (urls, time zone name, generator) stays out; `abstract`, `slug`, `subtitle` and `track` are
 * required and written empty when there is nothing to say. Pure: the same schedule in, the same text out.
 */
export function frabScheduleXml(schedule: FrabSchedule): string {
  const { conference } = schedule.schedule;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>"];
  out.push(`  ${element("version", schedule.schedule.version)}`);
  out.push("  <conference>");
  out.push(`    ${element("title", conference.title)}`);
  out.push(`    ${element("acronym", conference.acronym)}`);
  out.push(`    ${element("start", conference.start)}`);
  out.push(`    ${element("end", conference.end)}`);
  out.push(`    ${element("days", String(conference.daysCount))}`);
  out.push(`    ${element("timeslot_duration", conference.timeslot_duration)}`);
  out.push("  </conference>");
  for (const day of conference.days) {
    out.push(
      `  <day${attributes({ index: String(day.index), date: day.date, start: day.day_start, end: day.day_end })}>`,
    );
    for (const [room, events] of Object.entries(day.rooms)) {
      out.push(`    <room${attributes({ name: room })}>`);
      for (const event of events) out.push(...eventXml(event).map((line) => `      ${line}`));
      out.push("    </room>");
    }
    out.push("  </day>");
  }
  out.push("</schedule>", "");
  return out.join("\n");
}

function eventXml(e: FrabEvent): string[] {
  const lines = [
    `<event${attributes({ id: String(e.id), guid: e.guid })}>`,
    `  ${element("room", e.room)}`,
    `  ${element("title", e.title)}`,
    `  ${element("subtitle", e.subtitle ?? "")}`,
    `  ${element("type", e.type)}`,
    `  ${element("date", e.date)}`,
    `  ${element("start", e.start)}`,
    `  ${element("duration", e.duration)}`,
    `  ${element("slug", e.slug)}`,
    `  ${element("track", e.track ?? "")}`,
    `  ${element("abstract", e.abstract ?? "")}`,
  ];
  if (e.language) lines.push(`  ${element("language", e.language)}`);
  if (e.description) lines.push(`  ${element("description", e.description)}`);
  lines.push("  <persons>");
  for (const p of e.persons) lines.push(`    ${element("person", p.name)}`);
  lines.push("  </persons>");
  lines.push("  <links>");
  for (const l of e.links) lines.push(`    <link${attributes({ href: l.url })}>${text(l.title ?? l.url)}</link>`);
  lines.push("  </links>");
  lines.push("</event>");
  return lines;
}

function element(name: string, value: string): string {
  return value === "" ? `<${name}/>` : `<${name}>${text(value)}</${name}>`;
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${text(v).replaceAll('"', "&quot;")}"`)
    .join("");
}

/**
 * Character data: markup characters escaped, and the characters XML 1.0 cannot carry at all (C0 controls other
 * than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) dropped, so pasted text cannot make the file unreadable.
 */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}
