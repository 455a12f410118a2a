import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { Link } from "react-router";
import type { MyRegistrationList } from "../../../../shared/schemas/community-sessions";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { myAttendanceQuery, myRegistrationsQuery } from "../api";
import { StatusBadge } from "../components/status-badge";
import { PARTICIPANT_STATUS_LABEL, ROLE_LABEL } from "../labels";
import { attendanceLine, onePerSession, splitByTime, waitingBySession, waitingText } from "../my-sessions";
import { sessionPaths } from "../paths";

type Item = MyRegistrationList["registrations"][number];
type WaitingItem = MyRegistrationList["waiting"][number];

function RegistrationCard({ item }: { item: Item }) {
  const titleId = useId();
  const cancelled = item.status === "cancelled";
  return (
    <Card component="article" aria-labelledby={titleId} withBorder radius="md" padding="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} size="h4" id={titleId} style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={sessionPaths.page(item.session.id)} inherit>
              {item.session.title}
            </Anchor>
          </Title>
          <StatusBadge status={item.session.shownStatus} style={{ flexShrink: 0 }} />
        </Group>
        <Text size="sm">
          {item.session.startsAt ? (
            <Time at={item.session.startsAt} zone={item.session.timeZone} />
          ) : (
            "Date to be announced"
          )}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            Your role:{" "}
            <Text span fw={600} inherit td={cancelled ? "line-through" : undefined}>
              {ROLE_LABEL[item.role]}
            </Text>
          </Text>
          <Badge variant="light" color={cancelled ? "red" : "gray"}>
            {PARTICIPANT_STATUS_LABEL[item.status]}
          </Badge>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * One section of My sessions: a card per session, as on the home page, so that the role and the status stay in
 * view on a phone (issue 13, 9: a table hid them beyond a sideways scroll).
 */
function RegistrationList({ title, items, empty }: { title: string; items: Item[]; empty: string }) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="md"
          component="ul"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {items.map((item) => (
            <li key={item.session.id}>
              <RegistrationCard item={item} />
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** A waitlist you are in (issue #15): where you stand, or the place held for you until when, with Accept. */
function WaitingCard({ item }: { item: WaitingItem }) {
  const titleId = useId();
  const { session, waitlist } = item;
  const offered = waitlist.status === "offered";
  return (
    <Card component="article" aria-labelledby={titleId} withBorder radius="md" padding="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} size="h4" id={titleId} style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={sessionPaths.page(session.id)} inherit>
              {session.title}
            </Anchor>
          </Title>
          <StatusBadge status={session.shownStatus} style={{ flexShrink: 0 }} />
        </Group>
        <Text size="sm">
          {session.startsAt ? <Time at={session.startsAt} zone={session.timeZone} /> : "Date to be announced"}
        </Text>
        <Text size="sm" fw={600} data-testid="waiting-standing">
          {waitingText(waitlist)}
          {offered && waitlist.offerExpiresAt && (
            <>
              {" "}
              <Time at={waitlist.offerExpiresAt} zone={session.timeZone} />
            </>
          )}
        </Text>
        {offered && (
          <Group>
            <Button
              component={Link}
              to={sessionPaths.page(session.id)}
              size="xs"
              aria-label={`Accept: ${session.title}`}
            >
              Accept
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The waitlists you are in; nothing when you are in none. */
function WaitingList({ items }: { items: WaitingItem[] }) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        Waiting
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="md"
        component="ul"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {items.map((item) => (
          <li key={item.waitlist.entryId}>
            <WaitingCard item={item} />
          </li>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function AttendanceSummary() {
  const attendance = useQuery(myAttendanceQuery());
  const line = attendance.data ? attendanceLine(attendance.data.attended, attendance.data.noShows) : null;
  if (!line) return null;
  return <Text data-testid="attendance-summary">{line}</Text>;
}

/**
 * My sessions (`/my-sessions`): every session you registered for, upcoming and past, with your role; above them
 * `conferences`, the conference part the app gives (features do not import each other, style.md 3.2 rule 10).
 */
export function MySessionsPage({ conferences }: { conferences?: ReactNode }) {
  const list = useQuery(myRegistrationsQuery());
  return (
    <Page title="My sessions" width={960}>
      {conferences}
      <AttendanceSummary />
      <QueryStatus query={list} label="Loading your sessions">
        {(data) => {
          const { upcoming, past } = splitByTime(onePerSession(data.registrations), Date.now());
          return (
            <>
              {upcoming.length === 0 && past.length === 0 && data.waiting.length === 0 && (
                <Text>
                  You have not registered for any session yet.{" "}
                  <Anchor component={Link} to="/">
                    Find one on the home page
                  </Anchor>
                  .
                </Text>
              )}
              <WaitingList items={waitingBySession(data.waiting)} />
              <RegistrationList
                title="Upcoming"
                items={upcoming}
                empty="No upcoming sessions. Sessions you register for appear here."
              />
              <RegistrationList title="Past" items={past} empty="No past sessions yet." />
            </>
          );
        }}
      </QueryStatus>
    </Page>
  );
}
