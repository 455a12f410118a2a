import { Badge, Group, Text } from "@mantine/core";
import type { CommunitySession } from "../../../../../shared/schemas/community-sessions";
import { placesSummary, STATUS_COLOR, STATUS_LABEL } from "../../labels";

/**
 * The head of the Participants tab (issue 13, 8): whether the session is Open or Full (or what else it shows
 * members), and how many places are free, so that the roster is read against it.
 */
export function RegistrationState({ session }: { session: CommunitySession }) {
  return (
    <Group gap="sm" align="center" wrap="wrap" data-testid="registration-state">
      <Text fw={600} component="span">
        Status
      </Text>
      {/* The Details tab stays mounted with its own status badge (data-testid "session-status"): not a second one. */}
      <Badge color={STATUS_COLOR[session.shownStatus]} variant="light" data-testid="participants-status">
        {STATUS_LABEL[session.shownStatus]}
      </Badge>
      <Text size="sm" component="span">
        {placesSummary(session.slots)}
      </Text>
    </Group>
  );
}
