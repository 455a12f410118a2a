import { ActionIcon, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Room, RoomInput } from "../../../../shared/schemas/conference-events";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { useSchemaForm } from "../../../lib/form";
import { roomListQuery, useCreateRoom, useDeleteRoom, useUpdateRoom } from "../api";
import { BinIcon, PencilIcon } from "../components/icons";

const LABELS = { venueName: "Venue", name: "Room", capacity: "Capacity" };

/** Add or edit a room: venue, room name, capacity. */
function RoomForm({ room, onDone }: { room: Room | null; onDone?: () => void }) {
  const createRoom = useCreateRoom();
  const updateRoom = useUpdateRoom();
  const form = useSchemaForm({
    schema: RoomInput,
    initialValues: {
      venueName: room?.venueName ?? "",
      name: room?.name ?? "",
      capacity: room?.capacity ?? (null as number | null),
    },
    labels: LABELS,
  });
  const submit = form.handleSubmit((input) => {
    const done = (saved: Room) => {
      notify(room ? `${saved.label} was saved.` : `${saved.label} was added.`);
      form.reset();
      onDone?.();
    };
    if (room) updateRoom.mutate({ id: room.id, change: input }, { onSuccess: done, onError: form.showError });
    else createRoom.mutate(input, { onSuccess: done, onError: form.showError });
  });
  return (
    <form onSubmit={submit} noValidate aria-label={room ? `Edit ${room.label}` : "Add a room"}>
      <Stack gap="sm">
        <FormError>{form.formError}</FormError>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label="Venue" description="The building or site" {...form.textField("venueName")} miw={200} />
          <TextInput label="Room" required {...form.textField("name")} miw={200} />
          <NumberInput
            label="Capacity"
            description="Seats; optional"
            value={form.values.capacity ?? ""}
            onChange={(v) => form.setValue("capacity", typeof v === "number" ? v : null)}
            error={form.errors.capacity}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            w={140}
          />
        </Group>
        <Group>
          <Button type="submit" loading={createRoom.isPending || updateRoom.isPending}>
            {room ? "Save" : "Add room"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Admin ▸ Rooms (conferences.md, Rooms): the venues and rooms events, sessions and blocks take place in. */
export function AdminRoomsPage() {
  const rooms = useQuery(roomListQuery());
  const remove = useDeleteRoom();
  const [editing, setEditing] = useState<Room | null>(null);
  const [removing, setRemoving] = useState<Room | null>(null);
  // An error belongs to one attempt: the next time the dialog opens, it is gone.
  const closeRemoving = () => {
    remove.reset();
    setRemoving(null);
  };

  return (
    <Page title="Rooms" width={900}>
      <Text>
        The room directory: events, sessions and blocks pick their location from it. Double use of a room at the same
        time inside one event is flagged in its timetable.
      </Text>
      <QueryStatus query={rooms} label="Loading rooms">
        {(data) =>
          data.rooms.length === 0 ? (
            <Text>No rooms yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Venue</Table.Th>
                    <Table.Th scope="col">Room</Table.Th>
                    <Table.Th scope="col">Capacity</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rooms.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td miw="8rem" style={{ overflowWrap: "anywhere" }}>
                        {r.venueName || "—"}
                      </Table.Td>
                      <Table.Th scope="row" fw={600} miw="8rem" style={{ overflowWrap: "anywhere" }}>
                        {r.name}
                      </Table.Th>
                      <Table.Td>{r.capacity ?? "—"}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            color="dark"
                            aria-label={`Edit ${r.label}`}
                            onClick={() => setEditing(r)}
                          >
                            <PencilIcon />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${r.label}`}
                            onClick={() => setRemoving(r)}
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
      <Stack gap="xs" component="section" aria-labelledby="add-room-heading">
        <Title order={2} size="h3" id="add-room-heading">
          Add a room
        </Title>
        <RoomForm room={null} />
      </Stack>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Edit ${editing.label}` : "Edit room"}
      >
        {editing && <RoomForm key={editing.id} room={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        onClose={closeRemoving}
        title={removing ? `Delete ${removing.label}?` : "Delete room"}
        error={remove.error}
        keepLabel="Keep the room"
        confirmLabel="Delete room"
        pending={remove.isPending}
        onConfirm={() => {
          const room = removing;
          if (!room) return;
          remove.mutate(room.id, {
            onSuccess: () => {
              closeRemoving();
              notify(`${room.label} was deleted.`);
            },
          });
        }}
      >
        <Text>
          Events, sessions and blocks held there keep their place in the timetable and inherit their location again.
        </Text>
      </ConfirmDialog>
    </Page>
  );
}
