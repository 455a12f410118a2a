import { ActionIcon, Fieldset, Group, List, Modal, Radio, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { SessionProtection, SessionVisibility } from "../../../../shared/schemas/conference-sessions";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { QueryStatus } from "../../../components/query-status";
import { ApiError } from "../../../lib/api-client";
import { sessionProtectionQuery, useUpdateSessionProtection } from "../protection-api";
import { type ListName, listErrors, namedIn, type Person, personLabel, removeEmail } from "../protection-lists";
import { BinIcon } from "./icons";
import { PersonPicker } from "./person-picker";

/** The shield of the Sessions page's rows (decorative: the button around it carries the name). */
export function ShieldIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable={false}
      aria-hidden="true"
    >
      <path d="M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6l8-3z" />
    </svg>
  );
}

const VISIBILITY: { value: SessionVisibility; label: string; help: string }[] = [
  { value: "public", label: "Public", help: "Everyone may see the session, even while the event is protected." },
  {
    value: "inheriting",
    label: "Inheriting (as the event)",
    help: "Whoever may see the event may see the session. The default.",
  },
  {
    value: "protected",
    label: "Protected",
    help: "Only the people listed below, the session's managers and coordinators, and the event's managers.",
  },
];

interface ListCopy {
  legend: string;
  help: string;
  /** Names the field and the buttons: "manager" gives "Email of a new manager", "Add manager". */
  singular: string;
}

const LISTS: Record<ListName, ListCopy> = {
  managers: {
    legend: "Managers",
    help: "Full management rights: everything about the session, its details, blocks, contributions, material and this protection.",
    singular: "manager",
  },
  coordinators: {
    legend: "Coordinators",
    help: "Coordination rights: they see the session, schedule its contributions into its blocks and add breaks. The event's Session coordinator rights may allow more.",
    singular: "coordinator",
  },
  accessList: {
    legend: "Who may see it while protected",
    help: "Besides its managers and coordinators and the event's managers.",
    singular: "person who may see it",
  },
};

/**
 * One of the shield's lists: the people in it (name and email, each removable) and a search to add one, which
 * takes only people with an account, so Save never meets an unknown email (issue 13).
 */
function PeopleList({
  eventId,
  sessionId,
  name,
  people,
  saved,
  serverError,
  onChange,
}: {
  eventId: string;
  sessionId: string;
  name: ListName;
  people: Person[];
  /** The emails the server already has in this list (the others are added but not saved yet). */
  saved: ReadonlySet<string>;
  serverError: string | undefined;
  onChange: (people: Person[]) => void;
}) {
  const copy = LISTS[name];
  const helpId = useId();
  const fieldError = serverError ? `${copy.legend}: ${serverError}` : undefined;
  return (
    <Fieldset legend={copy.legend} variant="unstyled" aria-describedby={helpId}>
      <Stack gap="xs">
        <Text id={helpId} size="sm" c="dimmed">
          {copy.help}
        </Text>
        {people.length === 0 ? (
          <Text size="sm">Nobody yet.</Text>
        ) : (
          <List listStyleType="none" p={0} spacing={4} aria-label={copy.legend}>
            {people.map((p) => {
              const refused = namedIn(serverError, p.email);
              return (
                <List.Item key={p.email}>
                  <Group gap="xs" wrap="nowrap">
                    <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                      {p.name && (
                        <Text size="sm" fw={600}>
                          {p.name}
                        </Text>
                      )}
                      <Text size="sm" c={p.name ? "dimmed" : undefined} style={{ overflowWrap: "anywhere" }}>
                        {p.email}
                      </Text>
                      {refused ? (
                        <Text size="xs" c="red.9">
                          No active account uses this email
                        </Text>
                      ) : (
                        !saved.has(p.email) && (
                          <Text size="xs" c="dimmed">
                            Added: saved with Save
                          </Text>
                        )
                      )}
                    </Stack>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${personLabel(p)} from ${copy.legend}`}
                      onClick={() => onChange(removeEmail(people, p.email))}
                    >
                      <BinIcon />
                    </ActionIcon>
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
        <PersonPicker
          eventId={eventId}
          sessionId={sessionId}
          singular={copy.singular}
          taken={new Set(people.map((p) => p.email))}
          error={fieldError}
          onPick={(p) => onChange([...people, { email: p.email, name: p.name }])}
        />
      </Stack>
    </Fieldset>
  );
}

const toPeople = (list: SessionProtection["managers"]): Person[] => list.map((p) => ({ email: p.email, name: p.name }));

function ProtectionForm({
  eventId,
  title,
  protection,
  onDone,
}: {
  eventId: string;
  title: string;
  protection: SessionProtection;
  onDone: () => void;
}) {
  const save = useUpdateSessionProtection(eventId, protection.sessionId);
  const [visibility, setVisibility] = useState<SessionVisibility>(protection.visibility);
  const [lists, setLists] = useState<Record<ListName, Person[]>>({
    managers: toPeople(protection.managers),
    coordinators: toPeople(protection.coordinators),
    accessList: toPeople(protection.accessList),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ListName, string>>>({});
  const saved = (name: ListName) => new Set(protection[name].map((p) => p.email));

  const change = (name: ListName) => (people: Person[]) => {
    setLists((l) => ({ ...l, [name]: people }));
    setFieldErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setFieldErrors({});
    const emails = (name: ListName) => lists[name].map((p) => p.email);
    save.mutate(
      {
        visibility,
        managers: emails("managers"),
        coordinators: emails("coordinators"),
        accessList: emails("accessList"),
      },
      {
        onSuccess: () => {
          notify(`Protection of “${title}” was saved.`);
          onDone();
        },
        onError: (err) => {
          setFailure(err instanceof ApiError ? err.message : "Something went wrong. Please try again.");
          if (err instanceof ApiError) setFieldErrors(listErrors(err.fields));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Protection of ${title}`}>
      <Stack gap="lg">
        <FormError>{failure}</FormError>
        <Text size="sm">
          Event managers always manage every session. Find people by their name or email (only people with an account);
          nothing changes until you Save, and then each new manager or coordinator is told by email.
        </Text>
        <Radio.Group
          label="Visibility"
          description="Who may see the session, its blocks and contributions"
          value={visibility}
          onChange={(v) => setVisibility(v as SessionVisibility)}
        >
          <Stack gap="xs" mt="xs">
            {VISIBILITY.map((v) => (
              <Radio key={v.value} value={v.value} label={v.label} description={v.help} />
            ))}
          </Stack>
        </Radio.Group>
        <PeopleList
          eventId={eventId}
          sessionId={protection.sessionId}
          name="managers"
          people={lists.managers}
          saved={saved("managers")}
          serverError={fieldErrors.managers}
          onChange={change("managers")}
        />
        <PeopleList
          eventId={eventId}
          sessionId={protection.sessionId}
          name="coordinators"
          people={lists.coordinators}
          saved={saved("coordinators")}
          serverError={fieldErrors.coordinators}
          onChange={change("coordinators")}
        />
        {visibility === "protected" && (
          <PeopleList
            eventId={eventId}
            sessionId={protection.sessionId}
            name="accessList"
            people={lists.accessList}
            saved={saved("accessList")}
            serverError={fieldErrors.accessList}
            onChange={change("accessList")}
          />
        )}
        <FormButtons onCancel={onDone} pending={save.isPending} />
      </Stack>
    </form>
  );
}

/**
 * The shield of a session (the seed: "click on the shield icon"): who else may manage it, with full management
 * rights or only Coordination rights, and who may see it. Saved as a whole with Save.
 */
export function ProtectionDialog({
  eventId,
  session,
  onClose,
}: {
  eventId: string;
  /** The session whose shield is open, or null when closed. */
  session: { id: string; title: string } | null;
  onClose: () => void;
}) {
  const protection = useQuery({
    ...sessionProtectionQuery(eventId, session?.id ?? ""),
    enabled: session !== null,
  });
  return (
    <Modal
      opened={session !== null}
      onClose={onClose}
      title={session ? `Protection of “${session.title}”` : "Protection"}
      size="lg"
    >
      {session && (
        <QueryStatus query={protection} label="Loading the protection">
          {(p) => (
            <ProtectionForm key={p.sessionId} eventId={eventId} title={session.title} protection={p} onDone={onClose} />
          )}
        </QueryStatus>
      )}
    </Modal>
  );
}
