import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The confirmation before something is deleted: what goes and what stays, said before anything happens; the
 * last attempt's error above the buttons; Keep (the default) or the red button that does it.
 */
export function ConfirmDialog({
  opened,
  title,
  onClose,
  children,
  error,
  keepLabel,
  confirmLabel,
  pending,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  error: Error | null;
  keepLabel: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && (
        <Stack>
          {children}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error.message}
            </Alert>
          )}
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
