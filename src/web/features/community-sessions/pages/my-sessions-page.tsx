import { Anchor, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import type { MyRegistrationList } from "../../../../shared/schemas/community-sessions";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { myRegistrationsQuery } from "../api";
import { StatusBadge } from "../components/status-badge";
import { PARTICIPANT_STATUS_LABEL, ROLE_LABEL } from "../labels";
import { onePerSession, splitByTime } from "../my-sessions";
import { sessionPaths } from "../paths";

type Item = MyRegistrationList["registrations"][number];

function RegistrationTable({ title, items, empty }: { title: string; items: Item[]; empty: string }) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Session</Table.Th>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Your role</Table.Th>
                <Table.Th scope="col">Session status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.session.id}>
                  <Table.Td>
                    <Anchor component={Link} to={sessionPaths.page(item.session.id)}>
                      {item.session.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {item.session.startsAt ? (
                      <Time at={item.session.startsAt} zone={item.session.timeZone} />
                    ) : (
                      "To be announced"
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text span inherit td={item.status === "cancelled" ? "line-through" : undefined}>
                        {ROLE_LABEL[item.role]}
                      </Text>
                      <Badge variant="light" color={item.status === "cancelled" ? "red" : "gray"}>
                        {PARTICIPANT_STATUS_LABEL[item.status]}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.session.shownStatus} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** My sessions (`/my-sessions`): every session you registered for, upcoming and past, with your role. */
export function MySessionsPage() {
  const list = useQuery(myRegistrationsQuery());
  return (
    <Page title="My sessions" width={960}>
      <QueryStatus query={list} label="Loading your sessions">
        {(data) => {
          const { upcoming, past } = splitByTime(onePerSession(data.registrations), Date.now());
          return (
            <>
              {upcoming.length === 0 && past.length === 0 && (
                <Text>
                  You have not registered for any session yet.{" "}
                  <Anchor component={Link} to="/">
                    Find one on the home page
                  </Anchor>
                  .
                </Text>
              )}
              <RegistrationTable
                title="Upcoming"
                items={upcoming}
                empty="No upcoming sessions. Sessions you register for appear here."
              />
              <RegistrationTable title="Past" items={past} empty="No past sessions yet." />
            </>
          );
        }}
      </QueryStatus>
    </Page>
  );
}
