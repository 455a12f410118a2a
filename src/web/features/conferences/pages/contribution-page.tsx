import { Anchor, Badge, Group, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { Contribution } from "../../../../shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../../../../shared/schemas/conference-events";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { contributionQuery, eventQuery } from "../api";
import { Description } from "../components/description";
import { ConferenceNotFound, isNotFound } from "../components/not-found";
import { people } from "../components/timetable-view";
import { formatMinutes } from "../local-time";

function Details({ contribution: c, event }: { contribution: Contribution; event: ConferenceEvent }) {
  return (
    <Page title={c.title}>
      <Group gap="xs">
        <Text size="sm">
          Contribution to{" "}
          <Anchor component={Link} to={`/events/${event.id}`}>
            {event.title}
          </Anchor>
        </Text>
        {c.boardNumber && <Badge variant="light">Board {c.boardNumber}</Badge>}
      </Group>
      <dl className="convene-facts">
        <dt>When</dt>
        <dd>{c.startAt ? <Time at={c.startAt} zone={event.timeZone} /> : "Not scheduled yet"}</dd>
        <dt>Duration</dt>
        <dd>{formatMinutes(c.durationMinutes)}</dd>
        <dt>Session</dt>
        <dd>
          {c.sessionId ? (
            <Anchor component={Link} to={`/events/${event.id}/sessions/${c.sessionId}`}>
              The session's page
            </Anchor>
          ) : (
            "None"
          )}
        </dd>
        {c.speakers.length > 0 && (
          <>
            <dt>{c.speakers.length === 1 ? "Speaker" : "Speakers"}</dt>
            <dd>{people(c.speakers)}</dd>
          </>
        )}
      </dl>
      <Description text={c.description} />
      <Anchor component={Link} to={`/events/${event.id}/timetable`}>
        The event's timetable
      </Anchor>
    </Page>
  );
}

/** `/events/:eventId/contributions/:contributionId`: one contribution (the address the exports link to). */
export function ContributionPage() {
  const { eventId = "", contributionId = "" } = useParams();
  const event = useQuery(eventQuery(eventId));
  const contribution = useQuery(contributionQuery(eventId, contributionId));
  if (isNotFound(event.error, contribution.error)) return <ConferenceNotFound />;
  return (
    <QueryStatus query={event} label="Loading the contribution">
      {(e) => (
        <QueryStatus query={contribution} label="Loading the contribution">
          {(c) => <Details contribution={c} event={e} />}
        </QueryStatus>
      )}
    </QueryStatus>
  );
}
