import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import type { ColourPair } from "../../../../shared/palette";
import type { SessionType } from "../../../../shared/schemas/conference-events";
import {
  ConferenceSessionCreateInput,
  ConferenceSessionUpdateInput,
} from "../../../../shared/schemas/conference-sessions";
import type { ConferenceSession } from "../../../../shared/schemas/timetable";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { QueryStatus } from "../../../components/query-status";
import { useSchemaForm } from "../../../lib/form";
import { sessionListQuery, sessionQuery, useCreateConferenceSession, useUpdateConferenceSession } from "../api";
import { formSchema, OptionalNumber } from "../forms";
import { ColourField, paletteEntry } from "./colour-field";
import { LocationField, locationOf } from "./location-field";
import { MinutesField } from "./minutes-field";

const SessionFormValues = z.object({
  title: z.string(),
  code: z.string(),
  description: z.string(),
  typeId: z.string().nullable(),
  defaultContributionMinutes: OptionalNumber,
  roomId: z.string().nullable(),
  locationText: z.string().nullable(),
  colours: z
    .object({ text: z.string(), background: z.string() })
    .nullable()
    .transform((c) => c ?? undefined),
});
type SessionFormValues = z.input<typeof SessionFormValues>;

const CreateForm = formSchema(SessionFormValues, ConferenceSessionCreateInput);
const UpdateForm = formSchema(SessionFormValues, ConferenceSessionUpdateInput);

const LABELS = {
  title: "Title",
  code: "Code",
  description: "Description",
  typeId: "Type",
  defaultContributionMinutes: "Default contribution duration",
  roomId: "Room",
  locationText: "Place",
  colours: "Colours",
};

/** What the dialog edits: a session as the session page or the list knows it. */
interface EditableSession {
  id: string;
  title: string;
  code: string;
  description: string;
  type: { id: string } | null;
  defaultContributionMinutes: number;
  roomId: string | null;
  locationText: string | null;
  colours: { text: string; background: string };
}

function SessionForm({
  eventId,
  session,
  types,
  eventDefaultMinutes,
  onDone,
}: {
  eventId: string;
  session: EditableSession | null;
  types: SessionType[];
  eventDefaultMinutes: number;
  onDone: (saved?: ConferenceSession) => void;
}) {
  const create = useCreateConferenceSession(eventId);
  const update = useUpdateConferenceSession(eventId);
  const form = useSchemaForm({
    schema: (session ? UpdateForm : CreateForm) as z.ZodType<
      z.output<typeof ConferenceSessionCreateInput>,
      SessionFormValues
    >,
    initialValues: {
      title: session?.title ?? "",
      code: session?.code ?? "",
      description: session?.description ?? "",
      typeId: session?.type?.id ?? null,
      defaultContributionMinutes: session?.defaultContributionMinutes ?? eventDefaultMinutes,
      roomId: session?.roomId ?? null,
      locationText: session?.locationText ?? null,
      colours: session ? paletteEntry(session.colours) : null,
    },
    labels: LABELS,
  });
  const { values, errors } = form;

  const submit = form.handleSubmit((input) => {
    const done = (saved: ConferenceSession) => {
      notify(session ? `Session “${saved.title}” was saved.` : `Session “${saved.title}” was created.`);
      onDone(saved);
    };
    if (session) update.mutate({ id: session.id, change: input }, { onSuccess: done, onError: form.showError });
    else create.mutate(input, { onSuccess: done, onError: form.showError });
  });

  const typeData = types.map((t) => ({ value: t.id, label: t.isPoster ? `${t.name} (poster)` : t.name }));
  // Two sessions may share a code (the API allows it), but the person is told before saving (issue 13). The list
  // is the event managers'; a session's own manager is not shown the others.
  const list = useQuery({ ...sessionListQuery(eventId), retry: false });
  const code = values.code.trim().toLowerCase();
  const twin = code
    ? list.data?.sessions.find((s) => s.id !== session?.id && s.code.trim().toLowerCase() === code)
    : undefined;
  const colours = values.colours ? (paletteEntry(values.colours) as ColourPair | null) : null;

  return (
    <form onSubmit={submit} noValidate aria-label={session ? `Edit session ${session.title}` : "Add new session"}>
      <Stack gap="md">
        <FormError>{form.formError}</FormError>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Title"
            required
            maxLength={300}
            data-autofocus
            {...form.textField("title")}
            style={{ gridColumn: "span 2" }}
          />
          <TextInput
            label="Code"
            description={
              twin ? (
                <span style={{ overflowWrap: "anywhere" }}>
                  <span aria-hidden>⚠ </span>“{twin.title}” has this code too: the programme will not tell them apart by
                  it.
                </span>
              ) : (
                "For the programme; orders parallel blocks"
              )
            }
            maxLength={50}
            {...form.textField("code")}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="Markdown"
          autosize
          minRows={2}
          maxRows={10}
          {...form.textField("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Type"
            description={types.length === 0 ? "Create types under Settings ▸ Session types" : "Optional"}
            placeholder="No type"
            data={typeData}
            {...form.valueField("typeId")}
            clearable
            clearButtonProps={{ "aria-label": "No type" }}
            comboboxProps={{ withinPortal: true }}
          />
          <MinutesField
            label="Default contribution duration"
            description="Minutes, for contributions scheduled in this session"
            name="defaultContributionMinutes"
            {...form.valueField("defaultContributionMinutes")}
          />
        </SimpleGrid>
        <LocationField label="Default location" inheritLabel="Inherit from the event" {...locationOf(form)} />
        <ColourField
          value={colours}
          onChange={(pair) => form.setValue("colours", { text: pair.text, background: pair.background })}
          error={errors.colours}
          description={session ? undefined : "Leave it to get a pair no other session of the event uses yet"}
        />
        <FormButtons onCancel={() => onDone()} pending={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}

/** Add new session, and the pencil's edit: the seed's dialog, closed by Save. */
export function SessionDialog({
  eventId,
  opened,
  sessionId,
  types,
  eventDefaultMinutes,
  onClose,
}: {
  eventId: string;
  opened: boolean;
  /** Null: Add new session; else the session to edit (loaded with all its fields). */
  sessionId: string | null;
  types: SessionType[];
  eventDefaultMinutes: number;
  onClose: () => void;
}) {
  const session = useQuery({ ...sessionQuery(eventId, sessionId ?? ""), enabled: opened && sessionId !== null });
  const title = sessionId
    ? session.data
      ? `Edit session “${session.data.title}”`
      : "Edit session"
    : "Add new session";
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened &&
        (sessionId === null ? (
          <SessionForm
            key="new"
            eventId={eventId}
            session={null}
            types={types}
            eventDefaultMinutes={eventDefaultMinutes}
            onDone={onClose}
          />
        ) : (
          <QueryStatus query={session} label="Loading the session">
            {(s) => (
              <SessionForm
                key={s.id}
                eventId={eventId}
                session={s}
                types={types}
                eventDefaultMinutes={eventDefaultMinutes}
                onDone={onClose}
              />
            )}
          </QueryStatus>
        ))}
    </Modal>
  );
}
