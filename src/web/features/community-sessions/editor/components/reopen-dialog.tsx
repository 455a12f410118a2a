import { Button, Group, List, Modal, Radio, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { CommunitySession, ReopenParticipants } from "../../../../../shared/schemas/community-sessions";
import { QueryStatus } from "../../../../components/query-status";
import { ROLE_LABEL } from "../../labels";
import { participantsQuery } from "../api";

/**
 * Reopening a Cancelled session that had participants (issue 13, 1): they were told it is off and their calendars
 * dropped it, so the organiser names what becomes of them: restored (each is emailed, with the calendar invitation
 * and a link to cancel) or released (each is told their place was given up).
 */
export function ReopenDialog({
  session,
  opened,
  onClose,
  onReopen,
}: {
  session: CommunitySession;
  opened: boolean;
  onClose: () => void;
  onReopen: (participants: ReopenParticipants) => void;
}) {
  const list = useQuery({ ...participantsQuery(session.id), enabled: opened });
  const [choice, setChoice] = useState<ReopenParticipants | null>(null);
  const [missing, setMissing] = useState(false);
  const close = () => {
    setChoice(null);
    setMissing(false);
    onClose();
  };
  const submit = () => {
    if (!choice) {
      setMissing(true);
      return;
    }
    const chosen = choice;
    close();
    onReopen(chosen);
  };

  return (
    <Modal opened={opened} onClose={close} title="Reopen this cancelled session?">
      {opened && (
        <Stack>
          <QueryStatus query={list} label="Loading participants">
            {(data) => {
              const people = data.participants.filter((p) => p.status !== "cancelled");
              return (
                <>
                  <Text>
                    {people.length === 1 ? "This person was" : `These ${people.length} people were`} registered when the
                    session was cancelled, and were emailed that it is off:
                  </Text>
                  <List data-testid="reopen-people">
                    {people.map((p) => (
                      <List.Item key={p.id}>
                        {p.name ?? p.email} ({ROLE_LABEL[p.role]})
                      </List.Item>
                    ))}
                  </List>
                </>
              );
            }}
          </QueryStatus>
          <Radio.Group
            label="What becomes of them?"
            value={choice}
            onChange={(v) => {
              setChoice(v as ReopenParticipants);
              setMissing(false);
            }}
            error={missing ? "Choose whether to restore them or start empty." : undefined}
            withAsterisk
          >
            <Stack gap="sm" mt="xs">
              <Radio
                value="restore"
                label="Restore them"
                description="They are registered again. Each is emailed that the session is back on, with a calendar invitation and a link to cancel."
              />
              <Radio
                value="release"
                label="Start empty"
                description="Their registrations are cancelled. Each is emailed that their place was released."
              />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it cancelled
            </Button>
            <Button onClick={submit}>Reopen registration</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
