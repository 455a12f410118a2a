import { Text } from "@mantine/core";
import { type CSSProperties, useMemo } from "react";
import type { TimetableTopEntry } from "../../../../../shared/schemas/timetable";
import { clockIn } from "../../local-time";
import { boxOf, gridWindow, hourMarks, yOf } from "../../timetable-editing";
import classes from "../../timetable-editor.module.css";
import { beforeOfTop } from "../../timetable-gestures";
import type { EditorDay, EntryContext } from "./editor-types";
import { BlockBox, EntryBox } from "./entry-boxes";

/** One day on the time grid: hour lines in the event's zone, its top-level entries side by side in their columns. */
export function DayGrid({ day, ctx }: { day: EditorDay; ctx: EntryContext }) {
  const grid = useMemo(() => gridWindow(day, day.entries, ctx.zone), [day, ctx.zone]);
  const height = yOf(grid.toMs, grid);
  const marks = hourMarks(grid, ctx.zone);
  return (
    <div className={classes.grid} style={{ height }}>
      {marks.map((m) => (
        <div key={m} className={classes.hour} style={{ top: yOf(m, grid) }}>
          <span className={classes.hourLabel}>{clockIn(m, ctx.zone)}</span>
        </div>
      ))}
      <div className={classes.lanes} data-grid-from={grid.fromMs} data-testid="timetable-grid">
        {day.entries.length === 0 && (
          <Text size="sm" className={classes.empty}>
            Nothing is scheduled on this day.
          </Text>
        )}
        {day.entries.map((entry) => (
          <TopEntryBox key={entry.id} entry={entry} day={day} originMs={grid.fromMs} ctx={ctx} />
        ))}
      </div>
    </div>
  );
}

function TopEntryBox({
  entry,
  day,
  originMs,
  ctx,
}: {
  entry: TimetableTopEntry;
  day: EditorDay;
  originMs: number;
  ctx: EntryContext;
}) {
  const active = ctx.draftOf(entry.id);
  const style = {
    ...boxOf(entry, active?.draft ?? null, originMs),
    left: `calc(${(entry.column / entry.columns) * 100}% + 2px)`,
    width: `calc(${100 / entry.columns}% - 4px)`,
  } as CSSProperties;
  if (entry.kind === "block")
    return <BlockBox block={entry} day={day.day} siblings={day.entries} style={style} active={active} ctx={ctx} />;
  return (
    <EntryBox
      entry={entry}
      target={ctx.targetOf(beforeOfTop(entry), entry.title, null, day.day)}
      may={ctx.permissions.topLevel}
      style={style}
      active={active}
      ctx={ctx}
      className={classes.topEntry}
      colours={entry.kind === "break" ? entry.colours : { text: "#202020", background: "#868e96" }}
    />
  );
}
