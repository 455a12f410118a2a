import { Button, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { CommunitySession, Role } from "../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { useCancelRegistration } from "../api";
import { ROLE_LABEL } from "../labels";

/**
 * Cancel my registration, after a confirmation (community.md, Registration (member) 6): the place is given
 * up at once and a "Registration Cancelled" email follows.
 */
export function CancelRegistration({
  session,
  role,
  onCancelled,
  askFirst = false,
}: {
  session: CommunitySession;
  role: Role;
  onCancelled: (session: CommunitySession) => void;
  /** Open the confirmation at once: the page was reached by an email's "Cancel my registration" link. */
  askFirst?: boolean;
}) {
  const [opened, { open, close }] = useDisclosure(askFirst);
  const cancel = useCancelRegistration(session.id);
  const dismiss = () => {
    cancel.reset();
    close();
  };

  const confirm = () =>
    cancel.mutate(undefined, {
      onSuccess: (updated) => {
        close();
        onCancelled(updated);
      },
    });

  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={open}>
          Cancel my registration
        </Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        onClose={dismiss}
        title="Cancel your registration?"
        centered
        error={cancel.error}
        keepLabel="Keep my registration"
        confirmLabel="Yes, cancel my registration"
        pending={cancel.isPending}
        onConfirm={confirm}
      >
        <Text>
          You give up your place as <strong>{ROLE_LABEL[role]}</strong> in “{session.title}”. Someone else can take it
          at once; you can register again while places are free. We will email you to confirm.
        </Text>
      </ConfirmDialog>
    </>
  );
}
