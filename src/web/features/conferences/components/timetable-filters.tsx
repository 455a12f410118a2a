import { Anchor, Group, MultiSelect, Text, Title } from "@mantine/core";
import { type CSSProperties, useEffect, useId, useState } from "react";
import { flushSync } from "react-dom";
import { useSearchParams } from "react-router";
import classes from "../timetable.module.css";
import {
  type FilterOptions,
  filterFromParams,
  isFiltering,
  type LegendItem,
  type TimetableFilter,
  withFilter,
  withoutFilter,
} from "../timetable-filter";

/** The sessions of the timetable, each with its colour and, when it has one, its type (issue #14). */
export function SessionLegend({ items }: { items: LegendItem[] }) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={classes.legendSection}>
      <Title order={2} size="h5" id={headingId}>
        Sessions
      </Title>
      <ul className={classes.legend} aria-labelledby={headingId}>
        {items.map((s) => (
          <li key={s.sessionId} className={classes.legendItem} data-testid="legend-session">
            <span
              className={classes.swatch}
              style={{ "--tt-bg": s.colours.background } as CSSProperties}
              aria-hidden="true"
            />
            <span>
              {s.title}
              {s.code && ` (${s.code})`}
              {s.type && <span className={classes.legendType}> · {s.type}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The filter of the page, read from and written to its address (?session=&track=&room=). */
export function useTimetableFilter(options: FilterOptions) {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params, options);
  const set = (dimension: keyof TimetableFilter, values: string[]) =>
    setParams((prev) => withFilter(prev, dimension, values), { replace: true });
  const clear = () => setParams((prev) => withoutFilter(prev), { replace: true });
  return { filter, set, clear };
}

/**
 * Filter by session, track and room (each shown only when the timetable has one to choose), and a line that says
 * how many entries are shown, with a way back to all of them.
 */
export function TimetableFilterBar({
  options,
  filter,
  onChange,
  onClear,
  shown,
  total,
}: {
  options: FilterOptions;
  filter: TimetableFilter;
  onChange: (dimension: keyof TimetableFilter, values: string[]) => void;
  onClear: () => void;
  shown: number;
  total: number;
}) {
  const filtering = isFiltering(filter);
  const field = { searchable: true, clearable: true, hidePickedOptions: true, style: { flex: "1 1 220px" } };
  return (
    <div className={classes.filters}>
      <div className={classes.noPrint}>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <MultiSelect
            label="Sessions"
            placeholder={filter.sessions.length ? undefined : "All sessions"}
            data={options.sessions}
            value={filter.sessions}
            onChange={(v) => onChange("sessions", v)}
            {...field}
          />
          {options.tracks.length > 0 && (
            <MultiSelect
              label="Tracks (session types)"
              placeholder={filter.tracks.length ? undefined : "All tracks"}
              data={options.tracks}
              value={filter.tracks}
              onChange={(v) => onChange("tracks", v)}
              {...field}
            />
          )}
          {options.rooms.length > 0 && (
            <MultiSelect
              label="Rooms"
              placeholder={filter.rooms.length ? undefined : "All rooms"}
              data={options.rooms}
              value={filter.rooms}
              onChange={(v) => onChange("rooms", v)}
              {...field}
            />
          )}
        </Group>
      </div>
      <div className={filtering ? undefined : classes.noPrint}>
        <Group gap={6} mt="xs">
          <Text size="sm" role="status" data-testid="timetable-count">
            Showing {shown} of {total} {total === 1 ? "entry" : "entries"}
          </Text>
          {filtering && (
            <span className={classes.noPrint}>
              <Text size="sm" span aria-hidden="true">
                ·{" "}
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={onClear}>
                Clear filters
              </Anchor>
            </span>
          )}
        </Group>
      </div>
    </div>
  );
}

/**
 * Whether the page is being printed: then every day is shown, one after another, instead of the selected tab. Set
 * by the Print button before it opens the print dialog, by the browser's own Print (beforeprint) and by print media
 * (emulated or matched), each rendered at once so the printout has every day.
 */
export function usePrinting(): { printing: boolean; print: () => void } {
  const [printing, setPrinting] = useState(() => window.matchMedia?.("print").matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.("print");
    const onMedia = () => flushSync(() => setPrinting(media?.matches ?? false));
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    media?.addEventListener("change", onMedia);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      media?.removeEventListener("change", onMedia);
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  const print = () => {
    flushSync(() => setPrinting(true));
    window.print();
  };
  return { printing, print };
}
