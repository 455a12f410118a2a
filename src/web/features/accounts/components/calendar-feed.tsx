import { Button, CopyButton, Group, List, Stack, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { QueryStatus } from "../../../components/query-status";
import { feedQuery, useResetFeed } from "../api";

/**
 * Calendar feed (platform.md, ICS feeds): the personal feed's secret address, to copy into a calendar app,
 * and a reset for when it leaked.
 */
export function CalendarFeed() {
  const feed = useQuery(feedQuery());
  const reset = useResetFeed();
  const [opened, { open, close }] = useDisclosure(false);
  const [done, setDone] = useState("");

  const confirmReset = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        close();
        setDone("Your feed has a new address. Subscribe again with it; the old address no longer works.");
      },
    });

  return (
    <Stack>
      <Text>
        Subscribe to this address in your calendar app to see every session you take part in, kept up to date as
        sessions change:
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>Google Calendar: Other calendars, +, From URL.</List.Item>
        <List.Item>Apple Calendar: File, New Calendar Subscription.</List.Item>
        <List.Item>Outlook: Add calendar, Subscribe from web.</List.Item>
      </List>
      <Text size="sm">
        <strong>Keep it secret:</strong> anyone with the address can read your sessions, including their meeting links.
        If it leaks, reset it.
      </Text>
      <QueryStatus query={feed} label="Loading your feed address">
        {(data) => (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="Your feed address"
              value={data.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: "1 1 320px" }}
              data-testid="feed-url"
            />
            <CopyButton value={data.url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} aria-label="Copy the feed address">
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
      </QueryStatus>
      {/* A live region from the start (announced when filled) that takes no room while empty. */}
      <VisuallyHidden role="status">{done}</VisuallyHidden>
      {done && <Text size="sm">{done}</Text>}
      <Group>
        <Button variant="outline" color="red" onClick={open} disabled={!feed.data}>
          Reset address
        </Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        onClose={() => {
          reset.reset();
          close();
        }}
        title="Reset your feed address?"
        centered
        error={reset.error}
        keepLabel="Keep the current address"
        confirmLabel="Reset address"
        pending={reset.isPending}
        onConfirm={confirmReset}
      >
        <Text>
          The current address stops working at once: calendars subscribed to it no longer get updates. You will need to
          subscribe again with the new address.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
