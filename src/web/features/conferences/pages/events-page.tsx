import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams, useSearchParams } from "react-router";
import type { EventCard } from "../../../../shared/schemas/conference-events";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { eventBySlugQuery, eventSearchQuery } from "../api";
import { ConferenceNotFound, isNotFound } from "../components/not-found";

/** Where an event is read: its readable address when it has one. */
export const eventAddress = (event: Pick<EventCard, "id" | "slug">) =>
  event.slug ? `/e/${event.slug}` : `/events/${event.id}`;

function EventRow({ event }: { event: EventCard }) {
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap={4}>
        <Anchor component={Link} to={eventAddress(event)} fw={600} style={{ overflowWrap: "anywhere" }}>
          {event.title}
        </Anchor>
        <Text size="sm">
          <Time at={event.startAt} zone={event.timeZone} format="date-time" /> to{" "}
          <Time at={event.endAt} zone={event.timeZone} format="date-time" />
        </Text>
        <Group gap="sm">
          {event.timetablePublished && (
            <Anchor
              component={Link}
              to={`/events/${event.id}/timetable`}
              size="sm"
              aria-label={`Timetable of ${event.title}`}
            >
              Timetable
            </Anchor>
          )}
          {!event.timetablePublished && (
            <Badge color="gray" variant="light">
              Not published
            </Badge>
          )}
          {event.manage && (
            <Anchor component={Link} to={`/events/${event.id}/manage`} size="sm" aria-label={`Manage ${event.title}`}>
              Manage
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * Events (issue #14, "Finding events"): upcoming and past conference events the visitor may see — published ones to
 * everyone, others to those who manage or coordinate in them — with a search by title. The choice and the search
 * live in the address, so a link shares them.
 */
export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const when = params.get("when") === "past" ? "past" : "upcoming";
  const search = params.get("q") ?? "";
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useQuery(eventSearchQuery(when, q));
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Page title="Events" width={900}>
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Which events"
          value={when}
          onChange={(v) => set("when", v === "past" ? "past" : "")}
          data={[
            { value: "upcoming", label: "Upcoming" },
            { value: "past", label: "Past" },
          ]}
        />
        <TextInput
          label="Search events"
          placeholder="Title"
          type="search"
          value={search}
          onChange={(e) => set("q", e.currentTarget.value)}
          style={{ flex: "1 1 240px" }}
        />
      </Group>
      <QueryStatus query={list} label="Loading events">
        {(data) =>
          data.events.length === 0 ? (
            <Text>
              {q ? `No ${when} event matches “${q}”.` : when === "upcoming" ? "No upcoming events." : "No past events."}
            </Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={`${when} events`}>
              {data.events.map((event) => (
                <EventRow key={event.id} event={event} />
              ))}
            </Stack>
          )
        }
      </QueryStatus>
    </Page>
  );
}

/** `/e/<slug>`: the event page behind a readable address. */
export function EventBySlugPage() {
  const { slug = "" } = useParams();
  const event = useQuery(eventBySlugQuery(slug));
  if (event.data) return <Navigate to={`/events/${event.data.id}`} replace />;
  if (isNotFound(event.error)) return <ConferenceNotFound />;
  return (
    <QueryStatus query={event} label="Finding the event">
      {() => null}
    </QueryStatus>
  );
}
