import { Box, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import {
  AddParticipantInput,
  type CommunitySession,
  type MoveInput,
  type Participant,
  type ParticipantStatus,
  type Role,
} from "../../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../../components/confirm-dialog";
import { ErrorAlert } from "../../../../components/error-alert";
import { FormButtons } from "../../../../components/form-buttons";
import { FormError } from "../../../../components/form-error";
import { notify } from "../../../../components/notify";
import { QueryStatus } from "../../../../components/query-status";
import { ApiError } from "../../../../lib/api-client";
import { useSchemaForm } from "../../../../lib/form";
import { meQuery } from "../../../../lib/me";
import { PARTICIPANT_STATUS_LABEL, PARTICIPANT_STATUSES, ROLE_LABEL, ROLE_ORDER, ROLE_PLURAL } from "../../labels";
import {
  participantsQuery,
  useAddParticipant,
  useMoveParticipant,
  useRemoveParticipant,
  useUpdateParticipant,
} from "../api";
import { ChangeMenu } from "./change-menu";
import { RegistrationState } from "./registration-state";
import { Waitlists } from "./waitlists";

const displayName = (p: Participant) => p.name ?? p.email;

const ROLE_OPTIONS = ROLE_ORDER.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

type Direction = MoveInput["direction"];

interface RowActions {
  changeRole(p: Participant, role: Role): void;
  changeStatus(p: Participant, status: ParticipantStatus): void;
  move(p: Participant, direction: Direction): void;
  editTalk(p: Participant): void;
  remove(p: Participant): void;
  moveButton(p: Participant, direction: Direction): (el: HTMLButtonElement | null) => void;
  isBusy(p: Participant): boolean;
}

function ParticipantRow({
  p,
  actions,
  first,
  last,
}: {
  p: Participant;
  actions: RowActions;
  /** Presenters only: first and last in the presentation order. */
  first?: boolean;
  last?: boolean;
}) {
  const name = displayName(p);
  const isPresenter = p.role === "presenter" && p.status !== "cancelled";
  const busy = actions.isBusy(p);
  return (
    <Paper component="li" withBorder px="sm" py="xs" radius="md" data-testid={`participant-${p.email}`}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Box style={{ flex: "1 1 220px", minWidth: 0 }}>
          <Text fw={600}>
            {isPresenter && p.presenterOrder !== null ? `${p.presenterOrder}. ` : ""}
            {name}
          </Text>
          {p.name && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {p.email}
            </Text>
          )}
          {p.role === "presenter" && (
            <Group gap={6} wrap="wrap">
              <Text size="sm">
                <Text span fw={600} inherit>
                  Talk:{" "}
                </Text>
                {p.talkTitle ?? "no title yet"}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`Edit talk of ${name}`}
                onClick={() => actions.editTalk(p)}
              >
                Edit talk
              </Button>
            </Group>
          )}
          {p.role === "guest" && (p.topics || p.questions) && (
            <Text size="sm" c="dimmed">
              {p.topics && `Topics: ${p.topics}`}
              {p.topics && p.questions && " · "}
              {p.questions && `Questions: ${p.questions}`}
            </Text>
          )}
        </Box>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <ChangeMenu
            label="Role"
            of={name}
            value={p.role}
            options={ROLE_ORDER}
            labels={ROLE_LABEL}
            disabled={busy}
            onChoose={(role) => actions.changeRole(p, role)}
          />
          <ChangeMenu
            label="Status"
            of={name}
            value={p.status}
            options={PARTICIPANT_STATUSES}
            labels={PARTICIPANT_STATUS_LABEL}
            disabled={busy}
            onChoose={(status) => actions.changeStatus(p, status)}
          />
          {isPresenter && (
            <>
              <Button
                ref={actions.moveButton(p, "up")}
                size="xs"
                px={10}
                variant="default"
                aria-label={`Move ${name} up`}
                disabled={first || busy}
                onClick={() => actions.move(p, "up")}
              >
                <span aria-hidden>↑</span>
              </Button>
              <Button
                ref={actions.moveButton(p, "down")}
                size="xs"
                px={10}
                variant="default"
                aria-label={`Move ${name} down`}
                disabled={last || busy}
                onClick={() => actions.move(p, "down")}
              >
                <span aria-hidden>↓</span>
              </Button>
            </>
          )}
          {p.status !== "cancelled" && (
            <Button
              size="xs"
              variant="outline"
              color="red"
              aria-label={`Remove ${name}`}
              onClick={() => actions.remove(p)}
            >
              Remove
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function RosterGroup({
  title,
  count,
  empty,
  children,
}: {
  title: string;
  count?: string;
  empty: string;
  children: ReactNode[];
}) {
  const id = `group-${title.toLowerCase()}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
        {count && (
          <Text span c="dimmed" inherit fw={400}>
            {" "}
            {count}
          </Text>
        )}
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {children}
        </Stack>
      )}
    </Stack>
  );
}

function AddParticipant({ session }: { session: CommunitySession }) {
  const add = useAddParticipant(session.id);
  // Members managing their own session invite instead: the server answers the same whether or not the address
  // has an account, and registers nobody for them.
  const invitesOnly = useQuery(meQuery()).data?.isAdmin !== true;
  const form = useSchemaForm({
    schema: AddParticipantInput,
    initialValues: { email: "", role: "guest" as Role, talkTitle: "" as string | null },
    labels: { email: "Email", role: "Role", talkTitle: "Talk title" },
  });
  const submit = form.handleSubmit((input) => {
    add.mutate(
      { ...input, talkTitle: input.role === "presenter" && !invitesOnly ? input.talkTitle : undefined },
      {
        onSuccess: (res) => {
          if ("invited" in res) {
            notify(`If ${input.email} belongs to a member, they were emailed an invitation to register.`);
          } else {
            notify(`${displayName(res)} was added as ${ROLE_LABEL[res.role]}. A confirmation email is on its way.`);
          }
          form.reset();
        },
        onError: (err) => form.showError(err),
      },
    );
  });
  return (
    <Paper component="section" aria-labelledby="add-participant-heading" withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-participant-heading">
            {invitesOnly ? "Invite by email" : "Add participant"}
          </Title>
          <Text size="sm" c="dimmed">
            {invitesOnly
              ? "A member with an account gets an email inviting them to register in this role; nobody else is emailed."
              : "They get the confirmation email. Someone without an account is invited to create one."}
          </Text>
          <FormError>{form.formError}</FormError>
          <Group align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              label="Email"
              type="email"
              autoComplete="off"
              required
              {...form.textField("email")}
              miw={240}
              style={{ flex: 1 }}
            />
            <NativeSelect label="Role" data={ROLE_OPTIONS} {...form.textField("role")} w={160} />
            {form.values.role === "presenter" && !invitesOnly && (
              <TextInput label="Talk title" {...form.textField("talkTitle")} miw={240} style={{ flex: 1 }} />
            )}
          </Group>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {invitesOnly ? "Send invitation" : "Add participant"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TalkEditor({
  sessionId,
  participant,
  onClose,
}: {
  sessionId: string;
  participant: Participant | null;
  onClose: () => void;
}) {
  const update = useUpdateParticipant(sessionId);
  const [title, setTitle] = useState(participant?.talkTitle ?? "");
  const [description, setDescription] = useState(participant?.talkDescription ?? "");
  if (!participant) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { participantId: participant.id, change: { talkTitle: title, talkDescription: description } },
      { onSuccess: onClose },
    );
  };
  const fields = update.error instanceof ApiError ? update.error.fields : {};
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <TextInput
          label="Talk title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fields.talkTitle && `Talk title ${fields.talkTitle}`}
          data-autofocus
        />
        <Textarea
          label="Talk description"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fields.talkDescription && `Talk description ${fields.talkDescription}`}
          autosize
          minRows={3}
        />
        <ErrorAlert>{Object.keys(fields).length === 0 && update.error?.message}</ErrorAlert>
        <FormButtons onCancel={onClose} pending={update.isPending} submitLabel="Save talk" />
      </Stack>
    </form>
  );
}

/**
 * The Participants tab (community.md, Session editor; microtalks.md §3.6): the roster grouped Host, Presenters
 * in presentation order, Interviewer, Guests, then Cancelled. Role changes email the person; status changes
 * are record-keeping only; presenters move up and down; Remove asks first; the waitlists follow. Every change
 * refreshes the session and the lists, the member pages' included (a freed place may go to the first in line).
 */
export function ParticipantsTab({ session }: { session: CommunitySession }) {
  const list = useQuery(participantsQuery(session.id));
  const update = useUpdateParticipant(session.id);
  const move = useMoveParticipant(session.id);
  const removal = useRemoveParticipant(session.id);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<Participant | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [cancelling, setCancelling] = useState<Participant | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [refocus, setRefocus] = useState<string | null>(null);

  // After a move, once the row has re-rendered and its button is enabled again.
  useEffect(() => {
    const el = refocus ? buttons.current.get(refocus) : undefined;
    if (el && !el.disabled) {
      el.focus();
      setRefocus(null);
    }
  });

  const refused = (what: string, p: Participant) => (err: Error) =>
    setFailure(`Could not ${what} for ${displayName(p)}: ${err.message}`);

  const actions: RowActions = {
    changeRole: (p, role) => {
      setFailure(null);
      update.mutate(
        { participantId: p.id, change: { role } },
        {
          onSuccess: () => notify(`${displayName(p)} is now ${ROLE_LABEL[role]}. They were emailed.`),
          onError: refused("change the role", p),
        },
      );
    },
    changeStatus: (p, status) => {
      setFailure(null);
      // Cancelled frees the place and emails them, as Remove does: asked first (issue 13, 2).
      if (status === "cancelled") {
        setCancelling(p);
        return;
      }
      const back = p.status === "cancelled";
      update.mutate(
        { participantId: p.id, change: { status } },
        {
          onSuccess: () =>
            notify(
              back
                ? `${displayName(p)} is ${PARTICIPANT_STATUS_LABEL[status]} again, and was emailed.`
                : `${displayName(p)} is now ${PARTICIPANT_STATUS_LABEL[status]}.`,
            ),
          onError: refused("change the status", p),
        },
      );
    },
    move: (p, direction) => {
      setFailure(null);
      move.mutate(
        { participantId: p.id, direction },
        {
          // Keep the keyboard where it was: on the moved presenter's button (or its other one at an end).
          onSuccess: (res) => {
            const presenters = res.participants.filter((x) => x.role === "presenter" && x.status !== "cancelled");
            const at = presenters.findIndex((x) => x.id === p.id);
            const edge = direction === "up" ? at === 0 : at === presenters.length - 1;
            setRefocus(`${p.id}:${edge ? (direction === "up" ? "down" : "up") : direction}`);
          },
          onError: refused("move the presenter", p),
        },
      );
    },
    editTalk: (p) => setEditing(p),
    remove: (p) => setRemoving(p),
    moveButton: (p, direction) => (el) => {
      const key = `${p.id}:${direction}`;
      if (el) buttons.current.set(key, el);
      else buttons.current.delete(key);
    },
    isBusy: (p) =>
      (update.isPending && update.variables?.participantId === p.id) ||
      (move.isPending && move.variables?.participantId === p.id),
  };

  return (
    <Stack gap="lg">
      <RegistrationState session={session} />
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
      <QueryStatus query={list} label="Loading participants">
        {(data) => {
          const active = data.participants.filter((p) => p.status !== "cancelled");
          const cancelled = data.participants.filter((p) => p.status === "cancelled");
          const of = (role: Role) => active.filter((p) => p.role === role);
          const presenters = of("presenter");
          // A place held for someone from the waitlist is not free: say so beside the count.
          const slots = (role: Role) => {
            const { taken, capacity, offered } = session.slots[role];
            return `${taken}/${capacity}${offered > 0 ? `, ${offered} offered` : ""}`;
          };
          const row = (p: Participant, i?: number, all?: Participant[]) => (
            <ParticipantRow
              key={p.id}
              p={p}
              actions={actions}
              first={i === 0}
              last={all !== undefined && i === all.length - 1}
            />
          );
          return (
            <>
              <RosterGroup title={ROLE_PLURAL.host} count={slots("host")} empty="No host yet.">
                {of("host").map((p) => row(p))}
              </RosterGroup>
              <RosterGroup title={ROLE_PLURAL.presenter} count={slots("presenter")} empty="No presenters yet.">
                {presenters.map(row)}
              </RosterGroup>
              {(session.hasInterviewer || of("interviewer").length > 0) && (
                <RosterGroup title={ROLE_PLURAL.interviewer} count={slots("interviewer")} empty="No interviewer yet.">
                  {of("interviewer").map((p) => row(p))}
                </RosterGroup>
              )}
              <RosterGroup title={ROLE_PLURAL.guest} count={slots("guest")} empty="No guests yet.">
                {of("guest").map((p) => row(p))}
              </RosterGroup>
              {cancelled.length > 0 && (
                <RosterGroup title="Cancelled" empty="">
                  {cancelled.map((p) => row(p))}
                </RosterGroup>
              )}
            </>
          );
        }}
      </QueryStatus>
      <Waitlists sessionId={session.id} />
      <AddParticipant session={session} />

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Talk of ${displayName(editing)}` : "Talk"}
      >
        {editing && (
          <TalkEditor key={editing.id} sessionId={session.id} participant={editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? `Remove ${displayName(removing)}?` : "Remove"}
        keepLabel="Keep them"
        confirmLabel="Remove"
        pending={removal.isPending}
        onConfirm={() => {
          const p = removing;
          if (!p) return;
          setFailure(null);
          removal.mutate(p.id, {
            onSuccess: () => {
              setRemoving(null);
              notify(`${displayName(p)} was removed and emailed.`);
            },
            onError: (err) => {
              setRemoving(null);
              refused("remove the registration", p)(err);
            },
          });
        }}
      >
        <Text>
          They are emailed that their registration is cancelled, and their slot frees up. The registration stays listed
          under Cancelled.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={cancelling ? `Cancel the registration of ${displayName(cancelling)}?` : "Cancel the registration"}
        keepLabel="Keep it"
        confirmLabel="Cancel registration"
        pending={update.isPending}
        onConfirm={() => {
          const p = cancelling;
          if (!p) return;
          update.mutate(
            { participantId: p.id, change: { status: "cancelled" } },
            {
              onSuccess: () => {
                setCancelling(null);
                notify(`The registration of ${displayName(p)} is cancelled. They were emailed.`);
              },
              onError: (err) => {
                setCancelling(null);
                refused("change the status", p)(err);
              },
            },
          );
        }}
      >
        <Text>
          They are emailed that their registration is cancelled, with a calendar cancellation, and their slot frees up.
          The registration stays listed under Cancelled.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
