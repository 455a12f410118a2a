import { Checkbox, Modal, Radio, Select, Stack, Text } from "@mantine/core";
import { z } from "zod";
import { RescheduleInput, type RescheduleResult, type TimetableBlock } from "../../../../shared/schemas/timetable";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { useSchemaForm } from "../../../lib/form";
import { useReschedule } from "../api";
import { formSchema, RequiredNumber } from "../forms";
import { dayLabel } from "../local-time";
import { MinutesField } from "./minutes-field";

/** Where Reschedule works: one block, or a day (of the event, or of one session's blocks). */
export type RescheduleScope =
  | { kind: "block"; block: TimetableBlock }
  | { kind: "day"; day: string; sessionId?: string };

const Values = z.object({
  day: z.string(),
  mode: z.enum(["time", "duration", "none"]),
  gapMinutes: RequiredNumber,
  fitBlocks: z.boolean(),
});

function rescheduleForm(scope: RescheduleScope) {
  const values = Values.transform((v) => ({
    scope:
      scope.kind === "block"
        ? { kind: "block" as const, blockId: scope.block.id }
        : scope.sessionId
          ? { kind: "session" as const, sessionId: scope.sessionId, day: v.day }
          : { kind: "day" as const, day: v.day },
    mode: v.mode,
    gapMinutes: v.gapMinutes,
    fitBlocks: v.fitBlocks,
  }));
  return formSchema(values, RescheduleInput);
}

const MODES = [
  {
    value: "time",
    label: "Start times",
    description: "One after another from the start, with the gap between them; lengths stay.",
  },
  {
    value: "duration",
    label: "Durations",
    description: "Start times stay; each lasts until the next starts, less the gap.",
  },
  { value: "none", label: "Only fit blocks", description: "Nothing moves; blocks shrink or grow to their content." },
] as const;

/**
 * Reschedule / compact (conferences.md "Reschedule", indico.md §3.5): the entries of a block, or of a day, strung
 * one after another with a gap, or lengthened to the next, and blocks fitted to their content. The server decides
 * and says what else it changed.
 */
export function RescheduleDialog({
  eventId,
  days,
  scope,
  onClose,
  onDone,
}: {
  eventId: string;
  days: string[];
  scope: RescheduleScope | null;
  onClose: () => void;
  /** Told what was done (the page records its undo). */
  onDone?: (result: RescheduleResult, scope: RescheduleScope, day: string) => void;
}) {
  const title = scope?.kind === "block" ? `Reschedule “${scope.block.fullTitle}”` : "Reschedule a day";
  return (
    <Modal opened={scope !== null} onClose={onClose} title={title}>
      {scope && (
        <Form
          key={scope.kind === "block" ? scope.block.id : scope.day}
          eventId={eventId}
          days={days}
          scope={scope}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  );
}

function Form({
  eventId,
  days,
  scope,
  onClose,
  onDone,
}: {
  eventId: string;
  days: string[];
  scope: RescheduleScope;
  onClose: () => void;
  onDone?: (result: RescheduleResult, scope: RescheduleScope, day: string) => void;
}) {
  const reschedule = useReschedule(eventId);
  const form = useSchemaForm({
    schema: rescheduleForm(scope),
    initialValues: {
      day: scope.kind === "day" ? scope.day : "",
      mode: "time",
      gapMinutes: 0,
      fitBlocks: false,
    } as z.input<typeof Values>,
    labels: { day: "Day", mode: "Compact", gapMinutes: "Gap", fitBlocks: "Fit blocks" },
  });
  const { values, errors } = form;
  const submit = form.handleSubmit((input) => {
    reschedule.mutate(input, {
      onSuccess: (result) => {
        const changed = result.changed === 1 ? "1 entry changed." : `${result.changed} entries changed.`;
        notify([result.changed === 0 ? "Nothing needed to change." : changed, ...result.notices].join(" "));
        onDone?.(result, scope, values.day);
        onClose();
      },
      onError: form.showError,
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Reschedule">
      <Stack gap="md">
        <FormError>{form.formError}</FormError>
        {scope.kind === "day" && (
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
        <Radio.Group
          label="Compact"
          value={values.mode}
          onChange={(v) => form.setValue("mode", v as "time" | "duration" | "none")}
          error={errors.mode}
        >
          <Stack gap="xs" mt={4}>
            {MODES.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} description={m.description} />
            ))}
          </Stack>
        </Radio.Group>
        {values.mode !== "none" && (
          <MinutesField
            label="Gap"
            description="Minutes between entries, 0 for none"
            min={0}
            {...form.valueField("gapMinutes")}
          />
        )}
        <Checkbox
          label={
            scope.kind === "block" ? "Fit the block to its content afterwards" : "Fit the blocks to their content first"
          }
          checked={values.fitBlocks}
          onChange={(e) => form.setValue("fitBlocks", e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          {scope.kind === "block"
            ? "Entries start from the block's start; a block that overflows grows at its end."
            : "Entries start from the day's first entry; blocks carry their contributions with them."}
        </Text>
        <FormButtons onCancel={onClose} pending={reschedule.isPending} submitLabel="Reschedule" />
      </Stack>
    </form>
  );
}
