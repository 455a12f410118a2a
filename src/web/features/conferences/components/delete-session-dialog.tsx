import { List, Text } from "@mantine/core";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { notify } from "../../../components/notify";
import { useDeleteConferenceSession } from "../api";

export interface DeletableSession {
  id: string;
  title: string;
  blocksCount: number;
  contributionsCount: number;
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * The bin's confirmation (the seed: "deleting a session will delete all its session blocks and unschedule all
 * contributions within them"): says what goes and what stays before anything happens.
 */
export function DeleteSessionDialog({
  eventId,
  session,
  onClose,
  onDeleted,
}: {
  eventId: string;
  session: DeletableSession | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const remove = useDeleteConferenceSession(eventId);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = (doomed: DeletableSession) =>
    remove.mutate(doomed.id, {
      onSuccess: (r) => {
        notify(
          `Session “${doomed.title}” was deleted: ${count(r.blocksDeleted, "block", "blocks")} deleted, ${count(r.contributionsDetached, "contribution", "contributions")} kept without a session.`,
        );
        close();
        onDeleted?.();
      },
    });
  return (
    <ConfirmDialog
      opened={session !== null}
      onClose={close}
      title={session ? `Delete session “${session.title}”?` : "Delete session"}
      error={remove.error}
      keepLabel="Keep the session"
      confirmLabel="Delete session"
      pending={remove.isPending}
      onConfirm={() => session && confirm(session)}
    >
      {session && (
        <>
          <List spacing={4}>
            <List.Item>
              Its {count(session.blocksCount, "block", "blocks")} will be deleted from the timetable.
            </List.Item>
            <List.Item>
              Its {count(session.contributionsCount, "contribution", "contributions")} will be unscheduled. They are
              kept, without a session, on the Contributions page.
            </List.Item>
            <List.Item>Its material is deleted with it.</List.Item>
          </List>
          <Text size="sm">This cannot be undone.</Text>
        </>
      )}
    </ConfirmDialog>
  );
}
