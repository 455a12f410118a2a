import { Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { Contribution } from "../../../../shared/schemas/conference-contributions";
import type { ConferenceSessionListItem } from "../../../../shared/schemas/conference-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import {
  CONTRIBUTIONS_LIMIT,
  type ContributionFilters,
  contributionsQuery,
  sessionListQuery,
  useUnscheduleContribution,
} from "../api";
import { Swatch } from "../components/colour-field";
import { ContributionDialog } from "../components/contribution-dialog";
import { ScheduleDialog } from "../components/schedule-dialog";
import { people } from "../components/timetable-view";
import { formatMinutes } from "../local-time";
import { useManagedEvent } from "./manage-layout";

const SCHEDULED_FILTERS = [
  { value: "all", label: "All" },
  { value: "yes", label: "Scheduled" },
  { value: "no", label: "Unscheduled" },
];

function SessionCell({
  c,
  sessions,
  eventId,
}: {
  c: Contribution;
  sessions: Map<string, ConferenceSessionListItem>;
  eventId: string;
}) {
  const s = c.sessionId ? sessions.get(c.sessionId) : undefined;
  if (!s) return <Text size="sm">No session</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Swatch colours={s.colours} size={16} />
      <Anchor component={Link} to={`/events/${eventId}/sessions/${s.id}`} size="sm">
        {s.title}
      </Anchor>
    </Group>
  );
}

function When({ c, zone }: { c: Contribution; zone: string }) {
  return c.startAt ? (
    <Time at={c.startAt} zone={zone} />
  ) : (
    <Text span size="sm">
      Unscheduled
    </Text>
  );
}

/**
 * Organisation ▸ Contributions (managers): filters (scheduled or not, session, title), New contribution, and
 * Schedule / Unschedule. Contributions of a deleted session stay here, without a session.
 */
export function ContributionsPage() {
  const event = useManagedEvent();
  const [scheduled, setScheduled] = useState<"all" | "yes" | "no">("all");
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: ContributionFilters = { scheduled: scheduled === "all" ? null : scheduled, sessionId, q };
  const list = useQuery(contributionsQuery(event.id, filters));
  const sessions = useQuery(sessionListQuery(event.id));
  const unschedule = useUnscheduleContribution(event.id);
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState<Contribution | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const sessionMap = new Map((sessions.data?.sessions ?? []).map((s) => [s.id, s]));

  const action = (c: Contribution) =>
    c.isScheduled ? (
      <Button
        size="compact-sm"
        variant="default"
        aria-label={`Unschedule ${c.title}`}
        loading={unschedule.isPending && unschedule.variables === c.id}
        onClick={() => {
          setFailure(null);
          unschedule.mutate(c.id, {
            onSuccess: () => notify(`“${c.title}” was unscheduled.`),
            onError: (err) => setFailure(err.message),
          });
        }}
      >
        Unschedule
      </Button>
    ) : (
      <Button size="compact-sm" aria-label={`Schedule ${c.title}`} onClick={() => setScheduling(c)}>
        Schedule
      </Button>
    );

  return (
    <Page title="Contributions" width="100%">
      <Group>
        <Button onClick={() => setCreating(true)}>New contribution</Button>
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={600} id="scheduled-filter-label">
            Scheduled
          </Text>
          <SegmentedControl
            aria-labelledby="scheduled-filter-label"
            data={SCHEDULED_FILTERS}
            value={scheduled}
            onChange={(v) => setScheduled(v as "all" | "yes" | "no")}
          />
        </Stack>
        <Select
          label="Session"
          data={[
            { value: "", label: "All sessions" },
            { value: "none", label: "No session" },
            ...(sessions.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.title })),
          ]}
          value={sessionId ?? ""}
          onChange={(v) => setSessionId(v ? v : null)}
          allowDeselect={false}
          searchable
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
        <TextInput
          type="search"
          label="Search by title"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
      </Group>
      <ErrorAlert>{failure}</ErrorAlert>
      <QueryStatus query={list} label="Loading contributions">
        {(data) => (
          <>
            <Text role="status" aria-live="polite">
              {data.total === 0
                ? "No contributions match."
                : `${data.total} ${data.total === 1 ? "contribution" : "contributions"}${data.total > data.contributions.length ? `, the first ${CONTRIBUTIONS_LIMIT} shown` : ""}.`}
            </Text>
            {data.contributions.length > 0 && (
              <>
                <Table.ScrollContainer minWidth={860} visibleFrom="sm">
                  <Table striped verticalSpacing="xs" aria-label="Contributions">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Title</Table.Th>
                        <Table.Th scope="col">Session</Table.Th>
                        <Table.Th scope="col">When</Table.Th>
                        <Table.Th scope="col">Duration</Table.Th>
                        <Table.Th scope="col">Speakers</Table.Th>
                        <Table.Th scope="col">Timetable</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.contributions.map((c) => (
                        <Table.Tr key={c.id} data-testid="contribution-row">
                          <Table.Th scope="row" fw={600} miw="10rem" style={{ overflowWrap: "anywhere" }}>
                            {c.boardNumber && (
                              <Text span size="xs" fw={700}>
                                Board {c.boardNumber} ·{" "}
                              </Text>
                            )}
                            <Anchor
                              component={Link}
                              to={`/events/${event.id}/contributions/${c.id}`}
                              inherit
                              underline="always"
                            >
                              {c.title}
                            </Anchor>
                          </Table.Th>
                          <Table.Td>
                            <SessionCell c={c} sessions={sessionMap} eventId={event.id} />
                          </Table.Td>
                          <Table.Td>
                            <When c={c} zone={event.timeZone} />
                          </Table.Td>
                          <Table.Td>{formatMinutes(c.durationMinutes)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{people(c.speakers) || "—"}</Text>
                          </Table.Td>
                          <Table.Td>{action(c)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} hiddenFrom="sm">
                  {data.contributions.map((c) => (
                    <Paper component="li" key={c.id} withBorder p="sm" radius="md">
                      <Stack gap={4}>
                        <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                          {c.title}
                        </Text>
                        <SessionCell c={c} sessions={sessionMap} eventId={event.id} />
                        <Text size="sm">
                          <When c={c} zone={event.timeZone} /> · {formatMinutes(c.durationMinutes)}
                        </Text>
                        {c.speakers.length > 0 && <Text size="sm">{people(c.speakers)}</Text>}
                        <Group>{action(c)}</Group>
                      </Stack>
                    </Paper>
                  ))}
                </Stack>
              </>
            )}
          </>
        )}
      </QueryStatus>
      <ContributionDialog
        eventId={event.id}
        sessions={sessions.data?.sessions ?? []}
        eventMinutes={event.defaultContributionMinutes}
        opened={creating}
        onClose={() => setCreating(false)}
      />
      <ScheduleDialog
        eventId={event.id}
        zone={event.timeZone}
        days={event.days}
        contribution={scheduling}
        onClose={() => setScheduling(null)}
      />
    </Page>
  );
}
