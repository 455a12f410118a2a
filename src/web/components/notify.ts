import { notifications } from "@mantine/notifications";

/**
 * A short-lived message at the top of the page, announced to screen readers. Its close button is named, which
 * Mantine's default is not.
 */
export function notify(message: string, opts: { title?: string; color?: "red" } = {}): void {
  notifications.show({
    message,
    title: opts.title,
    color: opts.color,
    closeButtonProps: { "aria-label": "Dismiss" },
  });
}
