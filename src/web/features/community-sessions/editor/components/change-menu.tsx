import { Button, Menu, Stack, Text, VisuallyHidden } from "@mantine/core";

/**
 * A roster field changed by an explicit choice (issue 13, 2): a button showing the value opens a menu, and only
 * choosing an item changes anything. Arrow keys move through the items without acting, unlike a select, which
 * acted (and emailed) on every keystroke. The current value is listed, marked, and cannot be chosen again.
 */
export function ChangeMenu<T extends string>({
  label,
  of,
  value,
  options,
  labels,
  disabled,
  onChoose,
}: {
  /** "Role", "Status": shown above the button. */
  label: string;
  /** Whose value it is, for the accessible name: "Role of Cara Johnson: Guest". */
  of: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  disabled?: boolean;
  onChoose: (value: T) => void;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={500} aria-hidden>
        {label}
      </Text>
      <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            w={124}
            disabled={disabled}
            aria-label={`${label} of ${of}: ${labels[value]}`}
            rightSection={<span aria-hidden>▾</span>}
            styles={{ inner: { justifyContent: "space-between" } }}
          >
            {labels[value]}
          </Button>
        </Menu.Target>
        {/* Named by its button ("Role of Cara Johnson: Guest"), through aria-labelledby. */}
        <Menu.Dropdown>
          {options.map((option) => (
            <Menu.Item
              key={option}
              disabled={option === value}
              leftSection={<span aria-hidden>{option === value ? "✓" : ""}</span>}
              onClick={() => onChoose(option)}
            >
              {labels[option]}
              {option === value && <VisuallyHidden> (current)</VisuallyHidden>}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
