import type { TimetableData } from "../timetable/assemble";
import { formatLocal, formatLocalTime, parseInstant } from "../timetable/time";

/**
 * The sessions list for spreadsheets (conferences.md, Exports; indico.md §5.1: ID, Title, Description, Type,
 * Code), plus Blocks (how many) and Block times (each block's day and times in the event's zone).
 */
export const SESSION_COLUMNS = ["ID", "Title", "Description", "Type", "Code", "Blocks", "Block times"] as const;

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
      return [s.id, s.title, s.description, s.type_name ?? "", s.code, blocks.length, times.join("; ")];
    });
}
