import { Anchor, Box, Center, Flex, Loader, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, Suspense, useId } from "react";
import { Link, NavLink, Outlet, useOutletContext, useParams } from "react-router";
import type { ConferenceEvent } from "../../../../shared/schemas/conference-events";
import { QueryStatus } from "../../../components/query-status";
import { eventQuery } from "../api";
import { ConferenceNotFound, isNotFound, NotAManager } from "../components/not-found";

function Item({ to, end, children }: { to: string; end?: boolean; children: string }) {
  return (
    <li>
      <Anchor component={NavLink} to={to} end={end} className="convene-nav-link" underline="hover" display="block">
        {children}
      </Anchor>
    </li>
  );
}

function NavGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack gap={2}>
      <Text id={id} size="xs" fw={700} tt="uppercase" c="dimmed" px={8}>
        {title}
      </Text>
      <Flex
        component="ul"
        aria-labelledby={id}
        direction={{ base: "row", sm: "column" }}
        wrap="wrap"
        gap={2}
        p={0}
        m={0}
        style={{ listStyle: "none" }}
      >
        {children}
      </Flex>
    </Stack>
  );
}

/**
 * The navigation of an event's management area (conferences.md, Event): Settings and Protection (managers,
 * Session coordinator rights), then under Organisation the seed's Sessions, Timetable and Contributions.
 */
function ManageNav({ event }: { event: ConferenceEvent }) {
  const base = `/events/${event.id}/manage`;
  return (
    <Flex
      component="nav"
      aria-label="Event management"
      direction={{ base: "row", sm: "column" }}
      wrap="wrap"
      gap="md"
      miw={200}
    >
      <NavGroup title="Event">
        <Item to={base} end>
          Settings
        </Item>
        <Item to={`${base}/protection`}>Protection</Item>
      </NavGroup>
      <NavGroup title="Organisation">
        <Item to={`${base}/sessions`}>Sessions</Item>
        <Item to={`${base}/timetable`}>Timetable</Item>
        <Item to={`${base}/contributions`}>Contributions</Item>
      </NavGroup>
      <NavGroup title="View">
        <Item to={`/events/${event.id}`} end>
          Event page
        </Item>
        <Item to={`/events/${event.id}/timetable`} end>
          Public timetable
        </Item>
      </NavGroup>
    </Flex>
  );
}

/** What the management pages get from the area: the event, loaded once. */
export function useManagedEvent(): ConferenceEvent {
  return useOutletContext<ConferenceEvent>();
}

/** `/events/:eventId/manage/*`: the event's management area, for its managers. */
export function ManageLayout() {
  const { eventId = "" } = useParams();
  const event = useQuery(eventQuery(eventId));
  if (isNotFound(event.error)) return <ConferenceNotFound />;
  return (
    <QueryStatus query={event} label="Loading the event">
      {(e) =>
        !e.abilities.manage ? (
          <NotAManager eventId={e.id} />
        ) : (
          <Stack gap="md">
            <Text size="sm">
              <Anchor component={Link} to={`/events/${e.id}`}>
                {e.title}
              </Anchor>{" "}
              ▸ Management
            </Text>
            <Flex direction={{ base: "column", sm: "row" }} gap="xl" align="flex-start">
              <ManageNav event={e} />
              <Box miw={0} w="100%" style={{ flex: 1 }}>
                <Suspense
                  fallback={
                    <Center py="xl">
                      <Loader aria-label="Loading the page" role="status" />
                    </Center>
                  }
                >
                  <Outlet context={e} />
                </Suspense>
              </Box>
            </Flex>
          </Stack>
        )
      }
    </QueryStatus>
  );
}
