import { Group, Radio, SegmentedControl, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useSearchParams } from "react-router";
import { useViewerTimeZone, ViewerTimeZoneProvider } from "../../../components/time";

type ZoneMode = "event" | "viewer";

/** Session or block? Said once above every timetable (indico.md §9.2: the two are easily confused). */
export function SessionBlockLegend() {
  return (
    <Text size="sm">
      Each coloured box is a <strong>block</strong>: one scheduled stretch of a <strong>session</strong>. A session
      groups related contributions, has its own colour and may run in several blocks; its conveners are shown top right
      of each block, its material in every one of them.
    </Text>
  );
}

/** Event zone or the viewer's: the switch above the timetable, and the provider every Time below reads. */
function ZoneSwitch({
  eventZone,
  mode,
  onChange,
}: {
  eventZone: string;
  mode: ZoneMode;
  onChange: (mode: ZoneMode) => void;
}) {
  const viewerZone = useViewerTimeZone();
  if (viewerZone === eventZone) return <Text size="sm">Times are in {eventZone}, the event's time zone.</Text>;
  return (
    <Radio.Group label="Show times in" value={mode} onChange={(v) => onChange(v as ZoneMode)}>
      <Group gap="lg" mt={4} wrap="wrap">
        <Radio value="event" label={`The event's zone (${eventZone})`} />
        <Radio value="viewer" label={`Your zone (${viewerZone})`} />
      </Group>
    </Radio.Group>
  );
}

function InZone({ mode, eventZone, children }: { mode: ZoneMode; eventZone: string; children: ReactNode }) {
  return mode === "event" ? (
    <ViewerTimeZoneProvider profileZone={eventZone}>{children}</ViewerTimeZoneProvider>
  ) : (
    children
  );
}

type TimetableView = "programme" | "edit";

/**
 * Programme (the blocks as everyone reads them, with their details and the simple dialogs) or Editor (the time
 * grid to drag, resize and reorder): for the people who may change the timetable. Kept in the URL (?view=).
 */
function useTimetableView(fallback: TimetableView): [TimetableView, (view: TimetableView) => void] {
  const [asked, set] = useQueryParam("view");
  return [asked === "edit" || asked === "programme" ? asked : fallback, set];
}

/** One search parameter of the page, replaced in place (no new history entry per click). */
function useQueryParam(name: string): [string | null, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  return [params.get(name), set];
}

function ViewSwitch({ view, onChange }: { view: TimetableView; onChange: (view: TimetableView) => void }) {
  return (
    <SegmentedControl
      aria-label="Timetable view"
      value={view}
      onChange={(v) => onChange(v as TimetableView)}
      data={[
        { value: "programme", label: "Programme" },
        { value: "edit", label: "Editor" },
      ]}
      w="fit-content"
    />
  );
}

/**
 * For a timetable page: Programme or Editor (`fallback` until the person picks one) and the switch between them,
 * shown only to those who may edit; `editing` is true for them in the Editor.
 */
export function useViewChoice(fallback: TimetableView, mayEdit: boolean): { editing: boolean; viewSwitch: ReactNode } {
  const [view, setView] = useTimetableView(fallback);
  return {
    editing: mayEdit && view === "edit",
    viewSwitch: mayEdit && <ViewSwitch view={view} onChange={setView} />,
  };
}

/** Where the viewer's choice of zone is kept: one choice for every timetable, until they change it. */
const ZONE_CHOICE_KEY = "convene.timetable-zone";

function storedZoneMode(): ZoneMode {
  try {
    return window.localStorage.getItem(ZONE_CHOICE_KEY) === "viewer" ? "viewer" : "event";
  } catch {
    return "event";
  }
}

function storeZoneMode(mode: ZoneMode) {
  try {
    window.localStorage.setItem(ZONE_CHOICE_KEY, mode);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

/**
 * For a timetable page: the event's zone or the viewer's, remembered in this browser. `zoneSwitch` is left out in
 * the editor, whose grid is always in the event's zone and says so (its other times too); `inZone` shows the
 * times of what it wraps in the chosen zone, and `zone` is that zone, whose days the reading views show.
 */
export function useZoneChoice(
  eventZone: string,
  editing: boolean,
): { zoneSwitch: ReactNode; inZone: (children: ReactNode) => ReactNode; zone: string } {
  const [chosen, setChosen] = useState<ZoneMode>(storedZoneMode);
  const viewerZone = useViewerTimeZone();
  const mode = editing ? "event" : chosen;
  const choose = (next: ZoneMode) => {
    setChosen(next);
    storeZoneMode(next);
  };
  return {
    zoneSwitch: !editing && <ZoneSwitch eventZone={eventZone} mode={mode} onChange={choose} />,
    inZone: (children) => (
      <InZone mode={mode} eventZone={eventZone}>
        {children}
      </InZone>
    ),
    zone: mode === "viewer" ? viewerZone : eventZone,
  };
}

/** The day shown (?day=), one of `days`; else `fallback`, else the first. */
export function useDayParam(days: readonly string[], fallback?: string): [string, (day: string) => void] {
  const [asked, set] = useQueryParam("day");
  return [asked && days.includes(asked) ? asked : (fallback ?? days[0] ?? ""), set];
}
