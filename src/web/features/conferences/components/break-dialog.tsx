import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { z } from "zod";
import { type Break, BreakCreateInput, type TimetableBlock } from "../../../../shared/schemas/timetable";
import { ClockField } from "../../../components/clock-field";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { useSchemaForm } from "../../../lib/form";
import { useCreateBreak } from "../api";
import { formSchema, instantOrIssue, RequiredNumber } from "../forms";
import { dayLabel, dayOf, joinLocal } from "../local-time";
import { MinutesField } from "./minutes-field";

const BreakFormValues = z.object({
  title: z.string(),
  day: z.string(),
  /** "10:30" on `day` in the event's zone, or empty: right after the last entry. */
  startAt: z.string(),
  durationMinutes: RequiredNumber,
});

function breakForm(zone: string, blockId: string | null) {
  const values = BreakFormValues.transform((v, ctx) => {
    const startAt = v.startAt ? instantOrIssue(joinLocal(v.day, v.startAt), zone, "startAt", ctx) : undefined;
    return {
      title: v.title,
      blockId,
      ...(startAt ? { startAt } : blockId ? {} : { day: v.day }),
      durationMinutes: v.durationMinutes,
    };
  });
  return formSchema(values, BreakCreateInput);
}

/** Add a break: at top level on a day, or inside a block (not a poster block); 20 minutes by default. */
export function BreakDialog({
  eventId,
  zone,
  days,
  block,
  opened,
  onClose,
  onSaved,
}: {
  eventId: string;
  zone: string;
  days: string[];
  /** The block it goes into, or null for top level. */
  block: TimetableBlock | null;
  opened: boolean;
  onClose: () => void;
  /** Told what was added (the timetable page records its undo). */
  onSaved?: (saved: Break) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={block ? `Add break in “${block.fullTitle}”` : "Add break"}>
      {opened && (
        <BreakForm
          key={block?.id ?? "top"}
          eventId={eventId}
          zone={zone}
          days={days}
          block={block}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function BreakForm({
  eventId,
  zone,
  days,
  block,
  onClose,
  onSaved,
}: {
  eventId: string;
  zone: string;
  days: string[];
  block: TimetableBlock | null;
  onClose: () => void;
  onSaved?: (saved: Break) => void;
}) {
  const create = useCreateBreak(eventId);
  const form = useSchemaForm({
    schema: breakForm(zone, block?.id ?? null),
    initialValues: {
      title: "Break",
      day: block ? dayOf(block.startLocal) : (days[0] ?? ""),
      startAt: "",
      durationMinutes: 20,
    },
    labels: { title: "Title", day: "Day", startAt: "Start", durationMinutes: "Duration" },
  });
  const { values, errors } = form;
  const submit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: (b) => {
        notify(["The break was added.", ...b.notices].join(" "));
        onSaved?.(b);
        onClose();
      },
      onError: form.showError,
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add break">
      <Stack gap="md">
        <FormError>{form.formError}</FormError>
        <TextInput label="Title" required maxLength={300} {...form.textField("title")} />
        <SimpleGrid cols={{ base: 1, sm: block ? 2 : 3 }}>
          {!block && (
            <Select
              label="Day"
              data={days.map((d) => ({ value: d, label: dayLabel(d) }))}
              value={values.day}
              onChange={(v) => v && form.setValue("day", v)}
              error={errors.day}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <ClockField
            label="Start"
            description={block ? "Optional: after the block's last entry" : "Optional: the day's next free time"}
            {...form.valueField("startAt")}
          />
          <MinutesField
            label="Duration"
            description="Whole minutes, 1 to 1440"
            required
            {...form.valueField("durationMinutes")}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Times in {zone}.
        </Text>
        <FormButtons onCancel={onClose} pending={create.isPending} submitLabel="Add break" />
      </Stack>
    </form>
  );
}
