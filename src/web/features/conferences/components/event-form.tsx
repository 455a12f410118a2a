import { SimpleGrid, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { z } from "zod";
import { EventCreateInput, EventUpdateInput } from "../../../../shared/schemas/conference-events";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { TimeZoneSelect } from "../../../components/time-zone-select";
import { useSchemaForm } from "../../../lib/form";
import { formSchema, instantOrIssue, OptionalNumber } from "../forms";
import { LocationField, locationOf } from "./location-field";
import { MinutesField } from "./minutes-field";

const EventFormValues = z.object({
  title: z.string(),
  description: z.string(),
  /** Wall-clock time in the event's zone, as the datetime-local input holds it. */
  startAt: z.string(),
  endAt: z.string(),
  timeZone: z.string(),
  roomId: z.string().nullable(),
  locationText: z.string().nullable(),
  defaultContributionMinutes: OptionalNumber,
  timetablePublished: z.boolean(),
});
type EventFormValues = z.input<typeof EventFormValues>;

function withInstants(v: z.output<typeof EventFormValues>, ctx: z.RefinementCtx) {
  const startAt = instantOrIssue(v.startAt, v.timeZone, "startAt", ctx);
  const endAt = instantOrIssue(v.endAt, v.timeZone, "endAt", ctx);
  return { ...v, startAt: startAt ?? "", endAt: endAt ?? "" };
}

const EventCreateForm = formSchema(EventFormValues.transform(withInstants), EventCreateInput);
const EventUpdateForm = formSchema(EventFormValues.transform(withInstants), EventUpdateInput);

const LABELS = {
  title: "Title",
  description: "Description",
  startAt: "Start",
  endAt: "End",
  timeZone: "Time zone",
  roomId: "Room",
  locationText: "Place",
  defaultContributionMinutes: "Default contribution duration",
  timetablePublished: "Timetable published",
};

type EventFormOutput<M extends "create" | "update"> = M extends "create"
  ? z.output<typeof EventCreateInput>
  : z.output<typeof EventUpdateInput>;

/**
 * The event's fields (conferences.md, Event): title, description (Markdown), start and end as wall-clock times
 * in the event's time zone, default location, default contribution duration and the timetable published flag.
 * Used by Admin ▸ Events (create) and by the event's Settings.
 */
export function EventForm<M extends "create" | "update">({
  mode,
  initialValues,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  mode: M;
  initialValues: EventFormValues;
  submitLabel: string;
  pending: boolean;
  /** Sends the input; rejects with the API's error, which the form shows at its fields. */
  onSubmit: (input: EventFormOutput<M>) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const form = useSchemaForm({
    schema: (mode === "create" ? EventCreateForm : EventUpdateForm) as z.ZodType<EventFormOutput<M>, EventFormValues>,
    initialValues,
    labels: LABELS,
  });
  const { values, errors } = form;

  const submit = form.handleSubmit((input) => {
    onSubmit(input).catch((err: unknown) => form.showError(err));
  });

  return (
    <form onSubmit={submit} noValidate aria-label={mode === "create" ? "New event" : "Event settings"}>
      <Stack gap="md">
        <FormError>{form.formError}</FormError>
        <TextInput label="Title" required maxLength={300} {...form.textField("title")} />
        <Textarea
          label="Description"
          description="Markdown: **bold**, _italic_, [links](https://…), lists."
          autosize
          minRows={3}
          maxRows={12}
          {...form.textField("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Start"
            type="datetime-local"
            description="In the event's time zone"
            required
            {...form.textField("startAt")}
          />
          <TextInput
            label="End"
            type="datetime-local"
            description="In the event's time zone"
            required
            {...form.textField("endAt")}
          />
          <TimeZoneSelect
            label="Time zone"
            description="Where the event takes place"
            value={values.timeZone}
            onChange={(v) => v && form.setValue("timeZone", v)}
            error={errors.timeZone}
            allowDeselect={false}
          />
        </SimpleGrid>
        <LocationField label="Default location" inheritLabel="None" {...locationOf(form)} />
        <MinutesField
          label="Default contribution duration"
          description="Minutes; sessions may set their own"
          name="defaultContributionMinutes"
          {...form.valueField("defaultContributionMinutes")}
          w={260}
        />
        <Switch
          label="Timetable published"
          description="Until then only the event's managers see the event page, timetable and sessions."
          {...form.checkField("timetablePublished")}
        />
        <FormButtons onCancel={onCancel} pending={pending} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}
