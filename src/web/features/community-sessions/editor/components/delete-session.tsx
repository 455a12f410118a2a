import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { CommunitySession } from "../../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../../components/confirm-dialog";
import { notify } from "../../../../components/notify";
import { sessionPaths } from "../../paths";
import { useDeleteSession } from "../api";
import { activeCount } from "./status-controls";

/**
 * Who deleting tells, as the server decides (lifecycle.ts `deletionTellsParticipants`, issue 13, 5): the active
 * participants, unless they were told when the session was cancelled or it is over.
 */
function deletionNotice(session: CommunitySession, people: number): string | null {
  if (people === 0) return null;
  if (session.status === "cancelled") return "Nobody is emailed: the participants were told when it was cancelled.";
  if (session.endsAt && Date.parse(session.endsAt) <= Date.now()) return "Nobody is emailed: the session is over.";
  return people === 1
    ? "Its active participant is emailed that the session is cancelled, with a calendar cancellation."
    : `Each of its ${people} active participants is emailed that the session is cancelled, with a calendar cancellation.`;
}

/**
 * Delete, at the bottom of Details (community.md, Session editor): removes the session and every participant
 * record after a confirmation that suggests cancelling instead, then goes back to Admin > Sessions.
 */
export function DeleteSession({ session }: { session: CommunitySession }) {
  const remove = useDeleteSession(session.id);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const people = activeCount(session);
  const told = deletionNotice(session, people);
  // An error belongs to one attempt: the next time the dialog opens, it is gone.
  const close = () => {
    setOpen(false);
    remove.reset();
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="delete-heading">
      <Title order={2} size="h3" id="delete-heading">
        Delete this session
      </Title>
      <Text size="sm">
        Removes the session and all its participant records for good. To keep the history, cancel it instead.
      </Text>
      <Group>
        <Button color="red" variant="outline" onClick={() => setOpen(true)}>
          Delete
        </Button>
      </Group>
      <ConfirmDialog
        opened={open}
        onClose={close}
        title="Delete this session?"
        error={remove.error}
        keepLabel="Keep the session"
        confirmLabel="Delete session"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              close();
              notify(`“${session.title}” was deleted.`);
              navigate(sessionPaths.adminList, { replace: true });
            },
          })
        }
      >
        <Text>
          “{session.title}” and {people === 1 ? "its 1 participant record" : `all ${people} participant records`} will
          be removed permanently. This cannot be undone.
        </Text>
        {told && <Text data-testid="delete-notice">{told}</Text>}
        <Text>
          To keep the history of who registered and who attended, cancel the session instead
          {session.abilities.statusActions.includes("cancel") ? " (Cancel session, at the top of Details)" : ""}.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
