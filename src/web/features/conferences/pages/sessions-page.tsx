import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import type { SessionType } from "../../../../shared/schemas/conference-events";
import type { ConferenceSessionListItem } from "../../../../shared/schemas/conference-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { sessionListQuery, useUpdateConferenceSession } from "../api";
import { Swatch } from "../components/colour-field";
import { type DeletableSession, DeleteSessionDialog } from "../components/delete-session-dialog";
import { BinIcon, ClockIcon, PencilIcon } from "../components/icons";
import { MaterialsDialog } from "../components/materials-dialog";
import { ProtectionDialog, ShieldIcon } from "../components/protection-dialog";
import { SessionDialog } from "../components/session-dialog";
import { SessionTypesDialog } from "../components/session-types-dialog";
import { useManagedEvent } from "./manage-layout";

type Item = ConferenceSessionListItem;

/**
 * The quick type picker: choosing a type sets it at once; choosing the current type again clears it (the seed:
 * "simply click on the type again, which will unselect it").
 */
function TypePicker({
  eventId,
  session,
  types,
  onError,
}: {
  eventId: string;
  session: Item;
  types: SessionType[];
  onError: (message: string) => void;
}) {
  const update = useUpdateConferenceSession(eventId);
  const value = update.isPending ? (update.variables.change.typeId ?? null) : (session.type?.id ?? null);
  return (
    <Select
      aria-label={`Type of ${session.title}`}
      placeholder={types.length === 0 ? "No types yet" : "No type"}
      data={types.map((t) => ({ value: t.id, label: t.isPoster ? `${t.name} (poster)` : t.name }))}
      value={value}
      allowDeselect
      disabled={types.length === 0}
      onChange={(typeId) =>
        update.mutate(
          { id: session.id, change: { typeId } },
          { onError: (err) => onError(`Could not change the type of “${session.title}”: ${err.message}`) },
        )
      }
      comboboxProps={{ withinPortal: true }}
      size="xs"
      w={170}
    />
  );
}

function Actions({
  eventId,
  session,
  onEdit,
  onProtect,
  onDelete,
}: {
  eventId: string;
  session: Item;
  onEdit: () => void;
  onProtect: () => void;
  onDelete: () => void;
}) {
  const tip = (label: string, child: ReactNode) => (
    <Tooltip label={label} withArrow openDelay={300}>
      {child}
    </Tooltip>
  );
  return (
    <Group gap={2} wrap="nowrap">
      {tip(
        "Edit",
        <ActionIcon variant="subtle" color="dark" aria-label={`Edit session ${session.title}`} onClick={onEdit}>
          <PencilIcon />
        </ActionIcon>,
      )}
      {tip(
        "Session timetable",
        <ActionIcon
          component={Link}
          to={`/events/${eventId}/sessions/${session.id}/timetable`}
          variant="subtle"
          color="dark"
          aria-label={`Session timetable of ${session.title}`}
        >
          <ClockIcon />
        </ActionIcon>,
      )}
      {tip(
        "Protection",
        <ActionIcon variant="subtle" color="dark" aria-label={`Protection of ${session.title}`} onClick={onProtect}>
          <ShieldIcon />
        </ActionIcon>,
      )}
      {tip(
        "Delete",
        <ActionIcon variant="subtle" color="red" aria-label={`Delete session ${session.title}`} onClick={onDelete}>
          <BinIcon />
        </ActionIcon>,
      )}
    </Group>
  );
}

function MaterialLink({ session, onOpen }: { session: Item; onOpen: () => void }) {
  const n = session.materialsCount;
  return (
    <Anchor component="button" type="button" onClick={onOpen} size="sm">
      {n === 0 ? "Add" : n === 1 ? "1 item" : `${n} items`}
      <VisuallyHidden>{n === 0 ? ` material to ${session.title}` : ` of material for ${session.title}`}</VisuallyHidden>
    </Anchor>
  );
}

/**
 * The title wraps, however long its words; a long code takes one line, cut with "…", the whole code as its
 * tooltip: neither pushes the row's icons off the list (issue 13).
 */
function SessionTitle({ eventId, session }: { eventId: string; session: Item }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Swatch colours={session.colours} size={20} />
      <Stack gap={0} miw={0} style={{ flex: 1, overflowWrap: "anywhere" }}>
        <Anchor component={Link} to={`/events/${eventId}/sessions/${session.id}`} fw={600}>
          {session.title}
        </Anchor>
        {session.code && (
          <Text size="xs" c="dimmed" lineClamp={1} title={session.code} style={{ wordBreak: "break-all" }}>
            Code {session.code}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

/**
 * Organisation ▸ Sessions (the seed's sessions page): Add new session and Settings ▸ Session types at the top;
 * the list with the quick type picker, Blocks, Material, and the pencil, clock, shield and bin.
 */
export function ManageSessionsPage() {
  const event = useManagedEvent();
  const list = useQuery(sessionListQuery(event.id));
  const [typesOpen, setTypesOpen] = useState(false);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [materialOf, setMaterialOf] = useState<Item | null>(null);
  const [deleting, setDeleting] = useState<DeletableSession | null>(null);
  // The shield: the list is for event managers, who manage every session, so every row has one.
  const [protecting, setProtecting] = useState<Item | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const types = list.data?.types ?? [];

  return (
    <Page title="Sessions" width="100%">
      <Text size="sm">
        A <strong>session</strong> groups related contributions and has its own colour. It takes place in one or more{" "}
        <strong>blocks</strong>: scheduled stretches of time in the timetable, each with its own time, room and
        conveners.
      </Text>
      <Group gap="sm">
        <Button onClick={() => setEditing({ id: null })}>Add new session</Button>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<span aria-hidden>▾</span>}>
              Settings
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setTypesOpen(true)}>Session types</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
      <QueryStatus query={list} label="Loading sessions">
        {(data) =>
          data.sessions.length === 0 ? (
            <Text>No sessions yet. Add the first one with Add new session.</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={760} visibleFrom="sm">
                <Table striped verticalSpacing="sm" aria-label="Sessions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Title</Table.Th>
                      <Table.Th scope="col">Type</Table.Th>
                      <Table.Th scope="col">Blocks</Table.Th>
                      <Table.Th scope="col">Material</Table.Th>
                      <Table.Th scope="col">Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.sessions.map((s) => (
                      <Table.Tr key={s.id} data-testid="session-row">
                        <Table.Th scope="row" fw="normal">
                          <SessionTitle eventId={event.id} session={s} />
                        </Table.Th>
                        <Table.Td>
                          <TypePicker eventId={event.id} session={s} types={types} onError={setFailure} />
                        </Table.Td>
                        <Table.Td>{s.blocksCount}</Table.Td>
                        <Table.Td>
                          <MaterialLink session={s} onOpen={() => setMaterialOf(s)} />
                        </Table.Td>
                        <Table.Td>
                          <Actions
                            eventId={event.id}
                            session={s}
                            onEdit={() => setEditing({ id: s.id })}
                            onProtect={() => setProtecting(s)}
                            onDelete={() => setDeleting(s)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {/* Phones: a card per session with the same controls. */}
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} hiddenFrom="sm">
                {data.sessions.map((s) => (
                  <Paper component="li" key={s.id} withBorder p="sm" radius="md">
                    <Stack gap={6}>
                      <SessionTitle eventId={event.id} session={s} />
                      <TypePicker eventId={event.id} session={s} types={types} onError={setFailure} />
                      <Text size="sm">
                        Blocks: {s.blocksCount} · Material: <MaterialLink session={s} onOpen={() => setMaterialOf(s)} />
                      </Text>
                      <Actions
                        eventId={event.id}
                        session={s}
                        onEdit={() => setEditing({ id: s.id })}
                        onProtect={() => setProtecting(s)}
                        onDelete={() => setDeleting(s)}
                      />
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            </>
          )
        }
      </QueryStatus>

      <SessionTypesDialog eventId={event.id} opened={typesOpen} onClose={() => setTypesOpen(false)} />
      <SessionDialog
        eventId={event.id}
        opened={editing !== null}
        sessionId={editing?.id ?? null}
        types={types}
        eventDefaultMinutes={event.defaultContributionMinutes}
        onClose={() => setEditing(null)}
      />
      <MaterialsDialog eventId={event.id} session={materialOf} onClose={() => setMaterialOf(null)} />
      <ProtectionDialog eventId={event.id} session={protecting} onClose={() => setProtecting(null)} />
      <DeleteSessionDialog eventId={event.id} session={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
