import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import type { MyConferenceItem } from "../../../../shared/schemas/conference-sessions";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { myConferenceQuery } from "../protection-api";

type Role = MyConferenceItem["roles"][number];

const ROLE_LABEL: Record<Role, string> = { manager: "Session manager", coordinator: "Coordinator", speaker: "Speaker" };
const ROLE_COLOR: Record<Role, string> = { manager: "blue", coordinator: "gray", speaker: "grape" };

/** When the item takes place, in the viewer's zone with the event's beside it, or why there is no time. */
function When({ item }: { item: MyConferenceItem }) {
  if (!item.time) return <>{item.kind === "session" ? "No block scheduled yet" : "Not scheduled yet"}</>;
  const time = <Time at={item.time.startAt} zone={item.event.timeZone} />;
  if (item.kind === "contribution") return time;
  // A session shows its next block; once all took place, its last.
  return (
    <>
      {Date.parse(item.time.endAt) > Date.now() ? "Next block: " : "Last block: "}
      {time}
    </>
  );
}

function ItemCard({ item }: { item: MyConferenceItem }) {
  const titleId = useId();
  return (
    <Card component="article" aria-labelledby={titleId} withBorder radius="md" padding="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} size="h4" id={titleId} style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={item.path} inherit>
              {item.title}
            </Anchor>
          </Title>
          <Group gap={4} wrap="wrap" justify="flex-end" style={{ flexShrink: 0 }}>
            {item.roles.map((role) => (
              <Badge key={role} variant="light" color={ROLE_COLOR[role]} style={{ minWidth: "max-content" }}>
                {ROLE_LABEL[role]}
              </Badge>
            ))}
          </Group>
        </Group>
        <Text size="sm">
          <When item={item} />
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          <Anchor component={Link} to={`/events/${item.event.id}`} inherit>
            {item.event.title}
          </Anchor>
          {item.kind === "contribution" && item.sessionTitle && (
            <Text span c="dimmed" inherit>
              {" · "}
              {item.sessionTitle}
            </Text>
          )}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * My sessions' Conferences part (issue #14): the conference sessions you manage or coordinate and the contributions
 * you speak in, by time, each linking to its page. Nothing at all for someone who holds none.
 */
export function MyConferenceSection() {
  const id = useId();
  const query = useQuery(myConferenceQuery());
  // Shown only once there is something to show: the community part does not jump for people who hold nothing.
  if (query.isPending || (query.isSuccess && query.data.items.length === 0)) return null;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        Conferences
      </Title>
      <QueryStatus query={query} label="Loading your conference sessions">
        {(data) => (
          <SimpleGrid
            cols={{ base: 1, sm: 2 }}
            spacing="md"
            component="ul"
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {data.items.map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                <ItemCard item={item} />
              </li>
            ))}
          </SimpleGrid>
        )}
      </QueryStatus>
    </Stack>
  );
}
