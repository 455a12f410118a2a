import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { EventCard } from "../../../../shared/schemas/conference-events";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time, useViewerTimeZone } from "../../../components/time";
import { eventListQuery, useCreateEvent } from "../api";
import { EventForm } from "../components/event-form";

function PublishedBadge({ published }: { published: boolean }) {
  return (
    <Badge color={published ? "green" : "gray"} variant="light">
      {published ? "Published" : "Not published"}
    </Badge>
  );
}

function ManageLink({ event }: { event: EventCard }) {
  if (!event.manage) return null;
  return (
    <Anchor component={Link} to={`/events/${event.id}/manage`} aria-label={`Manage ${event.title}`}>
      Manage
    </Anchor>
  );
}

/** Admin ▸ Events (conferences.md, Event): every event, and New event for admins. */
export function AdminEventsPage() {
  const list = useQuery(eventListQuery());
  const create = useCreateEvent();
  const navigate = useNavigate();
  const zone = useViewerTimeZone();
  const [creating, setCreating] = useState(false);

  return (
    <Page title="Events" width="100%">
      <Text>
        Conference events with sessions, blocks and a timetable. Each event has its own management area for its
        managers.
      </Text>
      <Group>
        <Button onClick={() => setCreating(true)}>New event</Button>
        <Button component={Link} to="/admin/rooms" variant="default">
          Rooms
        </Button>
      </Group>
      <QueryStatus query={list} label="Loading events">
        {(data) =>
          data.events.length === 0 ? (
            <Text>No events yet.</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={720} visibleFrom="sm">
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Title</Table.Th>
                      <Table.Th scope="col">Starts</Table.Th>
                      <Table.Th scope="col">Ends</Table.Th>
                      <Table.Th scope="col">Timetable</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.events.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Th scope="row" fw="normal" miw="10rem" style={{ overflowWrap: "anywhere" }}>
                          <Anchor component={Link} to={`/events/${e.id}`} fw={600}>
                            {e.title}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>
                          <Time at={e.startAt} zone={e.timeZone} />
                        </Table.Td>
                        <Table.Td>
                          <Time at={e.endAt} zone={e.timeZone} />
                        </Table.Td>
                        <Table.Td>
                          <PublishedBadge published={e.timetablePublished} />
                        </Table.Td>
                        <Table.Td>
                          <ManageLink event={e} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} hiddenFrom="sm">
                {data.events.map((e) => (
                  <Paper component="li" key={e.id} withBorder p="sm" radius="md">
                    <Stack gap={4}>
                      <Anchor component={Link} to={`/events/${e.id}`} fw={600}>
                        {e.title}
                      </Anchor>
                      <Text size="sm">
                        <Time at={e.startAt} zone={e.timeZone} />
                      </Text>
                      <Group gap="sm">
                        <PublishedBadge published={e.timetablePublished} />
                        <ManageLink event={e} />
                      </Group>
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            </>
          )
        }
      </QueryStatus>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New event" size="lg">
        <EventForm
          mode="create"
          submitLabel="Create event"
          pending={create.isPending}
          initialValues={{
            title: "",
            description: "",
            startAt: "",
            endAt: "",
            timeZone: zone,
            roomId: null,
            locationText: null,
            defaultContributionMinutes: 20,
            timetablePublished: false,
          }}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const event = await create.mutateAsync(input);
            setCreating(false);
            notify(`“${event.title}” was created.`);
            navigate(`/events/${event.id}/manage`);
          }}
        />
      </Modal>
    </Page>
  );
}
