import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { CommunitySession, StatusAction } from "../../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../../components/confirm-dialog";
import { ErrorAlert } from "../../../../components/error-alert";
import { StatusBadge } from "../../components/status-badge";
import { STATUS_ACTION_LABEL } from "../../labels";
import { useChangeStatus } from "../api";

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
  const [busy, setBusy] = useState(false);
  const people = activeCount(session);

  const apply = async (action: StatusAction) => {
    setFailure(null);
    setBusy(true);
    try {
      await beforeChange();
      await change.mutateAsync(action);
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
            loading={busy && change.variables === action}
            disabled={busy}
            onClick={() => (action === "cancel" ? setConfirmCancel(true) : void apply(action))}
          >
            {STATUS_ACTION_LABEL[action]}
          </Button>
        ))}
      </Group>
      {session.status === "draft" && (
        <Text size="sm" c="dimmed">
          Members cannot see a Draft. Open it once it has a Date & Time and a Meeting URL.
        </Text>
      )}
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
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
