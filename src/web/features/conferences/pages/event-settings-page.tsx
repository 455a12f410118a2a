import { ActionIcon, Button, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ManagerInput } from "../../../../shared/schemas/conference-events";
import { ErrorAlert } from "../../../components/error-alert";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { useSchemaForm } from "../../../lib/form";
import { managersQuery, useAddManager, useRemoveManager, useUpdateEvent } from "../api";
import { EventForm } from "../components/event-form";
import { BinIcon } from "../components/icons";
import { useManagedEvent } from "./manage-layout";

function Managers({ eventId }: { eventId: string }) {
  const managers = useQuery(managersQuery(eventId));
  const add = useAddManager(eventId);
  const remove = useRemoveManager(eventId);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useSchemaForm({ schema: ManagerInput, initialValues: { email: "" }, labels: { email: "Email" } });
  const submit = form.handleSubmit((input) => {
    add.mutate(input.email, {
      onSuccess: () => {
        notify(`${input.email} now manages this event.`);
        form.reset();
      },
      onError: form.showError,
    });
  });
  return (
    <Paper component="section" aria-labelledby="managers-heading" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="managers-heading">
          Managers
        </Title>
        <Text size="sm" c="dimmed">
          Event managers edit everything in the event: settings, sessions, timetable and contributions. Admins always
          may.
        </Text>
        <QueryStatus query={managers} label="Loading managers">
          {(data) =>
            data.managers.length === 0 ? (
              <Text size="sm">No managers besides the admins.</Text>
            ) : (
              <List listStyleType="none" p={0} spacing={4}>
                {data.managers.map((m) => (
                  <List.Item key={m.userId}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{m.name ? `${m.name} (${m.email})` : m.email}</Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${m.name ?? m.email} as manager`}
                        loading={remove.isPending && remove.variables === m.userId}
                        onClick={() => {
                          setFailure(null);
                          remove.mutate(m.userId, { onError: (err) => setFailure(err.message) });
                        }}
                      >
                        <BinIcon />
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )
          }
        </QueryStatus>
        <ErrorAlert>{failure}</ErrorAlert>
        <form onSubmit={submit} noValidate aria-label="Add a manager">
          <Stack gap="xs">
            <FormError>{form.formError}</FormError>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label="Email"
                description="Of an existing account"
                type="email"
                autoComplete="off"
                {...form.textField("email")}
                miw={260}
              />
              <Button type="submit" loading={add.isPending}>
                Add manager
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** The management area's first page: the event's settings and its managers. */
export function EventSettingsPage() {
  const event = useManagedEvent();
  const update = useUpdateEvent(event.id);
  return (
    <Page title="Settings" width={900}>
      <Paper component="section" aria-label="Event settings" withBorder p="md" radius="md">
        <EventForm
          key={event.updatedAt}
          mode="update"
          submitLabel="Save"
          pending={update.isPending}
          initialValues={{
            title: event.title,
            description: event.description,
            startAt: event.startLocal,
            endAt: event.endLocal,
            timeZone: event.timeZone,
            roomId: event.roomId,
            locationText: event.locationText,
            defaultContributionMinutes: event.defaultContributionMinutes,
            timetablePublished: event.timetablePublished,
          }}
          onSubmit={async (input) => {
            await update.mutateAsync(input);
            notify("The event was saved.");
          }}
        />
      </Paper>
      <Managers eventId={event.id} />
    </Page>
  );
}
