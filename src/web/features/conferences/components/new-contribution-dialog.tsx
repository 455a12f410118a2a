import { Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { z } from "zod";
import { type Contribution, ContributionCreateInput } from "../../../../shared/schemas/conference-contributions";
import type { TimetableBlock } from "../../../../shared/schemas/timetable";
import { ClockField } from "../../../components/clock-field";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { useSchemaForm } from "../../../lib/form";
import { useCreateContribution } from "../api";
import { formSchema, instantOrIssue, OptionalNumber } from "../forms";
import { dayOf, joinLocal } from "../local-time";
import { MinutesField } from "./minutes-field";

const Values = z.object({
  title: z.string(),
  /** "10:30" on the block's day in the event's zone, or empty: after the block's last entry. */
  startAt: z.string(),
  durationMinutes: OptionalNumber,
  boardNumber: z.string(),
});

function newContributionForm(block: TimetableBlock, zone: string) {
  const values = Values.transform((v, ctx) => {
    const startAt = v.startAt
      ? instantOrIssue(joinLocal(dayOf(block.startLocal), v.startAt), zone, "startAt", ctx)
      : undefined;
    return {
      title: v.title,
      sessionId: block.sessionId,
      blockId: block.id,
      ...(startAt ? { startAt } : {}),
      ...(v.durationMinutes !== undefined ? { durationMinutes: v.durationMinutes } : {}),
      boardNumber: v.boardNumber,
    };
  });
  return formSchema(values, ContributionCreateInput);
}

/**
 * New contribution from the timetable (conferences.md, "Timetable editor"): made for the block's session and
 * scheduled in the block at once, after its last entry unless a start is given; a poster takes the block's times
 * and asks for its board instead.
 */
export function NewContributionDialog({
  eventId,
  zone,
  block,
  onClose,
  onCreated,
}: {
  eventId: string;
  zone: string;
  block: TimetableBlock | null;
  onClose: () => void;
  onCreated?: (c: Contribution) => void;
}) {
  const title = block?.isPoster ? "New poster" : "New contribution";
  return (
    <Modal opened={block !== null} onClose={onClose} title={block ? `${title} in “${block.fullTitle}”` : title}>
      {block && (
        <Form key={block.id} eventId={eventId} zone={zone} block={block} onClose={onClose} onCreated={onCreated} />
      )}
    </Modal>
  );
}

function Form({
  eventId,
  zone,
  block,
  onClose,
  onCreated,
}: {
  eventId: string;
  zone: string;
  block: TimetableBlock;
  onClose: () => void;
  onCreated?: (c: Contribution) => void;
}) {
  const create = useCreateContribution(eventId);
  const form = useSchemaForm({
    schema: newContributionForm(block, zone),
    initialValues: { title: "", startAt: "", durationMinutes: "", boardNumber: "" },
    labels: { title: "Title", startAt: "Start", durationMinutes: "Duration", boardNumber: "Board number" },
  });
  const submit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: (c) => {
        notify([`“${c.title}” was created in “${block.fullTitle}”.`, ...c.notices].join(" "));
        onCreated?.(c);
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
        {block.isPoster ? (
          <TextInput
            label="Board number"
            description="Where the poster hangs"
            maxLength={50}
            {...form.textField("boardNumber")}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ClockField
              label="Start"
              description="Optional: after the block's last entry"
              {...form.valueField("startAt")}
            />
            <MinutesField
              label="Duration"
              description="Optional: the session's default"
              {...form.valueField("durationMinutes")}
            />
          </SimpleGrid>
        )}
        <Text size="xs" c="dimmed">
          Times in {zone}. Speakers and a description are added from the contribution's page.
        </Text>
        <FormButtons onCancel={onClose} pending={create.isPending} submitLabel="Create and schedule" />
      </Stack>
    </form>
  );
}
