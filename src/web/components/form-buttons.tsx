import { Button, Group } from "@mantine/core";

/**
 * The buttons under a dialog's form, right-aligned: Cancel (where there is somewhere to go back to) and the
 * submit button, busy while the request is in flight.
 */
export function FormButtons({
  onCancel,
  pending,
  submitLabel = "Save",
}: {
  onCancel?: () => void;
  pending: boolean;
  submitLabel?: string;
}) {
  return (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
