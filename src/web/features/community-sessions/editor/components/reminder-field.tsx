import { Group, Radio, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ReminderTimesInput } from "../../../../components/reminder-times-input";
import { meQuery } from "../../../../lib/me";
import { reminderSettingsQuery } from "../../../../lib/reminder-settings";
import { formatReminderTimes } from "../../../../lib/reminder-times";
import { FIELD_LABEL } from "../fields";

/**
 * The session's reminder times (issue #15): the site's (null), or its own list. Only admins may read the site's
 * times, so others see "The site's times" without them. Choosing Own times changes nothing until a time is
 * added; an own list left empty means no reminders for this session.
 */
export function ReminderField({
  value,
  onChange,
  error,
}: {
  value: number[] | null;
  onChange(minutes: number[] | null): void;
  error: string | undefined;
}) {
  const me = useQuery(meQuery());
  const site = useQuery({ ...reminderSettingsQuery(), enabled: me.data?.isAdmin === true });
  const [ownChosen, setOwnChosen] = useState(false);
  const own = value !== null || ownChosen;
  const siteTimes = site.data ? formatReminderTimes(site.data.defaultMinutes) : null;
  const siteLabel =
    siteTimes === null
      ? "The site's times"
      : siteTimes === ""
        ? "The site's times (none)"
        : `The site's times (${siteTimes})`;

  return (
    <Stack gap="xs">
      <Radio.Group
        label={FIELD_LABEL.reminderMinutes}
        description="Each reminder goes once to the participants, with the meeting link."
        value={own ? "own" : "site"}
        onChange={(choice) => {
          setOwnChosen(choice === "own");
          if (choice === "site") onChange(null);
        }}
        error={own ? undefined : error}
      >
        <Group mt="xs" gap="lg">
          <Radio value="site" label={siteLabel} />
          <Radio value="own" label="Own times" />
        </Group>
      </Radio.Group>
      {own && (
        <ReminderTimesInput
          label="Own reminder times"
          description={
            value === null
              ? "Add a time, e.g. 2h, 90m or 3d; until then the site's times apply."
              : value.length === 0
                ? "None listed: no reminders for this session."
                : "Before the start, e.g. 2h, 90m or 3d (at most 5)."
          }
          value={value ?? []}
          onChange={onChange}
          error={error}
          maw={560}
        />
      )}
    </Stack>
  );
}
