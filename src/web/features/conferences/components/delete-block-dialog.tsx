import { Text } from "@mantine/core";
import type { TimetableBlock } from "../../../../shared/schemas/timetable";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { notify } from "../../../components/notify";
import { useDeleteBlock } from "../api";

/** Deleting a block says first what goes with it (its breaks) and what stays (its contributions, its session). */
export function DeleteBlockDialog({
  eventId,
  block,
  onClose,
  onDeleted,
}: {
  eventId: string;
  block: TimetableBlock | null;
  onClose: () => void;
  /** Told which block went, as it was (the timetable page records its undo). */
  onDeleted?: (deleted: TimetableBlock) => void;
}) {
  const remove = useDeleteBlock(eventId);
  // An error belongs to one attempt: the next time the dialog opens, it is gone.
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = (doomed: TimetableBlock) =>
    remove.mutate(doomed.id, {
      onSuccess: (r) => {
        notify(
          `The block was deleted; ${r.contributionsUnscheduled === 1 ? "1 contribution was" : `${r.contributionsUnscheduled} contributions were`} unscheduled.`,
        );
        onDeleted?.(doomed);
        close();
      },
    });
  return (
    <ConfirmDialog
      opened={block !== null}
      onClose={close}
      title={block ? `Delete block “${block.fullTitle}”?` : "Delete block"}
      error={remove.error}
      keepLabel="Keep the block"
      confirmLabel="Delete block"
      pending={remove.isPending}
      onConfirm={() => block && confirm(block)}
    >
      <Text>
        The block leaves the timetable. Its contributions are unscheduled and keep their session; its breaks are
        deleted. The session itself stays.
      </Text>
    </ConfirmDialog>
  );
}
