import { ActionIcon, Group, List, Stack, Switch, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { CoordinatorRights, EventProtection } from "../../../../shared/schemas/conference-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Section } from "../../../components/section";
import { ApiError } from "../../../lib/api-client";
import { BinIcon } from "../components/icons";
import { PersonPicker } from "../components/person-picker";
import { eventProtectionQuery, useUpdateEventProtection } from "../protection-api";
import { listErrors, personLabel, removeEmail } from "../protection-lists";
import { useManagedEvent } from "./manage-layout";

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong. Please try again.");

/**
 * The event's managers: found by name or email among the accounts and added at once, removed with the bin (one
 * list replaces all).
 */
function Managers({ eventId, protection }: { eventId: string; protection: EventProtection }) {
  const update = useUpdateEventProtection(eventId);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const people = protection.managers.map((m) => ({ email: m.email, name: m.name }));

  const save = (emails: string[], done: string) => {
    setFailure(null);
    setFieldError(undefined);
    update.mutate(
      { managers: emails },
      {
        onSuccess: () => notify(done),
        onError: (err) => {
          setFailure(messageOf(err));
          const named = err instanceof ApiError ? listErrors(err.fields).managers : undefined;
          if (named) setFieldError(named);
        },
      },
    );
  };

  return (
    <Section gap="sm" title="Managers">
      <Text size="sm" c="dimmed">
        Event managers manage everything in the event: settings, every session and its protection, the timetable and
        contributions. Admins always may. Each one added is told by email.
      </Text>
      {people.length === 0 ? (
        <Text size="sm">No managers besides the admins.</Text>
      ) : (
        <List listStyleType="none" p={0} spacing={4} aria-label="Managers">
          {people.map((p) => (
            <List.Item key={p.email}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {personLabel(p)}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${p.name ?? p.email} as manager`}
                  disabled={update.isPending}
                  onClick={() =>
                    save(
                      removeEmail(people, p.email).map((q) => q.email),
                      `${p.email} no longer manages this event.`,
                    )
                  }
                >
                  <BinIcon />
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <ErrorAlert>{failure}</ErrorAlert>
      <PersonPicker
        eventId={eventId}
        sessionId={null}
        singular="manager"
        taken={new Set(people.map((p) => p.email))}
        error={fieldError}
        pending={update.isPending}
        onPick={(p) => save([...people.map((q) => q.email), p.email], `${personLabel(p)} now manages this event.`)}
      />
    </Section>
  );
}

const RIGHTS: { key: keyof CoordinatorRights; label: string; description: string; on: string; off: string }[] = [
  {
    key: "contributions",
    label: "Contributions",
    description: "Coordinators may modify the contributions of their sessions.",
    on: "Coordinators may now modify the contributions of their sessions.",
    off: "Coordinators may no longer modify the contributions of their sessions.",
  },
  {
    key: "blocks",
    label: "Session blocks",
    description:
      "Coordinators may create, move, resize and delete the blocks of their sessions. They still cannot grow a block beyond what they may manage.",
    on: "Coordinators may now manage the blocks of their sessions.",
    off: "Coordinators may no longer manage the blocks of their sessions.",
  },
];

/** One right: switched, it is saved at once and confirmed, or the server's refusal is shown under it. */
function RightSwitch({ eventId, right, value }: { eventId: string; right: (typeof RIGHTS)[number]; value: boolean }) {
  const update = useUpdateEventProtection(eventId);
  const [failure, setFailure] = useState<string | null>(null);
  const pending = update.isPending ? update.variables.coordinatorRights?.[right.key] : undefined;
  return (
    <Stack gap={4}>
      <Switch
        label={right.label}
        description={right.description}
        checked={pending ?? value}
        disabled={update.isPending}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          setFailure(null);
          update.mutate(
            { coordinatorRights: { [right.key]: next } },
            {
              onSuccess: () => notify(next ? right.on : right.off),
              onError: (err) => setFailure(`Could not change ${right.label}: ${messageOf(err)}`),
            },
          );
        }}
      />
      <ErrorAlert>{failure}</ErrorAlert>
    </Stack>
  );
}

function CoordinatorRightsSection({ eventId, rights }: { eventId: string; rights: CoordinatorRights }) {
  return (
    <Section gap="sm" title="Session coordinator rights">
      <Text size="sm" c="dimmed">
        Session coordinators (given on a session's shield, on the Sessions page) may always see their sessions, schedule
        their contributions into their blocks and add breaks. These add more, for every session of the event; both are
        off until you switch them on. Each switch applies at once.
      </Text>
      {RIGHTS.map((r) => (
        <RightSwitch key={r.key} eventId={eventId} right={r} value={rights[r.key]} />
      ))}
    </Section>
  );
}

/** The event's Protection page (conferences.md, Protection): its managers and the Session coordinator rights. */
export function ProtectionPage() {
  const event = useManagedEvent();
  const protection = useQuery(eventProtectionQuery(event.id));
  return (
    <Page title="Protection" width={900}>
      <QueryStatus query={protection} label="Loading the protection">
        {(p) => (
          <>
            <Managers eventId={event.id} protection={p} />
            <CoordinatorRightsSection eventId={event.id} rights={p.coordinatorRights} />
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
