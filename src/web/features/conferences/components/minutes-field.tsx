import { NumberInput, type NumberInputProps } from "@mantine/core";

/**
 * A length in whole minutes (1 to 1440, the API's rule): durations of blocks, contributions and breaks, and the
 * default contribution duration. Empty while the field is cleared, so the form's schema names the rule.
 */
export function MinutesField({
  value,
  onChange,
  ...props
}: Omit<NumberInputProps, "value" | "onChange"> & {
  value: number | string | undefined;
  onChange: (minutes: number | "") => void;
}) {
  return (
    <NumberInput
      min={1}
      max={1440}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      {...props}
      value={value}
      onChange={(v) => onChange(typeof v === "number" ? v : "")}
    />
  );
}
