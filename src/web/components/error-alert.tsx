import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A failure, read out by screen readers as it appears (role="alert"); nothing while there is no message. With
 * `onClose` it can be dismissed (the close button is named Dismiss), for failures that outlive the action that
 * caused them, such as a refused change in a list.
 */
export function ErrorAlert({
  children,
  title,
  onClose,
}: {
  children: ReactNode;
  title?: string;
  onClose?: () => void;
}) {
  if (!children) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title}
      withCloseButton={onClose !== undefined}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {children}
    </Alert>
  );
}
