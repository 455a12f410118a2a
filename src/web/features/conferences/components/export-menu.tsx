import { Button, CopyButton, Group, Menu, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";

/** The files an event or one of its sessions can be taken away as (conferences.md, Exports). */
export function exportLinks(eventId: string, sessionId?: string) {
  const event = `/api/v1/events/${eventId}`;
  if (sessionId) return { calendar: `${event}/sessions/${sessionId}/calendar.ics` };
  return {
    calendar: `${event}/calendar.ics`,
    frabJson: `${event}/schedule.json`,
    frabXml: `${event}/schedule.xml`,
    csv: `${event}/sessions.csv`,
    xlsx: `${event}/sessions.xlsx`,
  };
}

/**
 * "Download / Subscribe": the calendar to subscribe to (its address to copy) or download, and for a whole event the
 * frab schedule (JSON and XML, read by conference apps and recording teams) and, for its managers, the sessions list.
 */
export function ExportMenu(props: { eventId: string; sessionId?: string; canManage?: boolean; label?: string }) {
  const links = exportLinks(props.eventId, props.sessionId);
  const [subscribing, subscribe] = useDisclosure(false);
  const address = new URL(links.calendar, window.location.origin).toString();
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default">{props.label ?? "Download / Subscribe"}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Calendar</Menu.Label>
          <Menu.Item onClick={subscribe.open}>Subscribe in a calendar app…</Menu.Item>
          <Menu.Item component="a" href={links.calendar} download>
            Calendar file (.ics)
          </Menu.Item>
          {"frabJson" in links && (
            <>
              <Menu.Label>Schedule for apps (frab)</Menu.Label>
              <Menu.Item component="a" href={links.frabXml} download="schedule.xml">
                schedule.xml
              </Menu.Item>
              <Menu.Item component="a" href={links.frabJson} download="schedule.json">
                schedule.json
              </Menu.Item>
              {props.canManage && (
                <>
                  <Menu.Label>Sessions list</Menu.Label>
                  <Menu.Item component="a" href={links.csv} download>
                    Sessions (CSV)
                  </Menu.Item>
                  <Menu.Item component="a" href={links.xlsx} download>
                    Sessions (Excel)
                  </Menu.Item>
                </>
              )}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={subscribing} onClose={subscribe.close} title="Subscribe in a calendar app" centered>
        <Stack>
          <Text size="sm">
            Add this address to your calendar app (Google Calendar: Other calendars, +, From URL; Apple Calendar: File,
            New Calendar Subscription; Outlook: Add calendar, Subscribe from web). It follows every change to the
            timetable. Calendar apps fetch it without signing in, so they show what is public.
          </Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="Calendar address"
              value={address}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: "1 1 280px" }}
            />
            <CopyButton value={address}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} aria-label="Copy the calendar address">
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
