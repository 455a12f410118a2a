import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { z } from "zod";
import { ContributionCreateInput } from "../../../../shared/schemas/conference-contributions";
import type { ConferenceSessionListItem } from "../../../../shared/schemas/conference-sessions";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { useSchemaForm } from "../../../lib/form";
import { useCreateContribution } from "../api";
import { formSchema, OptionalNumber } from "../forms";
import { MinutesField } from "./minutes-field";
import { PeopleField, type PersonValue, toPersonInputs } from "./people-field";

const ContributionFormValues = z.object({
  title: z.string(),
  description: z.string(),
  sessionId: z.string().nullable(),
  durationMinutes: OptionalNumber,
  boardNumber: z.string(),
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string(), email: z.string() })),
});
type ContributionFormValues = z.input<typeof ContributionFormValues>;

const ContributionForm = formSchema(
  ContributionFormValues.transform((v) => ({ ...v, speakers: toPersonInputs(v.speakers as PersonValue[]) })),
  ContributionCreateInput,
);

const LABELS = {
  title: "Title",
  description: "Description",
  sessionId: "Session",
  durationMinutes: "Duration",
  boardNumber: "Board number",
  speakers: "Speakers",
};

/** The default duration (conferences.md, Contributions): the session's default contribution duration, else the event's. */
function defaultDuration(sessionId: string | null, sessions: ConferenceSessionListItem[], eventMinutes: number) {
  return sessions.find((s) => s.id === sessionId)?.defaultContributionMinutes ?? eventMinutes;
}

function Form({
  eventId,
  sessions,
  eventMinutes,
  onClose,
}: {
  eventId: string;
  sessions: ConferenceSessionListItem[];
  eventMinutes: number;
  onClose: () => void;
}) {
  const create = useCreateContribution(eventId);
  const [durationTouched, setDurationTouched] = useState(false);
  const form = useSchemaForm({
    schema: ContributionForm,
    initialValues: {
      title: "",
      description: "",
      sessionId: null,
      durationMinutes: eventMinutes,
      boardNumber: "",
      speakers: [],
    } as ContributionFormValues,
    labels: LABELS,
  });
  const { values, errors } = form;
  const session = sessions.find((s) => s.id === values.sessionId);

  const submit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: (c) => {
        notify(`“${c.title}” was created, not scheduled yet.`);
        onClose();
      },
      onError: form.showError,
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New contribution">
      <Stack gap="md">
        <FormError>{form.formError}</FormError>
        <TextInput label="Title" required maxLength={500} data-autofocus {...form.textField("title")} />
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.textField("description")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Session"
            placeholder="No session"
            data={sessions.map((s) => ({ value: s.id, label: s.title }))}
            value={values.sessionId}
            onChange={(v) => {
              form.setValue("sessionId", v);
              if (!durationTouched) form.setValue("durationMinutes", defaultDuration(v, sessions, eventMinutes));
            }}
            error={errors.sessionId}
            clearable
            clearButtonProps={{ "aria-label": "No session" }}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <MinutesField
            label="Duration"
            description={
              session
                ? `Minutes; the session's default is ${session.defaultContributionMinutes}`
                : `Minutes; the event's default is ${eventMinutes}`
            }
            value={values.durationMinutes}
            onChange={(v) => {
              setDurationTouched(true);
              form.setValue("durationMinutes", v);
            }}
            error={errors.durationMinutes}
          />
          <TextInput
            label="Board number"
            description={session?.isPoster ? "Where the poster hangs" : "For posters"}
            maxLength={50}
            {...form.textField("boardNumber")}
          />
        </SimpleGrid>
        <PeopleField
          legend="Speakers"
          singular="speaker"
          value={values.speakers as PersonValue[]}
          onChange={(v) => form.setValue("speakers", v)}
          error={errors.speakers}
        />
        <FormButtons onCancel={onClose} pending={create.isPending} submitLabel="Create contribution" />
      </Stack>
    </form>
  );
}

/** New contribution: title, duration (the session's default, else the event's), session, speakers, board. */
export function ContributionDialog({
  eventId,
  sessions,
  eventMinutes,
  opened,
  onClose,
}: {
  eventId: string;
  sessions: ConferenceSessionListItem[];
  eventMinutes: number;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New contribution" size="lg">
      {opened && <Form eventId={eventId} sessions={sessions} eventMinutes={eventMinutes} onClose={onClose} />}
    </Modal>
  );
}
