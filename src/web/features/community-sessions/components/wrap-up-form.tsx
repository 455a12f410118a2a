import { Alert, Badge, Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type CommunitySession, type Participant, WrapUpInput } from "../../../../shared/schemas/community-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { ApiError, isApiError } from "../../../lib/api-client";
import { useWrapUp } from "../api";
import { participantsQuery } from "../editor/api";
import { PARTICIPANT_STATUS_LABEL, ROLE_LABEL } from "../labels";

const LABELS: Record<string, string> = { recordingUrl: "Recording link", notes: "Notes" };

/** "recordingUrl", "attendance.0.participantId": a message per field, from the schema or a 400's `fields`. */
type FieldErrors = Record<string, string>;

function schemaErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    out[key] ??= issue.message;
  }
  return out;
}

function labelled(key: string, message: string): string {
  const label = LABELS[key];
  return label ? `${label} ${message}` : message;
}

/** A participant's row: Attended or No-show, with the status the server holds now. */
function AttendanceChoice({
  participant,
  attended,
  onChange,
  error,
}: {
  participant: Participant;
  attended: boolean;
  onChange: (attended: boolean) => void;
  error: string | undefined;
}) {
  const who = `${participant.name ?? participant.email} (${ROLE_LABEL[participant.role]})`;
  return (
    <Radio.Group
      label={who}
      value={attended ? "attended" : "no_show"}
      onChange={(v) => onChange(v === "attended")}
      error={error}
      data-testid="attendance-row"
    >
      <Group gap="md" mt={4} align="center">
        <Radio value="attended" label="Attended" />
        <Radio value="no_show" label="No-show" />
        <Badge variant="light" color={participant.status === "no_show" ? "red" : "gray"}>
          {PARTICIPANT_STATUS_LABEL[participant.status]}
        </Badge>
      </Group>
    </Radio.Group>
  );
}

function WrapUpFields({
  session,
  participants,
  onSaved,
}: {
  session: CommunitySession;
  /** The active participants, or null when the caller may not list them (attendance is then left as it is). */
  participants: Participant[] | null;
  onSaved?: (session: CommunitySession) => void;
}) {
  const wrapUp = useWrapUp(session.id);
  const wrapped = session.wrapUp?.wrappedUpAt ?? null;
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries((participants ?? []).map((p) => [p.id, p.status !== "no_show"])),
  );
  const [recordingUrl, setRecordingUrl] = useState(session.wrapUp?.recordingUrl ?? "");
  const [notes, setNotes] = useState(session.wrapUp?.notes ?? "");
  const [sendFollowUp, setSendFollowUp] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState("");

  const people = participants ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved("");
    const values = {
      attendance: people.map((p) => ({ participantId: p.id, attended: attended[p.id] ?? true })),
      recordingUrl,
      notes,
      sendFollowUp: wrapped === null && sendFollowUp,
    };
    const parsed = WrapUpInput.safeParse(values);
    if (!parsed.success) {
      setErrors(schemaErrors(parsed.error));
      setFormError(null);
      return;
    }
    wrapUp.mutate(values, {
      onSuccess: (updated) => {
        setErrors({});
        setFormError(null);
        setSaved(
          values.sendFollowUp
            ? "Wrap-up saved. The attendees are being emailed the follow-up."
            : "Wrap-up saved. No follow-up email was sent.",
        );
        onSaved?.(updated);
      },
      onError: (err) => {
        if (!(err instanceof ApiError)) {
          setFormError("Something went wrong. Please try again.");
          return;
        }
        setErrors(err.fields);
        setFormError(Object.keys(err.fields).length > 0 ? (isApiError(err, 400) ? err.message : null) : err.message);
      },
    });
  };

  const fieldError = (key: string) => (errors[key] ? labelled(key, errors[key]) : undefined);

  return (
    <form onSubmit={submit} noValidate aria-label="Wrap up">
      <Stack gap="md">
        {wrapped ? (
          <Text data-testid="wrapped-up-at">
            Wrapped up <Time at={wrapped} zone={session.timeZone} />
          </Text>
        ) : (
          <Text>
            The session has ended. Mark who attended, add the recording and notes, and the attendees get one follow-up
            email.
          </Text>
        )}
        <div role="status" aria-live="polite">
          {saved && (
            <Alert color="green" variant="light" data-testid="wrap-up-saved">
              {saved}
            </Alert>
          )}
        </div>
        <ErrorAlert title="Not saved">{formError}</ErrorAlert>
        {participants === null ? (
          <Text size="sm">Attendance is marked by the session's organisers.</Text>
        ) : people.length === 0 ? (
          <Text>Nobody was registered for this session.</Text>
        ) : (
          <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600}>
              Attendance
            </Text>
            {people.map((p, i) => (
              <AttendanceChoice
                key={p.id}
                participant={p}
                attended={attended[p.id] ?? true}
                onChange={(v) => setAttended((a) => ({ ...a, [p.id]: v }))}
                error={errors[`attendance.${i}.participantId`] ?? errors[`attendance.${i}.attended`]}
              />
            ))}
          </Stack>
        )}
        <TextInput
          name="recordingUrl"
          label="Recording link"
          description="An http(s) link; empty removes it."
          placeholder="https://"
          value={recordingUrl}
          onChange={(e) => {
            setRecordingUrl(e.currentTarget.value);
            setErrors(({ recordingUrl: _, ...rest }) => rest);
          }}
          error={fieldError("recordingUrl")}
        />
        <Textarea
          name="notes"
          label="Notes"
          description="What the attendees read in the follow-up and on the session page."
          autosize
          minRows={3}
          value={notes}
          onChange={(e) => {
            setNotes(e.currentTarget.value);
            setErrors(({ notes: _, ...rest }) => rest);
          }}
          error={fieldError("notes")}
        />
        <Checkbox
          name="sendFollowUp"
          label="Email the attendees a follow-up (once)"
          description={
            wrapped
              ? "The follow-up went out with the first wrap-up; saving again only updates the page."
              : "With the recording, the notes and the next sessions."
          }
          checked={wrapped === null && sendFollowUp}
          disabled={wrapped !== null}
          onChange={(e) => setSendFollowUp(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={wrapUp.isPending}>
            Save wrap-up
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Wrap up an ended session (issue #15, "After the session"): for those who manage it (the editor's Wrap up tab)
 * and for its host (a dialog on the session page). The host may not list the participants (the server's rule), so
 * they save the recording and notes only, and the follow-up goes to those the organisers marked attended.
 */
export function WrapUpForm({
  session,
  onSaved,
}: {
  session: CommunitySession;
  onSaved?: (session: CommunitySession) => void;
}) {
  // Only those who manage the session may list its participants (the host is not one of them).
  const list = useQuery({ ...participantsQuery(session.id), enabled: session.abilities.manage });
  if (!session.abilities.manage) return <WrapUpFields session={session} participants={null} onSaved={onSaved} />;
  return (
    <QueryStatus query={list} label="Loading participants">
      {(data) => (
        <WrapUpFields
          session={session}
          participants={data.participants.filter((p) => p.status !== "cancelled")}
          onSaved={onSaved}
        />
      )}
    </QueryStatus>
  );
}
