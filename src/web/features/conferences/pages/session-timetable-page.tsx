import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import type { SessionTimetable } from "../../../../shared/schemas/timetable";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { eventQuery, sessionQuery, sessionTimetableQuery } from "../api";
import { Swatch } from "../components/colour-field";
import { ConferenceNotFound, isNotFound } from "../components/not-found";
import { SessionBlockLegend, useDayParam, useViewChoice, useZoneChoice } from "../components/timetable-chrome";
import type { EditorDay } from "../components/timetable-editor/editor-types";
import { TimetableEditor } from "../components/timetable-editor/timetable-editor";
import { useTimetableTools } from "../components/timetable-tools";
import { BlockCard, type TimetableContext } from "../components/timetable-view";
import { dayBounds, dayLabel } from "../local-time";
import { assignColumns } from "../timetable-editing";
import { blockOrdinals, blocksOf, daysInZone } from "../timetable-layout";

/** Managers and entitled coordinators: the session's blocks in the editor, on every day of the event. */
function SessionEditor({ timetable }: { timetable: SessionTimetable }) {
  const { event, session, abilities } = timetable;
  const eventDetails = useQuery(eventQuery(event.id));
  const details = useQuery(sessionQuery(event.id, session.id));
  const mayBlocks = abilities.manage || abilities.manageBlocks;
  const maySchedule = abilities.manage || abilities.schedule;
  const zone = event.timeZone;
  const dayList = eventDetails.data?.days ?? timetable.days.map((d) => d.day);
  const days: EditorDay[] = useMemo(() => {
    const byDay = new Map(timetable.days.map((d) => [d.day, d.blocks]));
    return dayList.map((day) => ({
      day,
      ...dayBounds(day, zone),
      // By start, as assignColumns expects (the server sends a day's blocks by group and parallel order).
      entries: assignColumns(
        [...(byDay.get(day) ?? [])].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt)),
      ).map(({ entry, column, columns }) => ({ ...entry, column, columns })),
    }));
  }, [dayList, timetable.days, zone]);
  const [day, setDay] = useDayParam(dayList, timetable.days[0]?.day);
  const tools = useTimetableTools({
    event,
    days: dayList,
    sessions: [{ id: session.id, title: session.title }],
    sessionId: session.id,
    day,
    blocks: blocksOf(timetable.days),
    may: {
      blocks: mayBlocks,
      // The API lets whoever manages the session's blocks delete them (coordinators with Session blocks too).
      deleteBlocks: mayBlocks,
      schedule: maySchedule,
      topLevel: false,
      editContributions: abilities.manage || abilities.manageContributions,
    },
  });
  const editorLists = {
    unscheduled: maySchedule ? (details.data?.contributions ?? []).filter((c) => !c.isScheduled) : [],
    ordinals: blockOrdinals(blocksOf(timetable.days)),
  };
  return (
    <Stack gap="sm">
      {tools.toolbar}
      <TimetableEditor {...tools.editor} days={days} day={day} onDayChange={setDay} {...editorLists} />
      {tools.dialogs}
    </Stack>
  );
}

/**
 * What the person may do here, and nothing they may not (issue 13): a coordinator reads only their own rights,
 * which the event's Session coordinator rights widen.
 */
function whatYouMay(abilities: SessionTimetable["abilities"]): string {
  if (abilities.manage) return "You manage this session: its blocks, what is scheduled in them and its contributions.";
  const may = [
    ...(abilities.manageBlocks ? ["add, move, resize, fit and delete its blocks"] : []),
    ...(abilities.schedule ? ["schedule its contributions and breaks inside its blocks"] : []),
    ...(abilities.manageContributions ? ["edit its contributions"] : []),
  ];
  if (may.length === 0) return "";
  return `You may ${may.length === 1 ? may[0] : `${may.slice(0, -1).join(", ")} and ${may[may.length - 1]}`}.`;
}

function Body({ timetable }: { timetable: SessionTimetable }) {
  const { event, session, days, abilities } = timetable;
  const mayEdit = abilities.manage || abilities.manageBlocks || abilities.schedule;
  const { editing, viewSwitch } = useViewChoice("programme", mayEdit);
  const { zoneSwitch, inZone, zone: shownZone } = useZoneChoice(event.timeZone, editing);
  // In the viewer's zone, the viewer's days.
  const shownDays = useMemo(
    () =>
      shownZone === event.timeZone
        ? days
        : daysInZone(
            days.map((d) => ({ day: d.day, entries: d.blocks })),
            shownZone,
          ).map((d) => ({ day: d.day, blocks: d.entries })),
    [days, shownZone, event.timeZone],
  );
  const ctx: TimetableContext = useMemo(
    () => ({ eventId: event.id, ordinals: blockOrdinals(blocksOf(days)), showConflicts: false }),
    [event.id, days],
  );
  return (
    <Page title={`Session timetable: ${session.title}`} width={editing ? "100%" : 1100}>
      <Group gap="sm">
        <Swatch colours={session.colours} />
        <Anchor component={Link} to={`/events/${event.id}/sessions/${session.id}`}>
          Session page
        </Anchor>
        <Anchor component={Link} to={`/events/${event.id}/timetable`}>
          Event timetable
        </Anchor>
      </Group>
      {viewSwitch}
      <Text size="sm">
        Only the blocks of “{session.title}”, day by day.
        {mayEdit && ` ${whatYouMay(abilities)}`}
      </Text>
      <SessionBlockLegend />
      {zoneSwitch}
      {inZone(
        editing ? (
          <SessionEditor timetable={timetable} />
        ) : shownDays.length === 0 ? (
          <Text>This session has no blocks yet.</Text>
        ) : (
          <Stack gap="xl">
            {shownDays.map((d) => (
              <Stack gap="sm" key={d.day} component="section" aria-label={dayLabel(d.day)}>
                <Title order={2} size="h3">
                  {dayLabel(d.day)}
                </Title>
                <Stack gap="sm">
                  {d.blocks.map((b) => (
                    <BlockCard key={b.id} block={b} ctx={ctx} />
                  ))}
                </Stack>
              </Stack>
            ))}
          </Stack>
        ),
      )}
    </Page>
  );
}

/** The clock icon's page `/events/:eventId/sessions/:sessionId/timetable`: only that session's blocks. */
export function SessionTimetablePage() {
  const { eventId = "", sessionId = "" } = useParams();
  const timetable = useQuery(sessionTimetableQuery(eventId, sessionId));
  if (isNotFound(timetable.error)) return <ConferenceNotFound what="session" />;
  return (
    <QueryStatus query={timetable} label="Loading the session timetable">
      {(t) => <Body timetable={t} />}
    </QueryStatus>
  );
}
