import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type {
  AdminSessionCard,
  CalendarSyncState,
  SessionStatus,
} from "../../../../../shared/schemas/community-sessions";
import { Page } from "../../../../components/page";
import { Pager } from "../../../../components/pager";
import { QueryStatus } from "../../../../components/query-status";
import { Time } from "../../../../components/time";
import type { AdminSessionFilters } from "../../api";
import { StatusBadge } from "../../components/status-badge";
import { ROLE_ORDER, ROLE_PLURAL, SESSION_STATUSES, STATUS_LABEL } from "../../labels";
import { sessionPaths } from "../../paths";
import { ADMIN_SESSIONS_PAGE_SIZE, adminSessionListQuery } from "../api";

type When = AdminSessionFilters["when"];

const STATUS_FILTERS: { value: SessionStatus | ""; label: string }[] = [
  { value: "", label: "All statuses" },
  ...SESSION_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
];

const WHEN_FILTERS: { value: When; label: string }[] = [
  { value: "upcoming", label: "Upcoming" },
  { value: "past", label: "Past" },
  { value: "all", label: "All" },
];

/** "Presenters 2/3" for each role the session has slots for. */
function SlotCounts({ card, inline = false }: { card: AdminSessionCard; inline?: boolean }) {
  const roles = ROLE_ORDER.filter((r) => card.slots[r].capacity > 0);
  if (inline) {
    return (
      <Text size="sm">
        {roles.map((r) => `${ROLE_PLURAL[r]} ${card.slots[r].taken}/${card.slots[r].capacity}`).join(" · ")}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {roles.map((r) => (
        <Text key={r} size="sm" style={{ whiteSpace: "nowrap" }}>
          {ROLE_PLURAL[r]} {card.slots[r].taken}/{card.slots[r].capacity}
        </Text>
      ))}
    </Stack>
  );
}

const SYNC_LABEL: Record<CalendarSyncState["state"], string> = { synced: "Synced", pending: "Pending", error: "Error" };
const SYNC_COLOR: Record<CalendarSyncState["state"], string> = { synced: "green", pending: "yellow", error: "red" };

function CalendarSync({ sync, isDraft }: { sync: CalendarSyncState | null; isDraft: boolean }) {
  if (!sync) return <Text size="sm">{isDraft ? "Drafts are not synced" : "Not synced yet"}</Text>;
  return (
    <Stack gap={2} align="flex-start" maw={360}>
      <Badge color={SYNC_COLOR[sync.state]} variant="light" style={{ minWidth: "max-content" }}>
        {SYNC_LABEL[sync.state]}
      </Badge>
      {/* A long error wraps in its column rather than squeezing the others (issue 13, 9). */}
      {sync.error && (
        <Text size="sm" c="red.9" style={{ overflowWrap: "anywhere" }}>
          {sync.error}
        </Text>
      )}
      {sync.at && (
        <Text size="xs" c="dimmed">
          <Time at={sync.at} />
        </Text>
      )}
    </Stack>
  );
}

/**
 * Admin > Sessions (community.md, Session editor): filters by status and time, search by title, and New
 * Session. Members allowed to create sessions see the ones they created.
 */
export function SessionsPage() {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [when, setWhen] = useState<When>("upcoming");
  const [page, setPage] = useState(1);
  const list = useQuery(adminSessionListQuery({ status, when, q, page }));

  return (
    <Page title="Sessions" width="100%">
      <Group>
        <Button component={Link} to={sessionPaths.newSession}>
          New Session
        </Button>
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="search"
          label="Search by title"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <NativeSelect
          label="Status"
          data={STATUS_FILTERS}
          value={status ?? ""}
          onChange={(e) => {
            setStatus((e.currentTarget.value || null) as SessionStatus | null);
            setPage(1);
          }}
          w={180}
        />
        <Stack gap={4}>
          <Text size="sm" fw={600} id="when-filter-label">
            When
          </Text>
          <SegmentedControl
            aria-labelledby="when-filter-label"
            data={WHEN_FILTERS}
            value={when}
            onChange={(v) => {
              setWhen(v as When);
              setPage(1);
            }}
          />
        </Stack>
      </Group>
      <QueryStatus query={list} label="Loading sessions">
        {(data) => {
          const showSync = data.sessions.some((s) => s.calendarSync !== null);
          return (
            <>
              <Text role="status" aria-live="polite">
                {data.total === 0
                  ? "No sessions match."
                  : `${data.total} ${data.total === 1 ? "session" : "sessions"}${q ? ` matching “${q}”` : ""}.`}
              </Text>
              {data.sessions.length > 0 && (
                <Table.ScrollContainer minWidth={showSync ? 860 : 700} visibleFrom="sm">
                  <Table striped highlightOnHover verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Title</Table.Th>
                        <Table.Th scope="col">Date and time</Table.Th>
                        <Table.Th scope="col">Status</Table.Th>
                        <Table.Th scope="col">Slots</Table.Th>
                        {showSync && <Table.Th scope="col">Google Calendar</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.sessions.map((s) => (
                        <Table.Tr key={s.id}>
                          <Table.Th scope="row" fw="normal">
                            <Anchor component={Link} to={sessionPaths.editor(s.id)} fw={600}>
                              {s.title}
                            </Anchor>
                          </Table.Th>
                          <Table.Td>
                            {s.startsAt ? <Time at={s.startsAt} zone={s.timeZone} /> : <Text size="sm">Not set</Text>}
                          </Table.Td>
                          <Table.Td>
                            <StatusBadge status={s.shownStatus} />
                          </Table.Td>
                          <Table.Td>
                            <SlotCounts card={s} />
                          </Table.Td>
                          {showSync && (
                            <Table.Td>
                              <CalendarSync sync={s.calendarSync} isDraft={s.status === "draft"} />
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {/* Phones: one card per session instead of a table wider than the screen. */}
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} hiddenFrom="sm">
                {data.sessions.map((s) => (
                  <Paper component="li" key={s.id} withBorder p="sm" radius="md">
                    <Stack gap={4}>
                      <Anchor component={Link} to={sessionPaths.editor(s.id)} fw={600}>
                        {s.title}
                      </Anchor>
                      <Text size="sm">
                        {s.startsAt ? <Time at={s.startsAt} zone={s.timeZone} /> : "Date and time not set"}
                      </Text>
                      <Group gap="xs">
                        <StatusBadge status={s.shownStatus} />
                      </Group>
                      <SlotCounts card={s} inline />
                      {showSync && <CalendarSync sync={s.calendarSync} isDraft={s.status === "draft"} />}
                    </Stack>
                  </Paper>
                ))}
              </Stack>
              <Pager total={data.total} pageSize={ADMIN_SESSIONS_PAGE_SIZE} page={page} onChange={setPage} />
            </>
          );
        }}
      </QueryStatus>
    </Page>
  );
}
