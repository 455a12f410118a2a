import { TextInput, type TextInputProps } from "@mantine/core";
import { useState } from "react";
import { formatClock, parseClock } from "../../shared/time";
import { USER_HOUR_CYCLE } from "../lib/clock";

/** A time of day as the viewer's clock writes it ("17:05" → "05:05 PM"); anything that is not one, as it is. */
function inUserClock(value: string): string {
  const parsed = parseClock(value);
  if (!parsed) return value;
  const [hour, minute] = parsed.split(":").map(Number) as [number, number];
  return formatClock(hour, minute, USER_HOUR_CYCLE);
}

interface ClockFieldProps extends Omit<TextInputProps, "value" | "onChange" | "type"> {
  /** "HH:MM" on the 24-hour clock, as forms hold a time; or what was typed while it is not a time. */
  value: string;
  onChange(value: string): void;
}

/**
 * A time of day, shown and typed in the viewer's clock ("17:05" or "05:05 PM"; either is understood). A browser
 * draws `<input type="time">` in its own interface language, which may not be the clock the app shows beside it
 * (a dialog saying "05:00 PM" next to a grid saying 17:00); this field always matches the rest of the app.
 */
export function ClockField({ value, onChange, onBlur, ...rest }: ClockFieldProps) {
  const [text, setText] = useState(() => inUserClock(value));
  // A value set from outside (another block chosen, a reset) replaces what is shown; one's own typing does not.
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    if (value !== (parseClock(text) ?? text)) setText(inUserClock(value));
  }
  return (
    <TextInput
      placeholder={formatClock(9, 30, USER_HOUR_CYCLE)}
      autoComplete="off"
      spellCheck={false}
      {...rest}
      value={text}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onChange(parseClock(typed) ?? typed);
      }}
      onBlur={(e) => {
        setText(inUserClock(text));
        onBlur?.(e);
      }}
    />
  );
}
