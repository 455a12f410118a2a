import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import type { SessionTimetable } from "../../../../shared/schemas/conferences";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { isApiError } from "../../../lib/api-client";
import { sessionTimetableQuery } from "../api";
import { Swatch } from "../components/colour-field";
import { ConferenceNotFound } from "../components/not-found";
import { InZone, SessionBlockLegend, ZoneSwitch } from "../components/timetable-chrome";
import { BlockCard, type TimetableContext } from "../components/timetable-view";
import { dayLabel } from "../local-time";
import { blockOrdinals, blocksOf } from "../timetable-layout";

function Body({ timetable }: { timetable: SessionTimetable }) {
  const { event, session, days } = timetable;
  const [zoneMode, setZoneMode] = useState<"event" | "viewer">("event");
  const ctx: TimetableContext = useMemo(
    () => ({ eventId: event.id, ordinals: blockOrdinals(blocksOf(days)), showConflicts: false }),
    [event.id, days],
  );
  return (
    <Page title={`Session timetable: ${session.title}`} width={1100}>
      <Group gap="sm">
        <Swatch colours={session.colours} />
        <Anchor component={Link} to={`/events/${event.id}/sessions/${session.id}`}>
          Session page
        </Anchor>
        <Anchor component={Link} to={`/events/${event.id}/timetable`}>
          Event timetable
        </Anchor>
      </Group>
      <Text size="sm">Only the blocks of “{session.title}”, day by day.</Text>
      <SessionBlockLegend />
      <ZoneSwitch eventZone={event.timeZone} mode={zoneMode} onChange={setZoneMode} />
      <InZone mode={zoneMode} eventZone={event.timeZone}>
        {days.length === 0 ? (
          <Text>This session has no blocks yet.</Text>
        ) : (
          <Stack gap="xl">
            {days.map((d) => (
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
        )}
      </InZone>
    </Page>
  );
}

/** The clock icon's page `/events/:eventId/sessions/:sessionId/timetable`: only that session's blocks. */
export function SessionTimetablePage() {
  const { eventId = "", sessionId = "" } = useParams();
  const timetable = useQuery(sessionTimetableQuery(eventId, sessionId));
  if (isApiError(timetable.error, 404) || isApiError(timetable.error, 400))
    return <ConferenceNotFound what="session" />;
  return (
    <QueryStatus query={timetable} label="Loading the session timetable">
      {(t) => <Body timetable={t} />}
    </QueryStatus>
  );
}
