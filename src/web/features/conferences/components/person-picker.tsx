import { Button, Combobox, Text, TextInput, useCombobox, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import type { PersonFound } from "../../../../shared/schemas/conference-sessions";
import { isApiError } from "../../../lib/api-client";
import { peopleQuery } from "../protection-api";
import { refusalToAdd, resolveTyped } from "../protection-lists";

/** The shortest text the server searches for. */
const MIN_SEARCH = 2;

/** "Ada Lovelace (ada@example.org)", or the email alone for an account without a name. */
const labelOf = (p: PersonFound) => (p.name ? `${p.name} (${p.email})` : p.email);

/**
 * Finds a person with an account for a protection list (issue 13): typing part of a name or the start of an email
 * lists the matching accounts; choosing one, or typing a whole email and Add, names them, and only once the server
 * knows the account. An email without one is refused here, at the field, before anything is saved.
 */
export function PersonPicker({
  eventId,
  sessionId,
  singular,
  taken,
  error,
  pending,
  onPick,
}: {
  eventId: string;
  /** The shield's search (the session's managers); null: the event's (its managers). */
  sessionId: string | null;
  /** Names the field and its button: "coordinator" gives "New coordinator" and "Add coordinator". */
  singular: string;
  /** Emails already in the list: shown, not offered again. */
  taken: ReadonlySet<string>;
  /** A message from elsewhere (the server's refusal on Save), shown at the field. */
  error?: string;
  pending?: boolean;
  onPick: (person: PersonFound) => void;
}) {
  const qc = useQueryClient();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const searching = debounced.length >= MIN_SEARCH;
  const found = useQuery({ ...peopleQuery(eventId, sessionId, debounced), enabled: searching });
  const people = searching ? (found.data?.people ?? []) : [];

  const pick = (person: PersonFound) => {
    const refused = refusalToAdd(
      [...taken].map((email) => ({ email, name: null })),
      person.email,
    );
    if (refused) {
      setRefusal(refused);
      return;
    }
    setRefusal(null);
    setText("");
    combobox.closeDropdown();
    onPick(person);
  };

  /** Add (or Enter with nothing highlighted): the one typed, by their whole email, once the server knows it. */
  const addTyped = async () => {
    const resolved = resolveTyped(text, people);
    if ("person" in resolved) return pick(resolved.person);
    if ("error" in resolved) {
      setRefusal(resolved.error);
      return;
    }
    setChecking(true);
    try {
      const answer = await qc.fetchQuery(peopleQuery(eventId, sessionId, resolved.lookUp));
      const person = answer.people.find((p) => p.email === resolved.lookUp);
      if (person) pick(person);
      else setRefusal(`No active account uses ${resolved.lookUp}; ask them to sign up first`);
    } catch (err) {
      setRefusal(isApiError(err) ? err.message : "The search failed. Please try again.");
    } finally {
      setChecking(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter on a highlighted person chooses them (the combobox does it); otherwise it adds what was typed, and
    // never submits the dialog around it.
    if (e.key !== "Enter") return;
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
    e.preventDefault();
    void addTyped();
  };

  const searchError = found.error ? (isApiError(found.error) ? found.error.message : "The search failed.") : null;
  const shown = refusal ?? error ?? searchError ?? undefined;
  const nobody = searching && found.isSuccess && people.length === 0 && text.trim() === debounced;
  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(email) => {
        const person = people.find((p) => p.email === email);
        if (person) pick(person);
      }}
    >
      <Combobox.Target withExpandedAttribute>
        <TextInput
          label={`New ${singular}`}
          description={
            nobody
              ? "Nobody with an account matches: type their whole email, or ask them to sign up first"
              : "Search by name or email; only people with an account"
          }
          placeholder="Name or email"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setRefusal(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => text.trim().length >= MIN_SEARCH && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          error={shown}
          maw={520}
          rightSectionWidth={96}
          rightSectionPointerEvents="all"
          rightSection={
            <Button variant="default" size="compact-sm" onClick={() => void addTyped()} loading={pending || checking}>
              Add<VisuallyHidden> {singular}</VisuallyHidden>
            </Button>
          }
        />
      </Combobox.Target>
      {/* Only people are listed; what the search found otherwise is said under the field. */}
      <Combobox.Dropdown hidden={people.length === 0}>
        <Combobox.Options aria-label={`People to add as ${singular}`}>
          {people.map((p) => (
            <Combobox.Option value={p.email} key={p.email} disabled={taken.has(p.email)}>
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {labelOf(p)}
                {taken.has(p.email) && " · already in the list"}
              </Text>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
