import { Anchor, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useId } from "react";
import type { CommunitySession } from "../../../../shared/schemas/community-sessions";
import { googleCalendarUrl } from "../calendar-links";
import { sessionPaths } from "../paths";

/**
 * Meeting URL and Meeting Password as rows of a facts list (`<dl>`); the session carries them only for its
 * participants and organisers (community.md, Registration (member) 5).
 */
export function MeetingFacts({ session }: { session: CommunitySession }) {
  return (
    <>
      <dt>Meeting URL</dt>
      <dd>
        {session.meetingUrl ? (
          <Anchor href={session.meetingUrl} target="_blank" rel="noopener noreferrer" data-testid="meeting-url">
            {session.meetingUrl}
          </Anchor>
        ) : (
          "Not set yet: it will appear here and in your email."
        )}
      </dd>
      {session.meetingPassword && (
        <>
          <dt>Meeting Password</dt>
          <dd>
            <Group gap="xs">
              <Code data-testid="meeting-password">{session.meetingPassword}</Code>
              <CopyButton value={session.meetingPassword}>
                {({ copied, copy }) => (
                  <Button variant="subtle" size="compact-sm" onClick={copy} aria-label="Copy the meeting password">
                    {copied ? "Copied" : "Copy"}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </dd>
        </>
      )}
    </>
  );
}

/**
 * Add to calendar: the session's ICS file (with meeting details only for those entitled, decided by the
 * server) and a Google Calendar link that carries the session page, never the meeting URL.
 */
export function AddToCalendar({ session }: { session: CommunitySession }) {
  const labelId = useId();
  if (!session.startsAt || !session.endsAt) return null;
  const google = googleCalendarUrl({
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    pageUrl: `${window.location.origin}${sessionPaths.page(session.id)}`,
  });
  return (
    <Stack gap={4}>
      <Text fw={600} id={labelId}>
        Add to calendar
      </Text>
      <Group gap="sm" role="group" aria-labelledby={labelId}>
        <Button component="a" href={sessionPaths.api.ics(session.id)} download variant="default" size="sm">
          Download .ics file
        </Button>
        <Button component="a" href={google} target="_blank" rel="noopener noreferrer" variant="default" size="sm">
          Google Calendar
        </Button>
      </Group>
    </Stack>
  );
}
