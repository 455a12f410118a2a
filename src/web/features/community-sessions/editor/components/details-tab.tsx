import {
  Alert,
  Button,
  Divider,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { FormEvent } from "react";
import type { CommunitySession } from "../../../../../shared/schemas/community-sessions";
import { FormError } from "../../../../components/form-error";
import { Time } from "../../../../components/time";
import { TimeZoneSelect } from "../../../../components/time-zone-select";
import { type SaveState, useSessionAutosave } from "../autosave";
import { FIELD_LABEL, type FieldKey } from "../fields";
import { Agenda } from "./agenda";
import { DeleteSession } from "./delete-session";
import { ReminderField } from "./reminder-field";
import { StatusControls } from "./status-controls";

/** "Saving..." then "Auto-saved at 14:03:12 …", read out by screen readers as it changes. */
function SaveIndicator({ state, creating }: { state: SaveState; creating: boolean }) {
  return (
    <Text role="status" aria-live="polite" size="sm" c={state.kind === "failed" ? "red.9" : "dimmed"} mih={22}>
      {state.kind === "saving" ? (
        "Saving..."
      ) : state.kind === "saved" ? (
        <>
          Auto-saved at <Time at={state.at} format="time-seconds" />
        </>
      ) : state.kind === "failed" ? (
        state.message
      ) : creating ? (
        "Not created yet: the session is saved as a Draft as soon as it has a Title."
      ) : (
        "Changes save automatically."
      )}
    </Text>
  );
}

/** The fields typed as text (the switch and the reminder times are not). */
type TextKey = Exclude<FieldKey, "hasInterviewer" | "reminderMinutes">;

const NUMBER_HINT: Partial<Record<FieldKey, string>> = {
  durationMinutes: "Length in minutes",
  maxPresenters: "How many presenter slots",
  maxGuests: "How many guest slots",
  talkMinutes: "Minutes per presenter talk",
  qaMinutes: "Minutes for Q&A after each talk",
};

/**
 * The Details tab (community.md, Session editor): the twelve fields in the seed's order with its labels, no
 * save button (autosave), the status buttons, the implied agenda, and Delete at the bottom. With `session`
 * null it is New Session's form, and the first save creates the session.
 */
export function DetailsTab({
  session,
  onCreated,
}: {
  session: CommunitySession | null;
  onCreated: (session: CommunitySession) => void;
}) {
  const form = useSessionAutosave(session, onCreated);
  const { values, errors } = form;

  const text = (key: TextKey) => ({
    label: FIELD_LABEL[key],
    name: key,
    value: values[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => form.setValue(key, e.currentTarget.value),
  });

  const numberField = (key: TextKey, min: number, max: number) => (
    <NumberInput
      label={FIELD_LABEL[key]}
      description={NUMBER_HINT[key]}
      name={key}
      value={values[key]}
      error={errors[key]}
      onChange={(v) => form.setValue(key, String(v))}
      min={min}
      max={max}
      // Nothing typed is changed (issue 13, 7: "-1" became 1, "12.5" became 125): the rule is shown instead.
      clampBehavior="none"
      hideControls
    />
  );

  // Enter in a field saves at once rather than submitting anything.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.flush();
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        {session ? (
          <StatusControls session={session} beforeChange={form.flush} onRefused={form.showFieldErrors} />
        ) : (
          <Text size="sm">New sessions start in Draft: members see them only once you open them.</Text>
        )}
        <SaveIndicator state={form.saveState} creating={session === null} />
      </Group>

      {form.conflict && (
        <Alert color="orange" variant="light" role="alert" title="Someone else saved this session meanwhile">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Your latest changes were not saved, and nothing of theirs was overwritten. Reload to see their version,
              then make your changes again.
            </Text>
            <Button size="compact-md" onClick={() => void form.reload()}>
              Reload
            </Button>
          </Stack>
        </Alert>
      )}
      <FormError>{form.formError}</FormError>

      <form onSubmit={submit} noValidate aria-label="Session details">
        <Stack gap="md">
          {/* No maxLength: a longer title pasted in is kept and refused with the rule, not cut (issue 13, 7). */}
          <TextInput {...text("title")} required />
          <Textarea
            {...text("description")}
            description="Markdown: **bold**, _italic_, [links](https://…), lists. Shown to members."
            autosize
            minRows={4}
            maxRows={16}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              {...text("startsLocal")}
              type="datetime-local"
              description="When the session starts, in its Timezone"
            />
            <TimeZoneSelect
              label={FIELD_LABEL.timeZone}
              description="The session's timezone"
              value={values.timeZone}
              onChange={(v) => v && form.setValue("timeZone", v)}
              error={errors.timeZone}
              allowDeselect={false}
              nothingFoundMessage="No timezone matches"
            />
            {numberField("durationMinutes", 5, 720)}
          </SimpleGrid>
          <ReminderField
            value={values.reminderMinutes}
            onChange={(minutes) => form.setValue("reminderMinutes", minutes)}
            error={errors.reminderMinutes}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...text("meetingUrl")}
              type="url"
              description="Link to Zoom, Google Meet, etc. Only participants see it."
            />
            <TextInput
              {...text("meetingPassword")}
              autoComplete="off"
              description="Optional password for the meeting"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {numberField("maxPresenters", 0, 50)}
            {numberField("maxGuests", 0, 10_000)}
            {numberField("talkMinutes", 1, 240)}
            {numberField("qaMinutes", 0, 120)}
          </SimpleGrid>
          <Switch
            label={FIELD_LABEL.hasInterviewer}
            description="Whether to include an interviewer role"
            name="hasInterviewer"
            checked={values.hasInterviewer}
            onChange={(e) => form.setValue("hasInterviewer", e.currentTarget.checked)}
            error={errors.hasInterviewer}
          />
        </Stack>
      </form>

      {session && (
        <>
          <Divider />
          <Agenda session={session} />
          <Divider />
          <DeleteSession session={session} />
        </>
      )}
    </Stack>
  );
}
