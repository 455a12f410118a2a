import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { ConferenceEvent } from "../../../../shared/schemas/conference-events";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { eventQuery, sessionListQuery, timetableQuery } from "../api";
import { Swatch } from "../components/colour-field";
import { Description } from "../components/description";
import { ExportMenu } from "../components/export-menu";
import { ConferenceNotFound, isNotFound } from "../components/not-found";
import { ProtectionDialog, ShieldIcon } from "../components/protection-dialog";
import { mySessionsQuery, useSignedIn } from "../protection-api";
import { blocksOf } from "../timetable-layout";

interface SessionLink {
  id: string;
  title: string;
  code: string;
  colours: { text: string; background: string };
  blocks: number;
}

/** The event's sessions: every one for its managers, else those with a block in the published timetable. */
function useSessionLinks(event: ConferenceEvent): { links: SessionLink[]; pending: boolean } {
  const manage = event.abilities.manage;
  const list = useQuery({ ...sessionListQuery(event.id), enabled: manage });
  const timetable = useQuery({ ...timetableQuery(event.id), enabled: !manage });
  if (manage) {
    return {
      pending: list.isPending,
      links: (list.data?.sessions ?? []).map((s) => ({ ...s, blocks: s.blocksCount })),
    };
  }
  const seen = new Map<string, SessionLink>();
  for (const b of blocksOf(timetable.data?.days ?? [])) {
    const known = seen.get(b.sessionId);
    if (known) known.blocks += 1;
    else
      seen.set(b.sessionId, {
        id: b.sessionId,
        title: b.sessionTitle,
        code: b.sessionCode,
        colours: b.colours,
        blocks: 1,
      });
  }
  return {
    pending: timetable.isPending,
    links: [...seen.values()].sort((a, b) => a.title.localeCompare(b.title)),
  };
}

function Sessions({ event }: { event: ConferenceEvent }) {
  const { links, pending } = useSessionLinks(event);
  if (pending) return <Text size="sm">Loading the sessions…</Text>;
  if (links.length === 0) return <Text>No sessions yet.</Text>;
  return (
    // Long titles and codes wrap, however long their words (issue 13).
    <List listStyleType="none" spacing={6} p={0} style={{ overflowWrap: "anywhere" }}>
      {links.map((s) => (
        <List.Item key={s.id}>
          <Group gap="xs" wrap="nowrap">
            <Swatch colours={s.colours} size={18} />
            <Anchor component={Link} to={`/events/${event.id}/sessions/${s.id}`}>
              {s.title}
            </Anchor>
            {s.code && (
              <Text span size="sm" c="dimmed">
                {s.code}
              </Text>
            )}
            <Text span size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              · {s.blocks === 1 ? "1 block" : `${s.blocks} blocks`}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * My sessions (indico.md §2.6): for a signed-in user explicitly given management or coordination of at least one
 * session of the event, those sessions with a link to manage each one's timetable. Nothing for anyone else.
 */
function MySessions({ eventId }: { eventId: string }) {
  const signedIn = useSignedIn();
  const mine = useQuery({ ...mySessionsQuery(eventId), enabled: signedIn });
  const sessions = signedIn ? (mine.data?.sessions ?? []) : [];
  // The shield of a session the person manages (issue 13).
  const [protecting, setProtecting] = useState<{ id: string; title: string } | null>(null);
  if (sessions.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="my-sessions-heading">
      <Title order={2} size="h3" id="my-sessions-heading">
        My sessions
      </Title>
      <Text size="sm" c="dimmed">
        The sessions you were given to manage or coordinate.
      </Text>
      <List listStyleType="none" spacing={6} p={0} style={{ overflowWrap: "anywhere" }}>
        {sessions.map((s) => (
          <List.Item key={s.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={s.sessionPath} fw={600}>
                {s.title}
              </Anchor>
              {s.code && (
                <Text span size="sm" c="dimmed">
                  {s.code}
                </Text>
              )}
              <Badge variant="light" color={s.role === "manager" ? "blue" : "gray"}>
                {s.role === "manager" ? "Manager" : "Coordinator"}
              </Badge>
              <Anchor component={Link} to={s.timetablePath} size="sm">
                Timetable<VisuallyHidden> of {s.title}</VisuallyHidden>
              </Anchor>
              {s.role === "manager" && (
                <Tooltip label="Protection" withArrow openDelay={300}>
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    aria-label={`Protection of ${s.title}`}
                    onClick={() => setProtecting(s)}
                  >
                    <ShieldIcon />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <ProtectionDialog eventId={eventId} session={protecting} onClose={() => setProtecting(null)} />
    </Stack>
  );
}

function EventDetails({ event }: { event: ConferenceEvent }) {
  return (
    <Page title={event.title} width={900}>
      <Group gap="sm">
        {event.abilities.manage && (
          <>
            <Button component={Link} to={`/events/${event.id}/manage`}>
              Manage
            </Button>
            {!event.timetablePublished && (
              <Badge color="gray" variant="light">
                Not published: only managers see this page
              </Badge>
            )}
          </>
        )}
        <Button
          component={Link}
          to={`/events/${event.id}/timetable`}
          variant={event.abilities.manage ? "default" : "filled"}
        >
          Timetable
        </Button>
        <ExportMenu eventId={event.id} canManage={event.abilities.manage} />
      </Group>
      <dl className="convene-facts">
        <dt>Starts</dt>
        <dd>
          <Time at={event.startAt} zone={event.timeZone} />
        </dd>
        <dt>Ends</dt>
        <dd>
          <Time at={event.endAt} zone={event.timeZone} />
        </dd>
        <dt>Time zone</dt>
        <dd>{event.timeZone}</dd>
        {event.location && (
          <>
            <dt>Location</dt>
            <dd>{event.location.label}</dd>
          </>
        )}
      </dl>
      <Description html={event.descriptionHtml} text={event.description} testId="event-description" />
      <MySessions eventId={event.id} />
      <Stack gap="xs" component="section" aria-labelledby="event-sessions-heading">
        <Title order={2} size="h3" id="event-sessions-heading">
          Sessions
        </Title>
        <Text size="sm" c="dimmed">
          A session groups related contributions; it takes place in one or more blocks of the timetable.
        </Text>
        <Sessions event={event} />
      </Stack>
    </Page>
  );
}

/** The event page `/events/:eventId`: public once the timetable is published, else for its managers. */
export function EventPage() {
  const { eventId = "" } = useParams();
  const event = useQuery(eventQuery(eventId));
  if (isNotFound(event.error)) return <ConferenceNotFound />;
  return (
    <QueryStatus query={event} label="Loading the event">
      {(e) => <EventDetails event={e} />}
    </QueryStatus>
  );
}
