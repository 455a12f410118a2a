import { Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Contribution } from "../../../../shared/schemas/conference-contributions";
import { ErrorAlert } from "../../../components/error-alert";
import { FormButtons } from "../../../components/form-buttons";
import { notify } from "../../../components/notify";
import { QueryStatus } from "../../../components/query-status";
import { isApiError } from "../../../lib/api-client";
import { contributionQuery, useUpdateContribution } from "../api";
import { fromPeople, PeopleField, type PersonValue, toPersonInputs } from "./people-field";

/**
 * Edit a contribution's details (title, description, board number, speakers) from the timetable: for event
 * managers, session managers, and coordinators when the event gives them the Contributions right. Its time is
 * changed in the timetable itself.
 */
export function EditContributionDialog({
  eventId,
  contributionId,
  onClose,
}: {
  eventId: string;
  contributionId: string | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={contributionId !== null} onClose={onClose} title="Edit contribution" size="lg">
      {contributionId && <Loader eventId={eventId} contributionId={contributionId} onClose={onClose} />}
    </Modal>
  );
}

function Loader({
  eventId,
  contributionId,
  onClose,
}: {
  eventId: string;
  contributionId: string;
  onClose: () => void;
}) {
  const contribution = useQuery(contributionQuery(eventId, contributionId));
  return (
    <QueryStatus query={contribution} label="Loading the contribution">
      {(c) => <Form eventId={eventId} contribution={c} onClose={onClose} />}
    </QueryStatus>
  );
}

function Form({
  eventId,
  contribution,
  onClose,
}: {
  eventId: string;
  contribution: Contribution;
  onClose: () => void;
}) {
  const update = useUpdateContribution(eventId);
  const [title, setTitle] = useState(contribution.title);
  const [description, setDescription] = useState(contribution.description);
  const [boardNumber, setBoardNumber] = useState(contribution.boardNumber);
  const [speakers, setSpeakers] = useState<PersonValue[]>(fromPeople(contribution.speakers));
  const fields = isApiError(update.error) ? update.error.fields : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        id: contribution.id,
        change: { title, description, boardNumber, speakers: toPersonInputs(speakers) },
      },
      {
        onSuccess: (c) => {
          notify(`“${c.title}” was saved.`);
          onClose();
        },
      },
    );
  };
  const fieldError = (name: string, label: string) => (fields[name] ? `${label} ${fields[name]}` : undefined);
  const otherError =
    update.error && !["title", "description", "boardNumber"].some((f) => fields[f]) ? update.error.message : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Edit contribution">
      <Stack>
        <TextInput
          label="Title"
          required
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError("title", "Title")}
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldError("description", "Description")}
        />
        <TextInput
          label="Board number"
          description="For posters"
          maxLength={50}
          value={boardNumber}
          onChange={(e) => setBoardNumber(e.currentTarget.value)}
          error={fieldError("boardNumber", "Board number")}
        />
        <PeopleField legend="Speakers" singular="speaker" withEmail value={speakers} onChange={setSpeakers} />
        <ErrorAlert title="Not saved">{otherError}</ErrorAlert>
        <FormButtons onCancel={onClose} pending={update.isPending} submitLabel="Save contribution" />
      </Stack>
    </form>
  );
}
