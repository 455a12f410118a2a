import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ordinal } from "../../../../../shared/labels";
import type { Role, WaitlistEntry } from "../../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../../components/confirm-dialog";
import { ErrorAlert } from "../../../../components/error-alert";
import { notify } from "../../../../components/notify";
import { QueryStatus } from "../../../../components/query-status";
import { Time } from "../../../../components/time";
import { ROLE_LABEL, ROLE_ORDER } from "../../labels";
import {
  useMoveWaitlistEntry,
  useOfferPlace,
  useRegisterFromWaitlist,
  useRemoveFromWaitlist,
  waitlistQuery,
} from "../api";

type Direction = "up" | "down";

const displayName = (e: WaitlistEntry) => e.name ?? e.email;

interface EntryActions {
  move(e: WaitlistEntry, direction: Direction): void;
  offer(e: WaitlistEntry): void;
  register(e: WaitlistEntry): void;
  remove(e: WaitlistEntry): void;
  moveButton(e: WaitlistEntry, direction: Direction): (el: HTMLButtonElement | null) => void;
  isBusy(e: WaitlistEntry): boolean;
}

function EntryRow({
  e,
  actions,
  first,
  last,
}: {
  e: WaitlistEntry;
  actions: EntryActions;
  /** Among those still waiting: the first and last in line. */
  first: boolean;
  last: boolean;
}) {
  const name = displayName(e);
  const waiting = e.status === "waiting";
  const busy = actions.isBusy(e);
  return (
    <Paper component="li" withBorder px="sm" py="xs" radius="md" data-testid={`waitlist-${e.email}`}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Box style={{ flex: "1 1 220px", minWidth: 0 }}>
          <Text size="sm" fw={600} c={waiting ? "dimmed" : undefined} data-testid="waitlist-place">
            {waiting ? (
              `${ordinal(e.position ?? 1)} in line`
            ) : (
              <>Offered until {e.offerExpiresAt ? <Time at={e.offerExpiresAt} /> : "they answer"}</>
            )}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text fw={600}>{name}</Text>
            {e.probation && (
              <Badge variant="light" color="orange">
                no-show rule
              </Badge>
            )}
          </Group>
          {e.name && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {e.email}
            </Text>
          )}
          {e.role === "presenter" && (
            <Text size="sm">
              <Text span fw={600} inherit>
                Talk:{" "}
              </Text>
              {e.talkTitle ?? "no title yet"}
            </Text>
          )}
        </Box>
        <Group gap="xs" wrap="wrap" align="flex-end">
          {waiting && (
            <>
              <Button
                ref={actions.moveButton(e, "up")}
                size="xs"
                px={10}
                variant="default"
                aria-label={`Move ${name} up`}
                disabled={first || busy}
                onClick={() => actions.move(e, "up")}
              >
                <span aria-hidden>↑</span>
              </Button>
              <Button
                ref={actions.moveButton(e, "down")}
                size="xs"
                px={10}
                variant="default"
                aria-label={`Move ${name} down`}
                disabled={last || busy}
                onClick={() => actions.move(e, "down")}
              >
                <span aria-hidden>↓</span>
              </Button>
              <Button
                size="xs"
                variant="light"
                aria-label={`Offer a place to ${name}`}
                disabled={busy}
                onClick={() => actions.offer(e)}
              >
                Offer a place
              </Button>
            </>
          )}
          <Button
            size="xs"
            variant="default"
            aria-label={`Register ${name} now`}
            disabled={busy}
            onClick={() => actions.register(e)}
          >
            Register
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red"
            aria-label={`Remove ${name} from the waitlist`}
            disabled={busy}
            onClick={() => actions.remove(e)}
          >
            Remove
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function RoleLine({ role, entries, actions }: { role: Role; entries: WaitlistEntry[]; actions: EntryActions }) {
  const id = `waitlist-${role}`;
  const waiting = entries.filter((e) => e.status === "waiting");
  const offered = entries.length - waiting.length;
  const count = [waiting.length > 0 && `${waiting.length} waiting`, offered > 0 && `${offered} offered`]
    .filter(Boolean)
    .join(", ");
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={4} size="h5" id={id}>
        {ROLE_LABEL[role]}
        <Text span c="dimmed" inherit fw={400}>
          {" "}
          {count}
        </Text>
      </Title>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {entries.map((e) => (
          <EntryRow
            key={e.id}
            e={e}
            actions={actions}
            first={e.id === waiting[0]?.id}
            last={e.id === waiting[waiting.length - 1]?.id}
          />
        ))}
      </Stack>
    </Stack>
  );
}

/**
 * The session's waitlists under its participants (issue #15, 3): each role's line, offers first, then in order.
 * The organiser reorders it, offers someone a place (to the front: now if one is free), registers someone at
 * once when their role has a place, or takes them off (asked first: they are emailed). A participant change
 * above may offer a freed place: the lines refresh with the participants.
 */
export function Waitlists({ sessionId }: { sessionId: string }) {
  const list = useQuery(waitlistQuery(sessionId));
  const move = useMoveWaitlistEntry(sessionId);
  const offer = useOfferPlace(sessionId);
  const register = useRegisterFromWaitlist(sessionId);
  const removal = useRemoveFromWaitlist(sessionId);
  const [failure, setFailure] = useState<string | null>(null);
  const [removing, setRemoving] = useState<WaitlistEntry | null>(null);
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

  const refused = (what: string, e: WaitlistEntry) => (err: Error) =>
    setFailure(`Could not ${what} ${displayName(e)}: ${err.message}`);

  const actions: EntryActions = {
    move: (e, direction) => {
      setFailure(null);
      move.mutate(
        { entryId: e.id, direction },
        {
          // Keep the keyboard on the moved person's button (or its other one at an end of the line).
          onSuccess: (res) => {
            const line = res.entries.filter((x) => x.role === e.role && x.status === "waiting");
            const at = line.findIndex((x) => x.id === e.id);
            const edge = direction === "up" ? at === 0 : at === line.length - 1;
            setRefocus(`${e.id}:${edge ? (direction === "up" ? "down" : "up") : direction}`);
          },
          onError: refused("move", e),
        },
      );
    },
    offer: (e) => {
      setFailure(null);
      offer.mutate(e.id, {
        onSuccess: (res) =>
          notify(
            res.status === "offered"
              ? `Offered to ${displayName(e)}. They were emailed.`
              : res.status === "registered"
                ? `${displayName(e)} is registered as ${ROLE_LABEL[e.role]}. They were emailed.`
                : `${displayName(e)} is first in line for the next place.`,
          ),
        onError: refused("offer a place to", e),
      });
    },
    register: (e) => {
      setFailure(null);
      register.mutate(e.id, {
        onSuccess: () => notify(`${displayName(e)} is registered as ${ROLE_LABEL[e.role]}. They were emailed.`),
        onError: refused("register", e),
      });
    },
    remove: (e) => setRemoving(e),
    moveButton: (e, direction) => (el) => {
      const key = `${e.id}:${direction}`;
      if (el) buttons.current.set(key, el);
      else buttons.current.delete(key);
    },
    isBusy: (e) =>
      (move.isPending && move.variables?.entryId === e.id) ||
      (offer.isPending && offer.variables === e.id) ||
      (register.isPending && register.variables === e.id),
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="waitlists-heading">
      <Title order={3} size="h4" id="waitlists-heading">
        Waitlists
      </Title>
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
      <QueryStatus query={list} label="Loading the waitlists">
        {(data) => {
          const roles = ROLE_ORDER.filter((r) => data.entries.some((e) => e.role === r));
          if (roles.length === 0)
            return (
              <Text size="sm" c="dimmed">
                Nobody is waiting for a place.
              </Text>
            );
          return roles.map((role) => (
            <RoleLine
              key={role}
              role={role}
              // The server's order: offers first, then the line.
              entries={data.entries.filter((e) => e.role === role)}
              actions={actions}
            />
          ));
        }}
      </QueryStatus>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? `Remove ${displayName(removing)} from the waitlist?` : "Remove from the waitlist"}
        keepLabel="Keep them"
        confirmLabel="Remove"
        pending={removal.isPending}
        onConfirm={() => {
          const e = removing;
          if (!e) return;
          setFailure(null);
          removal.mutate(e.id, {
            onSuccess: () => {
              setRemoving(null);
              notify(`${displayName(e)} was taken off the waitlist and emailed.`);
            },
            onError: (err) => {
              setRemoving(null);
              refused("remove", e)(err);
            },
          });
        }}
      >
        <Text>
          {removing &&
            `They are emailed that they are no longer on the ${ROLE_LABEL[removing.role]} waitlist.${
              removing.status === "offered" ? " The place offered to them goes to the next in line." : ""
            }`}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
