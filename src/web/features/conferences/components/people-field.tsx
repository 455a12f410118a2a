import { Button, CloseButton, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";

export interface PersonValue {
  name: string;
  affiliation: string;
  email: string;
}

const emptyPerson = (): PersonValue => ({ name: "", affiliation: "", email: "" });

/**
 * People shown with a block (conveners) or a contribution (speakers): name, affiliation and, when asked for, an
 * email. Display only: they gain no rights (conferences.md).
 */
export function PeopleField({
  legend,
  singular,
  value,
  onChange,
  withEmail = false,
  error,
}: {
  legend: string;
  /** "convener", "speaker": names the buttons. */
  singular: string;
  value: PersonValue[];
  onChange: (people: PersonValue[]) => void;
  withEmail?: boolean;
  error?: string;
}) {
  const set = (i: number, change: Partial<PersonValue>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="xs">
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        )}
        {value.map((person, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label="Name"
              aria-label={`Name of ${singular} ${i + 1}`}
              value={person.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              required
              maxLength={200}
              style={{ flex: "1 1 160px" }}
            />
            <TextInput
              label="Affiliation"
              aria-label={`Affiliation of ${singular} ${i + 1}`}
              value={person.affiliation}
              onChange={(e) => set(i, { affiliation: e.currentTarget.value })}
              maxLength={200}
              style={{ flex: "1 1 140px" }}
            />
            {withEmail && (
              <TextInput
                label="Email (optional)"
                aria-label={`Email of ${singular} ${i + 1} (optional)`}
                type="email"
                value={person.email}
                onChange={(e) => set(i, { email: e.currentTarget.value })}
                style={{ flex: "1 1 180px" }}
              />
            )}
            <CloseButton
              aria-label={`Remove ${singular} ${i + 1}`}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              mb={6}
            />
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" size="compact-sm" onClick={() => onChange([...value, emptyPerson()])}>
            Add {singular}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The people as the API takes them: empty rows left out. */
export function toPersonInputs(people: PersonValue[]) {
  return people
    .filter((p) => p.name.trim() !== "" || p.affiliation.trim() !== "" || p.email.trim() !== "")
    .map((p) => ({ name: p.name, affiliation: p.affiliation, email: p.email.trim() === "" ? null : p.email }));
}

export function fromPeople(people: { name: string; affiliation: string; email: string | null }[]): PersonValue[] {
  return people.map((p) => ({ name: p.name, affiliation: p.affiliation, email: p.email ?? "" }));
}
