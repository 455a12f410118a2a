import { Anchor, Button, Center, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { QueryStatus } from "../../../components/query-status";
import { type SessionsWhen, sessionListQuery } from "../api";
import { sessionPaths } from "../paths";
import { type CardViewer, SessionCard } from "./session-card";

function EmptyState({ when, signedIn }: { when: SessionsWhen; signedIn: boolean }) {
  if (when === "past") {
    return (
      <Text>
        No past sessions yet. Once a session has taken place it is listed here.{" "}
        <Anchor component={Link} to="/">
          See the upcoming sessions
        </Anchor>
        .
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text fw={500}>No upcoming sessions right now.</Text>
      <Text>
        New sessions appear here as soon as they open for registration.{" "}
        {signedIn ? "" : "Create an account now so you are ready to sign up. "}
        To hear about them first, <Anchor href={sessionPaths.api.feed}>subscribe to the community calendar</Anchor>, or
        browse{" "}
        <Anchor component={Link} to="/?when=past">
          past sessions
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

function SessionGrid({ when, signedIn, viewer }: { when: SessionsWhen; signedIn: boolean; viewer: CardViewer }) {
  const list = useInfiniteQuery(sessionListQuery(when));
  return (
    <QueryStatus query={list} label={when === "past" ? "Loading past sessions" : "Loading upcoming sessions"}>
      {(data) => {
        const sessions = data.pages.flatMap((p) => p.sessions);
        if (sessions.length === 0) return <EmptyState when={when} signedIn={signedIn} />;
        return (
          <Stack gap="md">
            <SimpleGrid
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="md"
              component="ul"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {sessions.map((s) => (
                <li key={s.id}>
                  <SessionCard session={s} viewer={viewer} />
                </li>
              ))}
            </SimpleGrid>
            {list.hasNextPage && (
              <Center>
                <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  Show more sessions
                </Button>
              </Center>
            )}
          </Stack>
        );
      }}
    </QueryStatus>
  );
}

/**
 * The home page's sessions (community.md, Registration (member) 1): upcoming by default, past on the second
 * tab; the tab is in the address (?when=past) so it can be linked and survives a reload.
 */
export function SessionList({ signedIn, viewer }: { signedIn: boolean; viewer: CardViewer }) {
  const [params, setParams] = useSearchParams();
  const when: SessionsWhen = params.get("when") === "past" ? "past" : "upcoming";
  return (
    <Stack component="section" aria-labelledby="sessions-heading" gap="md">
      <Title order={2} id="sessions-heading">
        Sessions
      </Title>
      <Tabs
        value={when}
        onChange={(value) => setParams(value === "past" ? { when: "past" } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="upcoming">Upcoming sessions</Tabs.Tab>
          <Tabs.Tab value="past">Past sessions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          <SessionGrid when="upcoming" signedIn={signedIn} viewer={viewer} />
        </Tabs.Panel>
        <Tabs.Panel value="past" pt="md">
          <SessionGrid when="past" signedIn={signedIn} viewer={viewer} />
        </Tabs.Panel>
      </Tabs>
      <Text size="sm" c="dimmed">
        Follow every session in your calendar app:{" "}
        <Anchor href={sessionPaths.api.feed} inherit underline="always">
          community calendar feed (ICS)
        </Anchor>
        . Signed-in members also have a personal feed on their account page.
      </Text>
    </Stack>
  );
}
