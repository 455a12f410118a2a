import { NumberInput, type NumberInputProps } from "@mantine/core";

/**
 * A length in whole minutes (1 to 1440, the API's rule): durations of blocks, contributions and breaks, and the
 * default contribution duration. It keeps what was typed, a minus sign or a decimal point included, and hands it
 * on as a number, or as the text while it is none ("" when cleared): the form's schema then names the rule at
 * the field instead of the field quietly turning "-30" into 30 or "12.5" into 12 (issue 13).
 */
export function MinutesField({
  value,
  onChange,
  ...props
}: Omit<NumberInputProps, "value" | "onChange"> & {
  value: number | string | undefined;
  onChange: (minutes: number | string) => void;
}) {
  return (
    <NumberInput
      min={1}
      max={1440}
      clampBehavior="none"
      inputMode="decimal"
      {...props}
      value={value}
      onChange={(v) => onChange(v)}
    />
  );
}
