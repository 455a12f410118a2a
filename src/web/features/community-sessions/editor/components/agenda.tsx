import { Alert, Stack, Table, Text, Title } from "@mantine/core";
import type { CommunitySession } from "../../../../../shared/schemas/community-sessions";
import { Time } from "../../../../components/time";

function minutes(n: number): string {
  return `${n} min`;
}

/**
 * The agenda the settings imply (community.md, Session): the host's opening, then each presenter's talk and
 * Q&A in presentation order, with the server's warning when it runs past the Duration. It follows the saved
 * values, so it changes after each autosave.
 */
export function Agenda({ session }: { session: CommunitySession }) {
  const { agenda } = session;
  return (
    <Stack gap="xs" component="section" aria-labelledby="agenda-heading">
      <Title order={2} size="h3" id="agenda-heading">
        Agenda
      </Title>
      <Text size="sm" c="dimmed">
        Implied by Max Presenters, Talk Duration and Q&A Duration
        {session.startsAt ? "" : "; times appear once the Date & Time is set"}.
      </Text>
      {agenda.warning && (
        <Alert color="yellow" variant="light" title="The agenda runs past the Duration" data-testid="agenda-warning">
          {agenda.warning}
        </Alert>
      )}
      {agenda.items.length === 0 ? (
        <Text>Nothing to show: this session has no presenter slots.</Text>
      ) : (
        <Table verticalSpacing={4} withRowBorders={false} layout="auto">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{session.startsAt ? "Time" : "Starts after"}</Table.Th>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col">Length</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agenda.items.map((item) => (
              <Table.Tr key={`${item.kind}:${item.startMinute}:${item.label}`}>
                <Table.Td>
                  {item.startsAt ? (
                    <Time at={item.startsAt} zone={session.timeZone} format="time" />
                  ) : (
                    minutes(item.startMinute)
                  )}
                </Table.Td>
                <Table.Td c={item.isOpenSlot ? "dimmed" : undefined}>{item.label}</Table.Td>
                <Table.Td>{minutes(item.durationMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
