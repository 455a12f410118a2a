import { Alert, Anchor, Button, Group, List, Stack, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import type { EventTimetable } from "../../../../shared/schemas/timetable";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { contributionsQuery, sessionListQuery, timetableQuery } from "../api";
import { ExportMenu } from "../components/export-menu";
import { ConferenceNotFound, isNotFound } from "../components/not-found";
import { SessionBlockLegend, useDayParam, useViewChoice, useZoneChoice } from "../components/timetable-chrome";
import { TimetableEditor } from "../components/timetable-editor/timetable-editor";
import { SessionLegend, TimetableFilterBar, usePrinting, useTimetableFilter } from "../components/timetable-filters";
import { type TimetableToolRights, useTimetableTools } from "../components/timetable-tools";
import { DayView, type TimetableContext } from "../components/timetable-view";
import { dayLabel } from "../local-time";
import classes from "../timetable.module.css";
import { filterDays, filterOptions, legendOf } from "../timetable-filter";
import { blockOrdinals, blocksOf, daysInZone } from "../timetable-layout";

function Conflicts({ timetable }: { timetable: EventTimetable }) {
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const day of timetable.days)
      for (const e of day.entries) {
        map.set(e.id, e.kind === "block" ? e.fullTitle : e.title);
        if (e.kind === "block") for (const c of e.children) map.set(c.id, c.title);
      }
    return map;
  }, [timetable]);
  if (timetable.roomConflicts.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="Rooms used twice at the same time">
      <List size="sm" spacing={2}>
        {timetable.roomConflicts.map((c) => (
          <List.Item key={`${c.firstId}-${c.secondId}-${c.fromAt}`}>
            {c.roomLabel}: “{titles.get(c.firstId) ?? "an entry"}” and “{titles.get(c.secondId) ?? "another entry"}”,{" "}
            <Time at={c.fromAt} zone={timetable.event.timeZone} /> until <Time at={c.untilAt} format="time" />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Event managers may do everything from the timetable. */
const MANAGER: TimetableToolRights = {
  blocks: true,
  deleteBlocks: true,
  schedule: true,
  topLevel: true,
  editContributions: true,
};
const UNSCHEDULED = { scheduled: "no", sessionId: null, q: "" } as const;

function TimetableBody({ timetable, managing }: { timetable: EventTimetable; managing: boolean }) {
  const { event } = timetable;
  const { editing, viewSwitch } = useViewChoice("edit", managing);
  const { zoneSwitch, inZone, zone: shownZone } = useZoneChoice(event.timeZone, editing);
  const ordinals = useMemo(() => blockOrdinals(blocksOf(timetable.days)), [timetable]);
  const days = timetable.days;
  // In the viewer's zone, the viewer's days (the editor always shows the event's).
  const shownDays = useMemo(
    () => (shownZone === event.timeZone ? days : daysInZone(days, shownZone, event)),
    [days, shownZone, event],
  );
  const sessions = useQuery({ ...sessionListQuery(event.id), enabled: managing });
  const [day, setDay] = useDayParam(shownDays.map((d) => d.day));
  const tools = useTimetableTools({
    event,
    days: days.map((d) => d.day),
    sessions: sessions.data?.sessions ?? [],
    blocks: blocksOf(days),
    may: MANAGER,
    day,
    topEntriesOn: (d) => days.find((x) => x.day === d)?.entries ?? [],
    unscheduledHint: "it stays on the Contributions page",
  });
  // The reading view's legend, filter and printout (issue #14); the editor shows every entry.
  const options = useMemo(() => filterOptions(days), [days]);
  const { filter, set: setFilter, clear: clearFilter } = useTimetableFilter(options);
  const filtered = useMemo(() => filterDays(shownDays, filter), [shownDays, filter]);
  // The sessions of what is shown: a filtered page (or printout) lists only the sessions it shows.
  const legend = useMemo(() => legendOf(filtered.days), [filtered.days]);
  const { printing, print } = usePrinting();
  const manager = timetable.abilities.manage;
  const unscheduled = useQuery({ ...contributionsQuery(event.id, UNSCHEDULED), enabled: editing });
  const editorLists = { unscheduled: unscheduled.data?.contributions ?? [], ordinals };
  const filteredEmpty =
    !managing && filtered.shown < filtered.total ? "Nothing on this day matches the filters." : undefined;
  const ctx: TimetableContext = {
    eventId: event.id,
    ordinals,
    showConflicts: manager,
    actions: managing ? tools.actions : undefined,
  };

  return (
    <Stack gap="md" className={printing ? classes.printing : undefined}>
      <div className={classes.noPrint}>
        <Group gap="sm">
          <Anchor component={Link} to={`/events/${event.id}`}>
            Event page
          </Anchor>
          {manager && !managing && (
            <Anchor component={Link} to={`/events/${event.id}/manage/timetable`}>
              Manage the timetable
            </Anchor>
          )}
          {managing && (
            <Anchor component={Link} to={`/events/${event.id}/timetable`}>
              Public timetable
            </Anchor>
          )}
          {manager && !event.timetablePublished && (
            <Text size="sm" c="dimmed">
              Not published: only managers see it.
            </Text>
          )}
          {!managing && <ExportMenu eventId={event.id} canManage={manager} />}
          {!managing && shownDays.length > 0 && (
            <Button variant="default" onClick={print}>
              Print
            </Button>
          )}
        </Group>
      </div>
      <div className={classes.noPrint}>
        <SessionBlockLegend />
      </div>
      {!managing && <SessionLegend items={legend} />}
      {zoneSwitch && <div className={classes.noPrint}>{zoneSwitch}</div>}
      {!managing && (
        <div className={classes.printOnly}>
          <Text size="sm">Times in {shownZone}.</Text>
        </div>
      )}
      {viewSwitch}
      {managing && tools.toolbar}
      {!managing && !editing && shownDays.length > 0 && (
        <TimetableFilterBar
          options={options}
          filter={filter}
          onChange={setFilter}
          onClear={clearFilter}
          shown={filtered.shown}
          total={filtered.total}
        />
      )}
      {inZone(
        <>
          {manager && <Conflicts timetable={timetable} />}
          {editing ? (
            <TimetableEditor {...tools.editor} days={days} day={day} onDayChange={setDay} {...editorLists} />
          ) : shownDays.length === 0 ? (
            <Text>The event has no days.</Text>
          ) : !managing && printing ? (
            filtered.days.map((d) => (
              <Stack gap="sm" key={d.day} className={classes.printDay} component="section">
                <Text fw={700} size="lg" component="h2" m={0}>
                  {dayLabel(d.day)}
                </Text>
                <DayView entries={d.entries} ctx={ctx} empty={filteredEmpty} />
              </Stack>
            ))
          ) : (
            <Tabs value={day} onChange={(v) => v && setDay(v)} keepMounted={false}>
              <Tabs.List aria-label="Days">
                {shownDays.map((d) => (
                  <Tabs.Tab key={d.day} value={d.day}>
                    {dayLabel(d.day, { short: true })}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {(managing ? shownDays : filtered.days).map((d) => (
                <Tabs.Panel key={d.day} value={d.day} pt="md">
                  <Stack gap="sm">
                    <Text fw={700} size="lg" component="h2" m={0}>
                      {dayLabel(d.day)}
                    </Text>
                    <DayView entries={d.entries} ctx={ctx} empty={filteredEmpty} />
                  </Stack>
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </>,
      )}
      {managing && tools.dialogs}
    </Stack>
  );
}

function TimetableScreen({ eventId, editing }: { eventId: string; editing: boolean }) {
  const timetable = useQuery(timetableQuery(eventId));
  if (isNotFound(timetable.error)) return <ConferenceNotFound />;
  return (
    <QueryStatus query={timetable} label="Loading the timetable">
      {(t) => (
        <Page title={editing ? "Timetable" : `Timetable: ${t.event.title}`} width="100%">
          <TimetableBody timetable={t} managing={editing && t.abilities.manage} />
        </Page>
      )}
    </QueryStatus>
  );
}

/** `/events/:eventId/timetable`: the event timetable, public once published. */
export function TimetablePage() {
  const { eventId = "" } = useParams();
  return <TimetableScreen eventId={eventId} editing={false} />;
}

/** Organisation ▸ Timetable: the same timetable with the managers' dialogs (blocks, breaks, fit, unschedule). */
export function ManageTimetablePage() {
  const { eventId = "" } = useParams();
  return <TimetableScreen eventId={eventId} editing />;
}
