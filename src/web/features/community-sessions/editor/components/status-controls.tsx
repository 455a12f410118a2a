import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type {
  CommunitySession,
  ReopenParticipants,
  StatusAction,
} from "../../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../../components/confirm-dialog";
import { ErrorAlert } from "../../../../components/error-alert";
import { StatusBadge } from "../../components/status-badge";
import { STATUS_ACTION_LABEL } from "../../labels";
import { useChangeStatus } from "../api";
import { ReopenDialog } from "./reopen-dialog";

/** Everyone holding a slot now: who a cancellation emails. */
export function activeCount(session: CommunitySession): number {
  const { host, presenter, interviewer, guest } = session.slots;
  return host.taken + presenter.taken + interviewer.taken + guest.taken;
}

/**
 * The status and the buttons the server allows (community.md, Status lifecycle), applied at once. Unsaved
 * edits are saved first (`beforeChange`), so the status never jumps ahead of the details it depends on.
 * Cancel asks first: it emails every active participant.
 */
export function StatusControls({
  session,
  beforeChange,
  onRefused,
}: {
  session: CommunitySession;
  beforeChange: () => Promise<void>;
  onRefused: (err: unknown) => void;
}) {
  const change = useChangeStatus(session.id);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmReopen, setConfirmReopen] = useState(false);
  const [busy, setBusy] = useState(false);
  const people = activeCount(session);

  const apply = async (action: StatusAction, participants?: ReopenParticipants) => {
    setFailure(null);
    setBusy(true);
    try {
      await beforeChange();
      await change.mutateAsync({ action, participants });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : "The status could not be changed.");
      onRefused(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap" align="center">
        <Text fw={600} component="span">
          Status
        </Text>
        <StatusBadge status={session.shownStatus} />
        {session.abilities.statusActions.map((action) => (
          <Button
            key={action}
            size="compact-sm"
            variant={action === "cancel" ? "outline" : action === "open" || action === "reopen" ? "filled" : "default"}
            color={action === "cancel" ? "red" : undefined}
            loading={busy && change.variables?.action === action}
            disabled={busy}
            onClick={() => {
              if (action === "cancel") setConfirmCancel(true);
              // Its participants were told it is off: the organiser says what becomes of them (issue 13, 1).
              else if (action === "reopen" && session.status === "cancelled" && people > 0) setConfirmReopen(true);
              else void apply(action);
            }}
          >
            {STATUS_ACTION_LABEL[action]}
          </Button>
        ))}
      </Group>
      {/* Why a status button is missing (issue 13, 3): the server's rule, lifecycle.ts statusChoices. */}
      {session.abilities.statusNote ? (
        <Text size="sm" c="dimmed" data-testid="status-note">
          {session.abilities.statusNote}
        </Text>
      ) : (
        session.status === "draft" && (
          <Text size="sm" c="dimmed">
            Members cannot see a Draft. Open it once it has a Date & Time and a Meeting URL.
          </Text>
        )
      )}
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
      <ReopenDialog
        session={session}
        opened={confirmReopen}
        onClose={() => setConfirmReopen(false)}
        onReopen={(participants) => void apply("reopen", participants)}
      />
      <ConfirmDialog
        opened={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Cancel this session?"
        keepLabel="Keep the session"
        confirmLabel="Cancel session"
        onConfirm={() => {
          setConfirmCancel(false);
          void apply("cancel");
        }}
      >
        <Text>
          {people === 0
            ? "Nobody is registered yet, so no email goes out."
            : `Every active participant (${people} ${people === 1 ? "person" : "people"}) is emailed that the session is cancelled.`}{" "}
          Emails cannot be taken back once sent, even if you reopen registration later.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
