import { Badge, Button, Group, Switch, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AdminUser } from "../../../../shared/schemas/accounts";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { Pager } from "../../../components/pager";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { USERS_PAGE_SIZE, userAttendanceQuery, userListQuery, useUpdateUser } from "../api";

type Flag = "isAdmin" | "isStaff" | "isPremium" | "active";

const FLAGS: { key: Flag; label: string }[] = [
  { key: "isAdmin", label: "Admin" },
  { key: "isStaff", label: "Staff" },
  { key: "isPremium", label: "Premium" },
  { key: "active", label: "Active" },
];

function displayName(u: AdminUser): string {
  return u.name ?? u.email;
}

/** A member's attendance (issue #15): read only when asked for, so a page of users costs one request. */
function Attendance({ user }: { user: AdminUser }) {
  const [asked, setAsked] = useState(false);
  const attendance = useQuery({ ...userAttendanceQuery(user.id), enabled: asked });
  if (!asked)
    return (
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setAsked(true)}
        aria-label={`Show attendance: ${displayName(user)}`}
      >
        Show
      </Button>
    );
  if (attendance.isError) return <Text size="sm">Could not load</Text>;
  if (!attendance.data) return <Text size="sm">Loading…</Text>;
  const { attended, noShows } = attendance.data;
  return (
    <Text size="sm" data-testid="user-attendance">
      {attended} attended · {noShows} {noShows === 1 ? "no-show" : "no-shows"}
    </Text>
  );
}

/** Admin > Users (platform.md, Accounts): list and search; set admin, staff, premium; deactivate. */
export function UsersPage() {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const list = useQuery(userListQuery(q, page));
  const update = useUpdateUser();
  const [failure, setFailure] = useState<string | null>(null);

  const apply = (user: AdminUser, flag: Flag, label: string, value: boolean) => {
    setFailure(null);
    update.mutate(
      { id: user.id, change: { [flag]: value } },
      {
        onError: (err) => setFailure(`Could not change ${label} for ${displayName(user)}: ${err.message}`),
      },
    );
  };

  const [confirmDeactivate, setConfirmDeactivate] = useState<AdminUser | null>(null);

  const toggle = (user: AdminUser, flag: Flag, label: string, value: boolean) => {
    // Deactivating signs the person out everywhere: ask first.
    if (flag === "active" && !value) setConfirmDeactivate(user);
    else apply(user, flag, label, value);
  };

  const pendingFor = (user: AdminUser, flag: Flag) =>
    update.isPending && update.variables?.id === user.id && flag in (update.variables?.change ?? {});

  return (
    <Page title="Users" width="100%">
      <TextInput
        type="search"
        label="Search users"
        description="By name or email"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
      <QueryStatus query={list} label="Loading users">
        {(data) => (
          <>
            <Text role="status" aria-live="polite">
              {data.total === 0
                ? "No users match."
                : `${data.total} ${data.total === 1 ? "user" : "users"}${q ? ` matching “${q}”` : ""}.`}
            </Text>
            {data.users.length > 0 && (
              <Table.ScrollContainer minWidth={860}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Name</Table.Th>
                      <Table.Th scope="col">Email</Table.Th>
                      <Table.Th scope="col">Joined</Table.Th>
                      <Table.Th scope="col">Attendance</Table.Th>
                      {FLAGS.map((f) => (
                        <Table.Th scope="col" key={f.key}>
                          {f.label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.users.map((user) => (
                      <Table.Tr key={user.id} data-testid={`user-${user.email}`}>
                        <Table.Th scope="row" fw="normal">
                          <Group gap="xs">
                            <span>{user.name ?? "—"}</span>
                            {!user.active && (
                              <Badge color="gray" variant="outline">
                                Deactivated
                              </Badge>
                            )}
                          </Group>
                        </Table.Th>
                        <Table.Td>{user.email}</Table.Td>
                        <Table.Td>
                          <Time at={user.createdAt} />
                        </Table.Td>
                        <Table.Td>
                          <Attendance user={user} />
                        </Table.Td>
                        {FLAGS.map((f) => (
                          <Table.Td key={f.key}>
                            <Switch
                              aria-label={`${f.label}: ${displayName(user)}`}
                              checked={user[f.key]}
                              disabled={pendingFor(user, f.key)}
                              onChange={(e) => toggle(user, f.key, f.label, e.currentTarget.checked)}
                            />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Pager total={data.total} pageSize={USERS_PAGE_SIZE} page={page} onChange={setPage} />
          </>
        )}
      </QueryStatus>
      <ConfirmDialog
        opened={confirmDeactivate !== null}
        onClose={() => setConfirmDeactivate(null)}
        title={confirmDeactivate ? `Deactivate ${displayName(confirmDeactivate)}?` : "Deactivate"}
        keepLabel="Cancel"
        confirmLabel="Deactivate"
        onConfirm={() => {
          if (confirmDeactivate) apply(confirmDeactivate, "active", "Active", false);
          setConfirmDeactivate(null);
        }}
      >
        <Text>
          They are signed out everywhere and cannot sign in until an admin makes the account active again. Their history
          is kept.
        </Text>
      </ConfirmDialog>
    </Page>
  );
}
