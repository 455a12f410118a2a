import { Button, Code, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { type AuditEntry, type AuditFilters, auditQuery } from "../api";

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

/** The changed fields as "field: old → new", one per line. */
function Changes({ changes }: { changes: AuditEntry["changes"] }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {entries.map(([field, value]) => (
        <Text key={field} size="sm">
          <Code>{field}</Code>: {isChange(value) ? `${show(value.from)} → ${show(value.to)}` : show(value)}
        </Text>
      ))}
    </Stack>
  );
}

function clean(filters: AuditFilters): AuditFilters {
  const out: AuditFilters = {};
  for (const [key, value] of Object.entries(filters) as [keyof AuditFilters, string | undefined][]) {
    if (value?.trim()) out[key] = value.trim();
  }
  return out;
}

/** Admin > Audit log (platform.md, Audit log): who did what, when, to which object, with the changed fields. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  // Memoised: a new object each render would restart the debounce timer, and re-render forever.
  const cleaned = useMemo(() => clean(filters), [filters]);
  const [debounced] = useDebouncedValue(cleaned, 300);
  const audit = useInfiniteQuery(auditQuery(debounced));
  const set = (key: keyof AuditFilters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setFilters((f) => ({ ...f, [key]: value }));
  };

  return (
    <Page title="Audit log" width="100%">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Action"
          placeholder="user.updated_by_admin"
          value={filters.action ?? ""}
          onChange={set("action")}
        />
        <TextInput
          label="Object type"
          placeholder="user"
          value={filters.objectType ?? ""}
          onChange={set("objectType")}
        />
        <TextInput label="Object id" value={filters.objectId ?? ""} onChange={set("objectId")} />
      </Group>
      <QueryStatus query={audit} label="Loading the audit log">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return (
            <>
              <Text role="status" aria-live="polite">
                {items.length === 0
                  ? "No entries match."
                  : `Showing ${items.length} ${items.length === 1 ? "entry" : "entries"}, newest first.`}
              </Text>
              {items.length > 0 && (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">When</Table.Th>
                        <Table.Th scope="col">Who</Table.Th>
                        <Table.Th scope="col">Action</Table.Th>
                        <Table.Th scope="col">Object</Table.Th>
                        <Table.Th scope="col">Changes</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((item) => (
                        <Table.Tr key={item.id}>
                          <Table.Td>
                            <Time at={item.at} />
                          </Table.Td>
                          <Table.Td>{item.actorName ?? (item.actorId ? item.actorId : "System")}</Table.Td>
                          <Table.Td>
                            <Code>{item.action}</Code>
                          </Table.Td>
                          <Table.Td>
                            {item.objectType} <Code>{item.objectId}</Code>
                          </Table.Td>
                          <Table.Td>
                            <Changes changes={item.changes} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {audit.hasNextPage && (
                <Group>
                  <Button
                    variant="default"
                    loading={audit.isFetchingNextPage}
                    onClick={() => void audit.fetchNextPage()}
                  >
                    Show older entries
                  </Button>
                </Group>
              )}
            </>
          );
        }}
      </QueryStatus>
    </Page>
  );
}
