import { Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { aRole } from "../../../../shared/labels";
import type { CommunitySession, MyWaitlistEntry } from "../../../../shared/schemas/community-sessions";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ErrorAlert } from "../../../components/error-alert";
import { Time } from "../../../components/time";
import { useAcceptMyOffer, useLeaveWaitlist } from "../api";
import { ROLE_LABEL } from "../labels";
import { placeOf, waitlistStanding } from "../role-offers";

/**
 * The caller's place in a waitlist of the session (issue #15): their place in line and Leave, or the place held
 * for them with its deadline (in their zone, named) and Accept or Decline. Leaving and declining ask first: the
 * place in line, or the place held, goes to the next person and does not come back.
 */
export function WaitlistStanding({
  session,
  entry,
  onAccepted,
  onLeft,
}: {
  session: CommunitySession;
  entry: MyWaitlistEntry;
  onAccepted: (session: CommunitySession) => void;
  onLeft: (message: string) => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const accept = useAcceptMyOffer(session.id);
  const leave = useLeaveWaitlist(session.id);
  const offered = entry.status === "offered";
  const role = ROLE_LABEL[entry.role];
  const dismiss = () => {
    leave.reset();
    close();
  };
  const confirmLeave = () =>
    leave.mutate(undefined, {
      onSuccess: () => {
        close();
        onLeft(
          offered
            ? `You declined the ${role} place: it goes to the next person in line.`
            : `You left the ${role} waitlist.`,
        );
      },
    });

  return (
    <Stack gap="md">
      {entry.reason && <Text data-testid="waitlist-reason">{entry.reason}</Text>}
      {offered ? (
        <Text fw={600} data-testid="waitlist-standing">
          {waitlistStanding(entry)}{" "}
          {entry.offerExpiresAt ? <Time at={entry.offerExpiresAt} zone={session.timeZone} /> : "the session starts"}.
        </Text>
      ) : (
        <Text fw={600} data-testid="waitlist-standing">
          {waitlistStanding(entry)}.
        </Text>
      )}
      <Text size="sm">
        {offered
          ? "Accept it to be registered and see the meeting link. If you do not answer in time, it goes to the next person in line."
          : `When ${aRole(entry.role)} place frees and you are first in line, we email you an offer.`}
      </Text>
      <ErrorAlert title="Not accepted">{accept.error?.message}</ErrorAlert>
      <Group>
        {offered && (
          <Button loading={accept.isPending} onClick={() => accept.mutate(undefined, { onSuccess: onAccepted })}>
            Accept the place
          </Button>
        )}
        <Button color="red" variant="outline" onClick={open}>
          {offered ? "Decline" : "Leave the waitlist"}
        </Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        onClose={dismiss}
        title={offered ? "Decline the place?" : "Leave the waitlist?"}
        centered
        error={leave.error}
        keepLabel={offered ? "Keep the offer" : "Stay in line"}
        confirmLabel={offered ? "Yes, decline" : "Yes, leave the waitlist"}
        pending={leave.isPending}
        onConfirm={confirmLeave}
      >
        <Text>
          {offered
            ? `${placeOf(entry.role)} in “${session.title}” is held for you. Declining gives it to the next person in line at once.`
            : `You give up your place in the ${role} line of “${session.title}”. You can join again while the role is full, at the back of the line.`}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
