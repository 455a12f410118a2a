import { Text } from "@mantine/core";
import { type CSSProperties, useDeferredValue, useMemo, useRef } from "react";
import { clockIn } from "../../local-time";
import { gridWindow, hourMarks, yOf } from "../../timetable-editing";
import classes from "../../timetable-editor.module.css";
import { dayLanes } from "../../timetable-lanes";
import type { ActiveDraft, EditorDay, EntryContext } from "./editor-types";
import { BlockBox, EntryBox } from "./entry-boxes";

/**
 * One day on the time grid: a lane per room (dayLanes), each at least a readable width, scrolled sideways when
 * the rooms do not fit, with the hour axis kept at the left and the room names kept at the top of the window.
 */
export function DayGrid({
  day,
  ctx,
  active,
  dragging,
  over,
  ordinals,
}: {
  day: EditorDay;
  ctx: EntryContext;
  /** The draft shown, the entry held and the block it is over: given only to the boxes they concern. */
  active: ActiveDraft | null;
  dragging: string | null;
  over: { blockId: string; refusal: string | null } | null;
  ordinals: ReadonlyMap<string, { n: number; of: number }>;
}) {
  const grid = useMemo(() => gridWindow(day, day.entries, ctx.zone), [day, ctx.zone]);
  const { lanes, placed } = useMemo(() => dayLanes(day.entries), [day.entries]);
  // Which block an entry is in, so that a draft or a drag reaches its block's box and no other.
  const blockOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of day.entries) if (e.kind === "block") for (const c of e.children) map.set(c.id, e.id);
    return map;
  }, [day.entries]);
  const concerns = (id: string | null | undefined, entryId: string) =>
    id != null && (id === entryId || blockOf.get(id) === entryId);
  // The first entries of a day at once, the rest in a render React interrupts for input: a day of 400
  // contributions shows its morning in one frame when its tab is chosen (performance.md).
  const shown = useDeferredValue(placed.length, Math.min(placed.length, FIRST_ENTRIES));
  const heads = useRef<HTMLDivElement>(null);
  const height = yOf(grid.toMs, grid);
  const marks = hourMarks(grid, ctx.zone);
  const columns = { "--lanes": lanes.length } as CSSProperties;
  const named = lanes.some((l) => l.label);
  const lane = 100 / lanes.length;
  return (
    <div className={classes.day}>
      {named && (
        <div className={classes.laneHeads} ref={heads}>
          <div className={classes.sheet} style={columns}>
            <div className={classes.corner} />
            {lanes.map((l) => (
              <div key={l.key} className={classes.laneHead} data-testid="lane-head" title={l.label}>
                {l.label}
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
            {lanes.map((l, i) => (
              <div key={l.key} className={classes.laneLine} style={{ left: `${i * lane}%` }} />
            ))}
            {day.entries.length === 0 && (
              <Text size="sm" className={classes.empty}>
                Nothing is scheduled on this day.
              </Text>
            )}
            {placed.slice(0, shown).map(({ entry, ...p }) => {
              const across = {
                left: `calc(${(p.lane + p.sub / p.subs) * lane}% + 2px)`,
                width: `calc(${(p.span * lane) / p.subs}% - 4px)`,
              };
              if (entry.kind === "block") {
                const ordinal = ordinals.get(entry.id);
                return (
                  <BlockBox
                    key={entry.id}
                    block={entry}
                    day={day.day}
                    reorderable={!p.byRoom}
                    {...across}
                    originMs={grid.fromMs}
                    active={concerns(active?.id, entry.id) ? active : null}
                    dragging={concerns(dragging, entry.id) ? dragging : null}
                    over={over?.blockId === entry.id ? over : null}
                    ordinalN={ordinal?.n ?? 1}
                    ordinalOf={ordinal?.of ?? 1}
                    ctx={ctx}
                  />
                );
              }
              return (
                <EntryBox
                  key={entry.id}
                  entry={entry}
                  parent={null}
                  day={day.day}
                  may={ctx.permissions.topLevel}
                  {...across}
                  originMs={grid.fromMs}
                  active={active?.id === entry.id ? active : null}
                  dragging={dragging === entry.id}
                  ctx={ctx}
                  className={classes.topEntry}
                  colours={entry.kind === "break" ? entry.colours : TOP_CONTRIBUTION}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

/** How many top-level entries of a day are drawn before the rest (they come in time order). */
const FIRST_ENTRIES = 6;

/** A contribution outside blocks: grey, as it belongs to no session. */
const TOP_CONTRIBUTION = { text: "#202020", background: "#868e96" };
