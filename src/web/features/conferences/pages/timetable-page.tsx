import { Alert, Anchor, Button, Group, List, Modal, Stack, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import type {
  Contribution,
  EventTimetable,
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
} from "../../../../shared/schemas/conferences";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { isApiError } from "../../../lib/api-client";
import {
  contributionsQuery,
  sessionListQuery,
  timetableQuery,
  useDeleteBlock,
  useDeleteBreak,
  useFitBlock,
  useUnscheduleContribution,
} from "../api";
import { BlockDialog } from "../components/block-dialog";
import { BreakDialog } from "../components/break-dialog";
import { EditContributionDialog } from "../components/edit-contribution-dialog";
import { ConferenceNotFound } from "../components/not-found";
import { ScheduleDialog } from "../components/schedule-dialog";
import {
  InZone,
  SessionBlockLegend,
  useDayParam,
  useTimetableView,
  ViewSwitch,
  type ZoneMode,
  ZoneSwitch,
} from "../components/timetable-chrome";
import { type EditorMenus, TimetableEditor } from "../components/timetable-editor";
import { DayView, type TimetableActions, type TimetableContext } from "../components/timetable-view";
import { dayLabel } from "../local-time";
import { blockOrdinals, blocksOf } from "../timetable-layout";

function Conflicts({ timetable }: { timetable: EventTimetable }) {
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const day of timetable.days)
      for (const e of day.entries) {
        map.set(e.id, e.kind === "block" ? e.fullTitle : e.title);
        if (e.kind === "block") for (const c of e.children) map.set(c.id, c.title);
      }
    return map;
  }, [timetable]);
  if (timetable.roomConflicts.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="Rooms used twice at the same time">
      <List size="sm" spacing={2}>
        {timetable.roomConflicts.map((c) => (
          <List.Item key={`${c.firstId}-${c.secondId}-${c.fromAt}`}>
            {c.roomLabel}: “{titles.get(c.firstId) ?? "an entry"}” and “{titles.get(c.secondId) ?? "another entry"}”,{" "}
            <Time at={c.fromAt} zone={timetable.event.timeZone} /> until <Time at={c.untilAt} format="time" />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The managers' tools on the timetable: add a block or a break, and the per-entry actions in simple dialogs. */
function useManageTools(timetable: EventTimetable, enabled: boolean) {
  const eventId = timetable.event.id;
  const sessions = useQuery({ ...sessionListQuery(eventId), enabled });
  const fit = useFitBlock(eventId);
  const removeBlock = useDeleteBlock(eventId);
  const removeBreak = useDeleteBreak(eventId);
  const unschedule = useUnscheduleContribution(eventId);
  const [blockDialog, setBlockDialog] = useState<{ block: TimetableBlock | null } | null>(null);
  const [breakDialog, setBreakDialog] = useState<{ block: TimetableBlock | null } | null>(null);
  const [deleting, setDeleting] = useState<TimetableBlock | null>(null);
  const [scheduling, setScheduling] = useState<Contribution | null>(null);
  const [editingContribution, setEditingContribution] = useState<string | null>(null);
  const days = timetable.days.map((d) => d.day);
  const zone = timetable.event.timeZone;
  const failed = (what: string) => (err: Error) => notify(err.message, { title: `Could not ${what}`, color: "red" });

  const actions: TimetableActions = {
    editBlock: (block) => setBlockDialog({ block }),
    fitBlock: (block) =>
      fit.mutate(block.id, {
        onSuccess: (b) => notify([`“${block.fullTitle}” now fits its content.`, ...b.notices].join(" ")),
        onError: failed("fit the block"),
      }),
    addBreakIn: (block) => setBreakDialog({ block }),
    deleteBlock: (block) => {
      removeBlock.reset();
      setDeleting(block);
    },
    unschedule: (c: TimetableContribution) =>
      unschedule.mutate(c.id, {
        onSuccess: () => notify(`“${c.title}” was unscheduled; it stays on the Contributions page.`),
        onError: failed("unschedule the contribution"),
      }),
    deleteBreak: (b: TimetableBreak) =>
      removeBreak.mutate(b.id, {
        onSuccess: () => notify(`The break “${b.title}” was deleted.`),
        onError: failed("delete the break"),
      }),
  };

  const toolbar = (
    <Group gap="sm">
      <Button onClick={() => setBlockDialog({ block: null })}>Add block</Button>
      <Button variant="default" onClick={() => setBreakDialog({ block: null })}>
        Add break
      </Button>
    </Group>
  );

  const dialogs = (
    <>
      <EditContributionDialog
        eventId={eventId}
        contributionId={editingContribution}
        onClose={() => setEditingContribution(null)}
      />
      <ScheduleDialog
        eventId={eventId}
        zone={zone}
        days={days}
        contribution={scheduling}
        onClose={() => setScheduling(null)}
      />
      <BlockDialog
        eventId={eventId}
        zone={zone}
        days={days}
        sessions={sessions.data?.sessions ?? []}
        block={blockDialog?.block ?? null}
        opened={blockDialog !== null}
        onClose={() => setBlockDialog(null)}
      />
      <BreakDialog
        eventId={eventId}
        zone={zone}
        days={days}
        block={breakDialog?.block ?? null}
        opened={breakDialog !== null}
        onClose={() => setBreakDialog(null)}
      />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting ? `Delete block “${deleting.fullTitle}”?` : "Delete block"}
      >
        {deleting && (
          <Stack>
            <Text>
              The block leaves the timetable. Its contributions are unscheduled and keep their session; its breaks are
              deleted. The session itself stays.
            </Text>
            {removeBlock.error && (
              <Alert color="red" variant="light" role="alert">
                {removeBlock.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Keep the block
              </Button>
              <Button
                color="red"
                loading={removeBlock.isPending}
                onClick={() =>
                  removeBlock.mutate(deleting.id, {
                    onSuccess: (r) => {
                      notify(
                        `The block was deleted; ${r.contributionsUnscheduled === 1 ? "1 contribution was" : `${r.contributionsUnscheduled} contributions were`} unscheduled.`,
                      );
                      setDeleting(null);
                    },
                  })
                }
              >
                Delete block
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
  const menus: EditorMenus = { ...actions, editContribution: (c) => setEditingContribution(c.id) };
  return { actions, menus, toolbar, dialogs, schedule: setScheduling };
}

const MANAGER = { block: () => true, inside: () => true, topLevel: true };
const UNSCHEDULED = { scheduled: "no", sessionId: null, q: "" } as const;

function TimetableBody({ timetable, managing }: { timetable: EventTimetable; managing: boolean }) {
  const { event } = timetable;
  const [view, setView] = useTimetableView("edit");
  const editing = managing && view === "edit";
  const [zoneMode, setZoneMode] = useState<ZoneMode>("event");
  const ordinals = useMemo(() => blockOrdinals(blocksOf(timetable.days)), [timetable]);
  const tools = useManageTools(timetable, managing);
  const days = timetable.days;
  const [day, setDay] = useDayParam(days.map((d) => d.day));
  const manager = timetable.abilities.manage;
  const unscheduled = useQuery({ ...contributionsQuery(event.id, UNSCHEDULED), enabled: editing });
  const ctx: TimetableContext = {
    eventId: event.id,
    ordinals,
    showConflicts: manager,
    actions: managing ? tools.actions : undefined,
  };

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Anchor component={Link} to={`/events/${event.id}`}>
          Event page
        </Anchor>
        {manager && !managing && (
          <Anchor component={Link} to={`/events/${event.id}/manage/timetable`}>
            Manage the timetable
          </Anchor>
        )}
        {managing && (
          <Anchor component={Link} to={`/events/${event.id}/timetable`}>
            Public timetable
          </Anchor>
        )}
        {manager && !event.timetablePublished && (
          <Text size="sm" c="dimmed">
            Not published: only managers see it.
          </Text>
        )}
      </Group>
      <SessionBlockLegend />
      {/* The editor's grid is in the event's zone, and says so. */}
      {!editing && <ZoneSwitch eventZone={event.timeZone} mode={zoneMode} onChange={setZoneMode} />}
      {managing && <ViewSwitch view={view} onChange={setView} />}
      {managing && tools.toolbar}
      <InZone mode={zoneMode} eventZone={event.timeZone}>
        {manager && <Conflicts timetable={timetable} />}
        {editing ? (
          <TimetableEditor
            eventId={event.id}
            zone={event.timeZone}
            event={event}
            days={days}
            day={day}
            onDayChange={setDay}
            permissions={MANAGER}
            menus={tools.menus}
            unscheduled={unscheduled.data?.contributions ?? []}
            onScheduleWithDialog={tools.schedule}
            ordinals={ordinals}
          />
        ) : days.length === 0 ? (
          <Text>The event has no days.</Text>
        ) : (
          <Tabs value={day} onChange={(v) => v && setDay(v)} keepMounted={false}>
            <Tabs.List aria-label="Days">
              {days.map((d) => (
                <Tabs.Tab key={d.day} value={d.day}>
                  {dayLabel(d.day, { short: true })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {days.map((d) => (
              <Tabs.Panel key={d.day} value={d.day} pt="md">
                <Stack gap="sm">
                  <Text fw={700} size="lg" component="h2" m={0}>
                    {dayLabel(d.day)}
                  </Text>
                  <DayView entries={d.entries} ctx={ctx} />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </InZone>
      {managing && tools.dialogs}
    </Stack>
  );
}

function TimetableScreen({ eventId, editing }: { eventId: string; editing: boolean }) {
  const timetable = useQuery(timetableQuery(eventId));
  if (isApiError(timetable.error, 404) || isApiError(timetable.error, 400)) return <ConferenceNotFound />;
  return (
    <QueryStatus query={timetable} label="Loading the timetable">
      {(t) => (
        <Page title={editing ? "Timetable" : `Timetable: ${t.event.title}`} width="100%">
          <TimetableBody timetable={t} managing={editing && t.abilities.manage} />
        </Page>
      )}
    </QueryStatus>
  );
}

/** `/events/:eventId/timetable`: the event timetable, public once published. */
export function TimetablePage() {
  const { eventId = "" } = useParams();
  return <TimetableScreen eventId={eventId} editing={false} />;
}

/** Organisation ▸ Timetable: the same timetable with the managers' dialogs (blocks, breaks, fit, unschedule). */
export function ManageTimetablePage() {
  const { eventId = "" } = useParams();
  return <TimetableScreen eventId={eventId} editing />;
}
