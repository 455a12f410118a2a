import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { CommunitySession, Role } from "../../../../shared/schemas/community-sessions";
import { FormError } from "../../../components/form-error";
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
}: {
  session: CommunitySession;
  role: Role;
  onCancelled: (session: CommunitySession) => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const cancel = useCancelRegistration(session.id);

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
      <Modal
        opened={opened}
        onClose={() => {
          cancel.reset();
          close();
        }}
        title="Cancel your registration?"
        centered
      >
        <Stack>
          <FormError>{cancel.error?.message}</FormError>
          <Text>
            You give up your place as <strong>{ROLE_LABEL[role]}</strong> in “{session.title}”. Someone else can take it
            at once; you can register again while places are free. We will email you to confirm.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep my registration
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={confirm}>
              Yes, cancel my registration
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
