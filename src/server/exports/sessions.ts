import { formatLocal, formatLocalTime, parseInstant } from "../conference-core/time";
import type { TimetableData } from "../timetable/assemble";

/**
 * The sessions list for spreadsheets (conferences.md, Exports; indico.md §5.1: ID, Title, Description, Type,
 * Code), plus Blocks (how many), Block times (each block's day and times in the event's zone) and Time zone (that
 * zone's IANA name, beside the times on every row: the header stays the same for every event, so sheets can be
 * combined and imported by column name, and a row copied elsewhere still says what its times mean).
 */
export const SESSION_COLUMNS = [
  "ID",
  "Title",
  "Description",
  "Type",
  "Code",
  "Blocks",
  "Block times",
  "Time zone",
] as const;

export function sessionRows(data: Pick<TimetableData, "event" | "sessions" | "blocks">): (string | number)[][] {
  const zone = data.event.time_zone;
  return [...data.sessions]
    .sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }) || (a.id < b.id ? -1 : 1))
    .map((s) => {
      const blocks = data.blocks.filter((b) => b.session_id === s.id);
      const times = blocks.map((b) => {
        const start = parseInstant(b.start_at) ?? 0;
        return `${formatLocal(start, zone)}–${formatLocalTime(start + b.duration_minutes, zone)}`;
      });
      return [s.id, s.title, s.description, s.type_name ?? "", s.code, blocks.length, times.join("; "), zone];
    });
}
