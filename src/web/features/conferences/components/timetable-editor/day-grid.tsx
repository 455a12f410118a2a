import { Text } from "@mantine/core";
import { type CSSProperties, useMemo, useRef } from "react";
import type { TimetableTopEntry } from "../../../../../shared/schemas/timetable";
import { clockIn } from "../../local-time";
import { boxOf, gridWindow, hourMarks, yOf } from "../../timetable-editing";
import classes from "../../timetable-editor.module.css";
import { beforeOfTop } from "../../timetable-gestures";
import { dayLanes, type LanePlacement } from "../../timetable-lanes";
import type { EditorDay, EntryContext } from "./editor-types";
import { BlockBox, EntryBox } from "./entry-boxes";

/**
 * One day on the time grid: a lane per room (dayLanes), each at least a readable width, scrolled sideways when
 * the rooms do not fit, with the hour axis kept at the left and the room names kept at the top of the window.
 */
export function DayGrid({ day, ctx }: { day: EditorDay; ctx: EntryContext }) {
  const grid = useMemo(() => gridWindow(day, day.entries, ctx.zone), [day, ctx.zone]);
  const { lanes, placed } = useMemo(() => dayLanes(day.entries), [day.entries]);
  const heads = useRef<HTMLDivElement>(null);
  const height = yOf(grid.toMs, grid);
  const marks = hourMarks(grid, ctx.zone);
  const columns = { "--lanes": lanes.length } as CSSProperties;
  const named = lanes.some((l) => l.label);
  return (
    <div className={classes.day}>
      {named && (
        <div className={classes.laneHeads} ref={heads}>
          <div className={classes.sheet} style={columns}>
            <div className={classes.corner} />
            {lanes.map((lane) => (
              <div key={lane.key} className={classes.laneHead} data-testid="lane-head" title={lane.label}>
                {lane.label}
              </div>
            ))}
          </div>
        </div>
      )}
      <div
        className={classes.scroller}
        data-testid="timetable-scroller"
        onScroll={(e) => {
          if (heads.current) heads.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div className={classes.sheet} style={columns}>
          <div className={classes.axis} style={{ height }}>
            {marks.map((m) => (
              <span key={m} className={classes.hourLabel} style={{ top: yOf(m, grid) }}>
                {clockIn(m, ctx.zone)}
              </span>
            ))}
          </div>
          <div className={classes.lanes} style={{ height }} data-grid-from={grid.fromMs} data-testid="timetable-grid">
            {marks.map((m) => (
              <div key={m} className={classes.hour} style={{ top: yOf(m, grid) }} />
            ))}
            {lanes.map((lane, i) => (
              <div key={lane.key} className={classes.laneLine} style={{ left: `${(i / lanes.length) * 100}%` }} />
            ))}
            {day.entries.length === 0 && (
              <Text size="sm" className={classes.empty}>
                Nothing is scheduled on this day.
              </Text>
            )}
            {placed.map((p) => (
              <TopEntryBox
                key={p.entry.id}
                placed={p}
                lanes={lanes.length}
                day={day}
                originMs={grid.fromMs}
                ctx={ctx}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function TopEntryBox({
  placed,
  lanes,
  day,
  originMs,
  ctx,
}: {
  placed: LanePlacement<TimetableTopEntry>;
  lanes: number;
  day: EditorDay;
  originMs: number;
  ctx: EntryContext;
}) {
  const { entry } = placed;
  const active = ctx.draftOf(entry.id);
  const lane = 100 / lanes;
  const style = {
    ...boxOf(entry, active?.draft ?? null, originMs),
    left: `calc(${(placed.lane + placed.sub / placed.subs) * lane}% + 2px)`,
    width: `calc(${(placed.span * lane) / placed.subs}% - 4px)`,
  } as CSSProperties;
  if (entry.kind === "block")
    return (
      <BlockBox
        block={entry}
        day={day.day}
        siblings={day.entries}
        reorderable={!placed.byRoom}
        style={style}
        active={active}
        ctx={ctx}
      />
    );
  return (
    <EntryBox
      entry={entry}
      target={ctx.targetOf(
        beforeOfTop(entry),
        entry.title,
        null,
        day.day,
        entry.kind === "contribution" ? entry.sessionId : undefined,
      )}
      may={ctx.permissions.topLevel}
      style={style}
      active={active}
      ctx={ctx}
      className={classes.topEntry}
      colours={entry.kind === "break" ? entry.colours : { text: "#202020", background: "#868e96" }}
    />
  );
}
