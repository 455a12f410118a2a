import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { memo, type PointerEvent as ReactPointerEvent, useId } from "react";
import type { Contribution } from "../../../../../shared/schemas/conference-contributions";
import { dayLabel, formatMinutes } from "../../local-time";
import classes from "../../timetable-editor.module.css";

/** Beside the grid: the contributions not yet scheduled, to drag into a block or schedule with a dialog. */
export const UnscheduledPanel = memo(function UnscheduledPanel({
  contributions,
  sessionTitles,
  day,
  dragging,
  onPointerDown,
  onSchedule,
}: {
  contributions: Contribution[];
  sessionTitles: ReadonlyMap<string, string>;
  /** The day shown, named in the hint. */
  day: string;
  /** The contribution being dragged out of the list. */
  dragging: string | null;
  onPointerDown(e: ReactPointerEvent, c: Contribution): void;
  onSchedule?: (c: Contribution) => void;
}) {
  const headingId = useId();
  return (
    <Paper component="aside" aria-labelledby={headingId} withBorder p="sm" className={classes.side}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={headingId}>
          Unscheduled contributions
        </Title>
        {contributions.length === 0 ? (
          <Text size="sm">Every contribution is scheduled.</Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              Drag one into a block{day ? ` on ${dayLabel(day, { short: true })}` : ""}, or use Schedule….
            </Text>
            <ul className={classes.unscheduled} aria-labelledby={headingId}>
              {contributions.map((c) => (
                <li
                  key={c.id}
                  className={classes.unscheduledItem}
                  data-testid="unscheduled-contribution"
                  data-dragging={dragging === c.id ? "" : undefined}
                  onPointerDown={(e) => onPointerDown(e, c)}
                >
                  <Text size="sm" fw={600}>
                    {c.title}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1} data-testid="unscheduled-session">
                    {c.sessionId ? (sessionTitles.get(c.sessionId) ?? "A session") : "No session (top level)"}
                  </Text>
                  <Group justify="space-between" gap={4}>
                    <Text size="xs">{formatMinutes(c.durationMinutes)}</Text>
                    {onSchedule && (
                      <Button size="compact-xs" variant="default" onClick={() => onSchedule(c)}>
                        Schedule…
                      </Button>
                    )}
                  </Group>
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
    </Paper>
  );
});
