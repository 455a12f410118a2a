import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { z } from "zod";
import {
  BlockCreateInput,
  BlockUpdateInput,
  type SessionBlock,
  type TimetableBlock,
} from "../../../../shared/schemas/timetable";
import { ClockField } from "../../../components/clock-field";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { useSchemaForm } from "../../../lib/form";
import { useCreateBlock, useUpdateBlock } from "../api";
import { formSchema, instantOrIssue, RequiredNumber } from "../forms";
import { clockOf, dayLabel, dayOf, joinLocal } from "../local-time";
import { LocationField, locationOf } from "./location-field";
import { MinutesField } from "./minutes-field";
import { fromPeople, PeopleField, type PersonValue, toPersonInputs } from "./people-field";

const BlockFormValues = z.object({
  sessionId: z.string().nullable(),
  title: z.string(),
  day: z.string(),
  /** "09:00" on `day`, in the event's zone. */
  startAt: z.string(),
  durationMinutes: RequiredNumber,
  roomId: z.string().nullable(),
  locationText: z.string().nullable(),
  conveners: z.array(z.object({ name: z.string(), affiliation: z.string(), email: z.string() })),
});
type BlockFormValues = z.input<typeof BlockFormValues>;

function blockForm(zone: string, creating: boolean) {
  const values = BlockFormValues.transform((v, ctx) => {
    if (creating && !v.sessionId)
      ctx.addIssue({ code: "custom", message: "is required", path: ["sessionId"], input: v.sessionId });
    if (!v.day) ctx.addIssue({ code: "custom", message: "is required", path: ["day"], input: v.day });
    const startAt = v.day
      ? instantOrIssue(v.startAt ? joinLocal(v.day, v.startAt) : "", zone, "startAt", ctx)
      : undefined;
    return {
      title: v.title,
      startAt: startAt ?? "",
      durationMinutes: v.durationMinutes,
      roomId: v.roomId,
      locationText: v.locationText,
      conveners: toPersonInputs(v.conveners as PersonValue[]),
    };
  });
  return creating ? formSchema(values, BlockCreateInput) : formSchema(values, BlockUpdateInput);
}

const LABELS = {
  sessionId: "Session",
  title: "Block title",
  day: "Day",
  startAt: "Start",
  durationMinutes: "Duration",
  roomId: "Room",
  locationText: "Place",
  conveners: "Conveners",
};

/** The block's own location: what it set itself, not what it inherits from its session or the event. */
function ownLocation(block: TimetableBlock | null) {
  if (block?.location?.source !== "block") return { roomId: null, locationText: null };
  return block.location.roomId
    ? { roomId: block.location.roomId, locationText: null }
    : { roomId: null, locationText: block.location.label };
}

interface BlockDialogProps {
  eventId: string;
  zone: string;
  days: string[];
  sessions: { id: string; title: string }[];
  /** Null: a new block (of the session chosen in the form, or `sessionId`). */
  block: TimetableBlock | null;
  sessionId?: string;
  opened: boolean;
  onClose: () => void;
  /** Told what was saved (the timetable page records its undo). */
  onSaved?: (saved: SessionBlock) => void;
}

function BlockForm({ eventId, zone, days, sessions, block, sessionId, onClose, onSaved }: BlockDialogProps) {
  const create = useCreateBlock(eventId);
  const update = useUpdateBlock(eventId);
  const creating = block === null;
  const form = useSchemaForm({
    schema: blockForm(zone, creating) as z.ZodType<z.output<typeof BlockCreateInput>, BlockFormValues>,
    initialValues: {
      sessionId: block?.sessionId ?? sessionId ?? null,
      title: block?.title ?? "",
      day: block ? dayOf(block.startLocal) : (days[0] ?? ""),
      startAt: block ? clockOf(block.startLocal) : "09:00",
      durationMinutes: block?.durationMinutes ?? 60,
      ...ownLocation(block),
      conveners: fromPeople(block?.conveners ?? []),
    },
    labels: LABELS,
  });
  const { values, errors } = form;

  const submit = form.handleSubmit((input) => {
    const done = (saved: SessionBlock) => {
      notify([creating ? "The block was added." : "The block was saved.", ...saved.notices].join(" "));
      onSaved?.(saved);
      onClose();
    };
    if (block) update.mutate({ id: block.id, change: input }, { onSuccess: done, onError: form.showError });
    else if (values.sessionId)
      create.mutate({ sessionId: values.sessionId, input }, { onSuccess: done, onError: form.showError });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? "Add block" : "Edit block"}>
      <Stack gap="md">
        <Text size="sm">
          A block is one scheduled stretch of a session: its own time, place and conveners. A session may have several
          blocks; its contributions are scheduled inside them.
        </Text>
        <FormError>{form.formError}</FormError>
        {creating && !sessionId && (
          <Select
            label="Session"
            required
            placeholder={sessions.length === 0 ? "Add a session first" : "Choose a session"}
            data={sessions.map((s) => ({ value: s.id, label: s.title }))}
            {...form.valueField("sessionId")}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <TextInput
          label="Block title"
          description="Optional, e.g. Part 2"
          maxLength={300}
          {...form.textField("title")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Day"
            required
            data={days.map((d) => ({ value: d, label: dayLabel(d) }))}
            value={values.day}
            onChange={(v) => v && form.setValue("day", v)}
            error={errors.day}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <ClockField label="Start" description={`Time in ${zone}`} required {...form.valueField("startAt")} />
          <MinutesField
            label="Duration"
            description="Whole minutes, 1 to 1440"
            required
            {...form.valueField("durationMinutes")}
          />
        </SimpleGrid>
        <LocationField label="Location" inheritLabel="Inherit from the session" {...locationOf(form)} />
        <PeopleField
          legend="Conveners"
          singular="convener"
          withEmail
          value={values.conveners as PersonValue[]}
          onChange={(v) => form.setValue("conveners", v)}
          error={errors.conveners}
        />
        <FormButtons onCancel={onClose} pending={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}

/** Add a block to a session, or edit one: start, duration (60 min by default), title, location, conveners. */
export function BlockDialog(props: BlockDialogProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.block ? `Edit block “${props.block.fullTitle}”` : "Add block"}
      size="lg"
    >
      {props.opened && <BlockForm key={props.block?.id ?? "new"} {...props} />}
    </Modal>
  );
}
