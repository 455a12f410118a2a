import { TagsInput } from "@mantine/core";
import { type ReactNode, useRef, useState } from "react";
import { formatReminderTime, parseReminderTime, sortReminderTimes } from "../lib/reminder-times";

/** The shared rule's limit (ReminderMinutes): at most 5 times in one list. */
const MAX_TIMES = 5;

/**
 * Reminder times as chips ("24 h", "1 h"), typed the way people say them ("24h", "2 hours", "3d", "90m"; Enter or
 * a comma adds one). A time that breaks the rule is not added: it stays in the box with the rule under it.
 * `error` is the server's message for the list, shown when nothing typed is wrong.
 */
export function ReminderTimesInput({
  label,
  description,
  value,
  onChange,
  error,
  maw,
}: {
  label: ReactNode;
  description?: ReactNode;
  value: number[];
  onChange(minutes: number[]): void;
  error?: string | undefined;
  maw?: number | string;
}) {
  const [search, setSearch] = useState("");
  const [typed, setTyped] = useState<string | null>(null);
  // Mantine empties the box after handing over a new chip; a refused one is put back instead.
  const keepRef = useRef<string | null>(null);

  const change = (chips: string[]) => {
    const next: number[] = [];
    for (const chip of chips) {
      const parsed = parseReminderTime(chip);
      let refusal: string | null = null;
      if (!parsed.ok) refusal = parsed.message;
      else if (next.includes(parsed.minutes)) refusal = `${formatReminderTime(parsed.minutes)} is listed already`;
      else if (next.length >= MAX_TIMES) refusal = `At most ${MAX_TIMES} reminder times`;
      if (refusal !== null) {
        setTyped(refusal);
        keepRef.current = chip;
        setSearch(chip);
        onChange(sortReminderTimes(next));
        return;
      }
      if (parsed.ok) next.push(parsed.minutes);
    }
    setTyped(null);
    onChange(sortReminderTimes(next));
  };

  return (
    <TagsInput
      label={label}
      description={description}
      placeholder={value.length < MAX_TIMES ? "e.g. 24h, 1h, 3d, 90m" : undefined}
      value={value.map(formatReminderTime)}
      onChange={change}
      searchValue={search}
      onSearchChange={(text) => {
        if (text === "" && keepRef.current !== null) {
          keepRef.current = null;
          return;
        }
        keepRef.current = null;
        if (typed !== null) setTyped(null);
        setSearch(text);
      }}
      error={typed ?? error}
      clearable={false}
      maw={maw}
    />
  );
}
