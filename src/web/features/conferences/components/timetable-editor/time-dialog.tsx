import { Modal, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ClockField } from "../../../../components/clock-field";
import { ErrorAlert } from "../../../../components/error-alert";
import { FormButtons } from "../../../../components/form-buttons";
import { clockOf, dayLabel, dayOf, instantToLocal } from "../../local-time";
import { SNAP_MINUTES, type TimetableChange } from "../../timetable-editing";
import {
  changeFromTimeForm,
  type Place,
  placeOptions,
  type Target,
  type TimeFormErrors,
  TOP_LEVEL,
} from "../../timetable-gestures";
import { MinutesField } from "../minutes-field";

interface TimeFormProps {
  target: Target;
  zone: string;
  days: string[];
  places: Place[];
  /** The person may place entries outside blocks (event managers). */
  topLevel: boolean;
  onClose(): void;
  /** Resolves to the server's reason when the change is refused, null when saved. */
  onSave(change: TimetableChange, what: string): Promise<string | null>;
}

/**
 * Exact times for an entry, in the event's zone: its day, start and duration, and for a contribution or break
 * the block it goes into (the keyboard's way to move one into another block).
 */
export function TimeDialog({ target, ...rest }: Omit<TimeFormProps, "target"> & { target: Target | null }) {
  return (
    <Modal
      opened={target !== null}
      onClose={rest.onClose}
      title={target ? `Time of “${target.title}”` : "Time"}
      size="lg"
    >
      {target && <TimeForm key={target.before.id} target={target} {...rest} />}
    </Modal>
  );
}

function TimeForm({ target, zone, days, places, topLevel, onClose, onSave }: TimeFormProps) {
  const before = target.before;
  const startLocal = "startAt" in before ? instantToLocal(before.startAt, zone) : `${target.day}T09:00`;
  const [day, setDay] = useState(dayOf(startLocal));
  const [start, setStart] = useState(clockOf(startLocal));
  const [duration, setDuration] = useState<number | string>(target.durationMinutes);
  const [errors, setErrors] = useState<TimeFormErrors & { form?: string }>({});
  const [saving, setSaving] = useState(false);
  const inBlock = "blockId" in before ? before.blockId : null;
  const [place, setPlace] = useState<string>(inBlock ?? TOP_LEVEL);
  // Contributions and breaks may go into another block; a block's entries take its day, blocks and top-level
  // entries may go to any day of the event.
  const options = placeOptions(before.kind, places, topLevel);
  const chosenBlock = places.find((p) => p.blockId === place) ?? null;
  const shownDay = chosenBlock?.day ?? day;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const asked = changeFromTimeForm(
      before,
      { day: shownDay, start, duration, blockId: chosenBlock?.blockId ?? null },
      { zone, startLocal },
    );
    setErrors(asked.errors);
    if (!asked.change) return;
    setSaving(true);
    const refused = await onSave(asked.change, `Set the time of “${target.title}”`);
    setSaving(false);
    if (refused) setErrors({ form: refused });
    else onClose();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">Times in {zone}, the event's time zone.</Text>
        {options.length > 0 && (
          <Select
            label="Where"
            data={options}
            value={place}
            onChange={(v) => v && setPlace(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Select
            label="Day"
            data={days.map((d) => ({ value: d, label: dayLabel(d) }))}
            value={shownDay}
            onChange={(v) => v && setDay(v)}
            disabled={chosenBlock !== null}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <ClockField label="Start" value={start} onChange={setStart} error={errors.start} required />
          <MinutesField
            label="Duration (minutes)"
            step={SNAP_MINUTES}
            value={duration}
            onChange={setDuration}
            error={errors.duration}
            required
          />
        </SimpleGrid>
        <ErrorAlert title="Not changed">{errors.form}</ErrorAlert>
        <FormButtons onCancel={onClose} pending={saving} submitLabel="Save time" />
      </Stack>
    </form>
  );
}
