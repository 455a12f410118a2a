import { Button, Group, Modal, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert";

/**
 * The confirmation before something is deleted, cancelled or switched off: what happens and what stays, said
 * before anything happens; the last attempt's error above the buttons; Keep (the default) or the red button
 * that does it.
 */
export function ConfirmDialog({
  opened,
  title,
  onClose,
  children,
  error = null,
  keepLabel,
  confirmLabel,
  pending = false,
  centered,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  error?: Error | null;
  keepLabel: string;
  confirmLabel: string;
  pending?: boolean;
  centered?: boolean;
  onConfirm: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered={centered}>
      {opened && (
        <Stack>
          {children}
          <ErrorAlert>{error?.message}</ErrorAlert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {keepLabel}
            </Button>
            <Button color="red" loading={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
