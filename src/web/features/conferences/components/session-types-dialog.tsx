import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type SessionType, SessionTypeInput } from "../../../../shared/schemas/conference-events";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { QueryStatus } from "../../../components/query-status";
import { useSchemaForm } from "../../../lib/form";
import { sessionTypesQuery, useCreateSessionType, useDeleteSessionType, useUpdateSessionType } from "../api";
import { BinIcon, PencilIcon } from "./icons";

const LABELS = { name: "Name", code: "Code", isPoster: "Poster" };

/** New session type, or editing one: name (unique in the event, ignoring case), code, Poster. */
function TypeForm({ eventId, type, onDone }: { eventId: string; type: SessionType | null; onDone: () => void }) {
  const create = useCreateSessionType(eventId);
  const update = useUpdateSessionType(eventId);
  const form = useSchemaForm({
    schema: SessionTypeInput,
    initialValues: { name: type?.name ?? "", code: type?.code ?? "", isPoster: type?.isPoster ?? false },
    labels: LABELS,
  });
  const submit = form.handleSubmit((input) => {
    const done = (saved: SessionType) => {
      notify(type ? `Session type “${saved.name}” was saved.` : `Session type “${saved.name}” was created.`);
      onDone();
    };
    if (type) update.mutate({ id: type.id, change: input }, { onSuccess: done, onError: form.showError });
    else create.mutate(input, { onSuccess: done, onError: form.showError });
  });
  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submit} noValidate aria-label={type ? `Edit session type ${type.name}` : "New session type"}>
        <Stack gap="sm">
          <FormError>{form.formError}</FormError>
          <TextInput label="Name" required maxLength={100} data-autofocus {...form.textField("name")} />
          <TextInput
            label="Code"
            description="Optional, e.g. P for posters"
            maxLength={50}
            {...form.textField("code")}
          />
          <Switch
            label="Poster"
            description="Sessions of this type become poster sessions: every contribution in a block is scheduled in parallel, with the block's start and duration."
            {...form.checkField("isPoster")}
          />
          <FormButtons onCancel={onDone} pending={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Settings ▸ Session types (the seed's "Creating a session type"): the event's types with how many sessions use
 * each, New session type, edit and delete. Deleting a type leaves its sessions without a type.
 */
export function SessionTypesDialog({
  eventId,
  opened,
  onClose,
}: {
  eventId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const types = useQuery({ ...sessionTypesQuery(eventId), enabled: opened });
  const remove = useDeleteSessionType(eventId);
  const [editing, setEditing] = useState<SessionType | "new" | null>(null);
  const [removing, setRemoving] = useState<SessionType | null>(null);

  const close = () => {
    setEditing(null);
    setRemoving(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Session types" size="lg">
      <Stack gap="md">
        <Text size="sm">
          Types organise sessions. A type with <strong>Poster</strong> on makes its sessions poster sessions.
        </Text>
        <QueryStatus query={types} label="Loading session types">
          {(data) =>
            data.types.length === 0 ? (
              <Text size="sm" c="dimmed">
                No session types yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing="xs" aria-label="Session types">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Name</Table.Th>
                      <Table.Th scope="col">Code</Table.Th>
                      <Table.Th scope="col">Poster</Table.Th>
                      <Table.Th scope="col">Sessions</Table.Th>
                      <Table.Th scope="col">Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.types.map((t) => (
                      <Table.Tr key={t.id}>
                        <Table.Th scope="row" fw={600} miw="8rem" style={{ overflowWrap: "anywhere" }}>
                          {t.name}
                        </Table.Th>
                        <Table.Td miw="4rem" style={{ overflowWrap: "anywhere" }}>
                          {t.code || "—"}
                        </Table.Td>
                        <Table.Td>
                          {t.isPoster ? (
                            <Badge variant="light" color="grape">
                              Poster
                            </Badge>
                          ) : (
                            "No"
                          )}
                        </Table.Td>
                        <Table.Td>{t.sessionsCount}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon
                              variant="subtle"
                              color="dark"
                              aria-label={`Edit session type ${t.name}`}
                              onClick={() => setEditing(t)}
                            >
                              <PencilIcon />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Delete session type ${t.name}`}
                              onClick={() => {
                                remove.reset();
                                setRemoving(t);
                              }}
                            >
                              <BinIcon />
                            </ActionIcon>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryStatus>
        {removing && (
          <Alert color="orange" variant="light" role="alertdialog" title={`Delete session type “${removing.name}”?`}>
            <Stack gap="xs">
              <Text size="sm">
                {removing.sessionsCount === 0
                  ? "No session uses it."
                  : `${removing.sessionsCount === 1 ? "The 1 session" : `The ${removing.sessionsCount} sessions`} of this type remain, without a type${removing.isPoster ? " (no longer poster sessions)" : ""}.`}
              </Text>
              {remove.error && (
                <Text size="sm" c="red.9" role="alert">
                  {remove.error.message}
                </Text>
              )}
              <Group gap="xs">
                <Button variant="default" size="compact-sm" onClick={() => setRemoving(null)}>
                  Keep it
                </Button>
                <Button
                  color="red"
                  size="compact-sm"
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(removing.id, {
                      onSuccess: () => {
                        notify(`Session type “${removing.name}” was deleted.`);
                        setRemoving(null);
                      },
                    })
                  }
                >
                  Delete session type
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {editing ? (
          <TypeForm
            key={editing === "new" ? "new" : editing.id}
            eventId={eventId}
            type={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <Group>
            <Button onClick={() => setEditing("new")}>New session type</Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
