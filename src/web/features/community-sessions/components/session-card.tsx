import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { Link } from "react-router";
import type { SessionCard as SessionCardData } from "../../../../shared/schemas/community-sessions";
import { Time } from "../../../components/time";
import { formatDuration, roleList, STATUS_HINT } from "../labels";
import { sessionPaths } from "../paths";
import { cardRoles, premiumOnlyText } from "../role-offers";
import { StatusBadge } from "./status-badge";

/** Who is looking: whether they may take premium-only roles, and the site's name for premium members. */
export interface CardViewer {
  isPremium: boolean;
  premiumLabel: string;
}

/**
 * One session on the home page (community.md, Registration (member) 1): title linking to the session page,
 * time in the viewer's zone with the session's beside it, status, an excerpt, and the roles with a free slot.
 */
export function SessionCard({
  session,
  viewer,
  headingLevel = 3,
}: {
  session: SessionCardData;
  viewer: CardViewer;
  headingLevel?: 2 | 3;
}) {
  const titleId = useId();
  const isOpen = session.shownStatus === "open";
  const roles = cardRoles(session, viewer.isPremium);
  const openRoles = roleList(roles.open);
  return (
    <Card component="article" aria-labelledby={titleId} withBorder radius="md" padding="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={headingLevel} size="h4" id={titleId} style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={sessionPaths.page(session.id)} inherit>
              {session.title}
            </Anchor>
          </Title>
          <StatusBadge status={session.shownStatus} style={{ flexShrink: 0 }} />
        </Group>
        <Stack gap={0}>
          <Text size="sm">
            {session.startsAt ? <Time at={session.startsAt} zone={session.timeZone} /> : "Date to be announced"}
          </Text>
          <Text size="sm" c="dimmed">
            {formatDuration(session.durationMinutes)}
          </Text>
        </Stack>
        {session.descriptionExcerpt && (
          <Text size="sm" lineClamp={3}>
            {session.descriptionExcerpt}
          </Text>
        )}
        {isOpen && (openRoles || roles.premiumOnly.length > 0) ? (
          <Stack gap={0}>
            {openRoles && (
              <Text size="sm" fw={500}>
                Open roles: {openRoles}
              </Text>
            )}
            {roles.premiumOnly.length > 0 && (
              <Text size="sm" c="dimmed">
                {premiumOnlyText(roles.premiumOnly, viewer.premiumLabel)}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {STATUS_HINT[session.shownStatus]}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
