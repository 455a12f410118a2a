import { Button, Group } from "@mantine/core";
import { type ReactNode, useMemo, useState } from "react";
import type { Contribution } from "../../../../shared/schemas/conference-contributions";
import type {
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../../shared/schemas/timetable";
import { dayInZone } from "../../../../shared/time";
import { notify } from "../../../components/notify";
import { useDeleteBreak, useFitBlock, useUnscheduleContribution } from "../api";
import { dayLabel } from "../local-time";
import {
  blockHolding,
  blockTitle,
  undoOfBlockEdit,
  undoOfDeletedBlock,
  undoOfDeletedBreak,
  undoOfFit,
  undoOfNewBlock,
  undoOfNewBreak,
  undoOfReschedule,
  undoOfScheduled,
  undoOfUnschedule,
} from "../timetable-undo";
import { BlockDialog } from "./block-dialog";
import { BreakDialog } from "./break-dialog";
import { DeleteBlockDialog } from "./delete-block-dialog";
import { EditContributionDialog } from "./edit-contribution-dialog";
import { NewContributionDialog } from "./new-contribution-dialog";
import { RescheduleDialog, type RescheduleScope } from "./reschedule-dialog";
import { ScheduleDialog } from "./schedule-dialog";
import type { EditorMenus, EditorPermissions } from "./timetable-editor/editor-types";
import type { TimetableEditorProps } from "./timetable-editor/timetable-editor";
import { useUndoHistory } from "./timetable-editor/use-undo-history";
import type { TimetableActions } from "./timetable-view";

/** What the person may do from a timetable page (the server checks again): from the event's or session's abilities. */
export interface TimetableToolRights {
  /** Add, edit, fit, move and resize blocks. */
  blocks: boolean;
  deleteBlocks: boolean;
  /** Schedule, move and unschedule contributions in blocks; add, move and delete breaks there. */
  schedule: boolean;
  /** The same outside blocks (event managers). */
  topLevel: boolean;
  editContributions: boolean;
}

/**
 * The tools around a timetable, for the event's and a session's timetable pages alike: the buttons to add a block
 * or a break, the per-entry actions (programme view) and menus (editor), and the simple dialogs they open. Every
 * change they make is recorded in the page's undo history, which the editor shows and adds its own changes to.
 */
export function useTimetableTools(options: {
  /** The event's id, zone, start and end. */
  event: { id: string; timeZone: string; startAt: string; endAt: string };
  /** The event's days, "yyyy-MM-dd". */
  days: string[];
  /** The sessions a new block may be for; with `sessionId`, a new block is for that session. */
  sessions: { id: string; title: string }[];
  sessionId?: string;
  /** The timetable's blocks as shown: where an entry sits, and how a block was before a change (undo). */
  blocks: readonly TimetableBlock[];
  may: TimetableToolRights;
  /** The day shown, which Reschedule offers first. */
  day?: string;
  /** A day's top-level entries as they are (what a day's reschedule may move, for its undo). */
  topEntriesOn?(day: string): readonly TimetableTopEntry[];
  /** Said after "“…” was unscheduled": where the contribution is found again. */
  unscheduledHint?: string;
}): {
  /** Every action, for the programme view of those who may do them all (event managers). */
  actions: TimetableActions;
  /** The editor's props that come from the event and the person's rights. */
  editor: Pick<
    TimetableEditorProps,
    "eventId" | "zone" | "event" | "permissions" | "menus" | "onScheduleWithDialog" | "history" | "sessionTitles"
  >;
  toolbar: ReactNode;
  dialogs: ReactNode;
} {
  const { event, days, may } = options;
  const { blocks: mayBlocks, schedule: maySchedule, topLevel } = may;
  const eventId = event.id;
  const zone = event.timeZone;
  const fit = useFitBlock(eventId);
  const removeBreak = useDeleteBreak(eventId);
  const takeOut = useUnscheduleContribution(eventId);
  const [blockDialog, setBlockDialog] = useState<{ block: TimetableBlock | null } | null>(null);
  const [breakDialog, setBreakDialog] = useState<{ block: TimetableBlock | null } | null>(null);
  const [deleting, setDeleting] = useState<TimetableBlock | null>(null);
  const [scheduling, setScheduling] = useState<Contribution | null>(null);
  const [editingContribution, setEditingContribution] = useState<string | null>(null);
  const [rescheduling, setRescheduling] = useState<RescheduleScope | null>(null);
  const [creatingIn, setCreatingIn] = useState<TimetableBlock | null>(null);
  const failed = (what: string) => (err: Error) => notify(err.message, { title: `Could not ${what}`, color: "red" });
  const hint = options.unscheduledHint ? `; ${options.unscheduledHint}` : "";
  const history = useUndoHistory();
  const { blocks } = options;

  const actions: TimetableActions = {
    editBlock: (block) => setBlockDialog({ block }),
    fitBlock: (block) =>
      fit.mutate(block.id, {
        onSuccess: (b) => {
          notify([`“${block.fullTitle}” now fits its content.`, ...b.notices].join(" "));
          history.record(undoOfFit(block, b, zone));
        },
        onError: failed("fit the block"),
      }),
    addBreakIn: (block) => setBreakDialog({ block }),
    deleteBlock: setDeleting,
    unschedule: (c: TimetableContribution) =>
      takeOut.mutate(c.id, {
        onSuccess: () => {
          notify(`“${c.title}” was unscheduled${hint}.`);
          history.record(undoOfUnschedule(c, blockHolding(blocks, c.id), zone));
        },
        onError: failed("unschedule the contribution"),
      }),
    deleteBreak: (b: TimetableBreak) =>
      removeBreak.mutate(b.id, {
        onSuccess: () => {
          notify(`The break “${b.title}” was deleted.`);
          history.record(undoOfDeletedBreak(b, blockHolding(blocks, b.id), zone));
        },
        onError: failed("delete the break"),
      }),
  };
  const { editBlock, fitBlock, deleteBlock, addBreakIn, unschedule, deleteBreak } = actions;
  // The editor's menus offer only what the person may do.
  const menus: EditorMenus = {
    ...(may.editContributions ? { editContribution: (c) => setEditingContribution(c.id) } : {}),
    ...(mayBlocks
      ? { editBlock, fitBlock, rescheduleBlock: (block) => setRescheduling({ kind: "block", block }) }
      : {}),
    ...(may.deleteBlocks ? { deleteBlock } : {}),
    ...(maySchedule ? { addBreakIn, unschedule, deleteBreak, newContributionIn: setCreatingIn } : {}),
  };
  const permissions: EditorPermissions = useMemo(
    () => ({ block: () => mayBlocks, inside: () => maySchedule, topLevel }),
    [mayBlocks, maySchedule, topLevel],
  );
  const sessionTitles = useMemo(() => {
    const map = new Map<string, string>();
    for (const b of blocks) map.set(b.sessionId, b.sessionTitle);
    for (const s of options.sessions) map.set(s.id, s.title);
    return map;
  }, [blocks, options.sessions]);
  const editor = {
    sessionTitles,
    eventId,
    zone,
    event,
    permissions,
    menus,
    onScheduleWithDialog: maySchedule ? setScheduling : undefined,
    history,
  };
  // The block a contribution was scheduled into, as it was, when the person may give it back its times.
  const blockBefore = (id: string | null) => (mayBlocks && blocks.find((b) => b.id === id)) || null;
  const sessionTitle = (id: string) => options.sessions.find((s) => s.id === id)?.title ?? "";

  const toolbar = (mayBlocks || topLevel) && (
    <Group gap="sm">
      {mayBlocks && <Button onClick={() => setBlockDialog({ block: null })}>Add block</Button>}
      {topLevel && (
        <Button variant="default" onClick={() => setBreakDialog({ block: null })}>
          Add break
        </Button>
      )}
      {mayBlocks && (
        <Button
          variant="default"
          onClick={() =>
            setRescheduling({ kind: "day", day: options.day ?? days[0] ?? "", sessionId: options.sessionId })
          }
        >
          Reschedule…
        </Button>
      )}
    </Group>
  );

  const where = { eventId, zone, days };
  const dialogs = (
    <>
      <EditContributionDialog
        eventId={eventId}
        contributionId={editingContribution}
        onClose={() => setEditingContribution(null)}
      />
      <ScheduleDialog
        {...where}
        contribution={scheduling}
        onClose={() => setScheduling(null)}
        onScheduled={(c) => history.record(undoOfScheduled(c, blockBefore(c.blockId), zone))}
      />
      <BlockDialog
        {...where}
        sessions={options.sessions}
        sessionId={options.sessionId}
        block={blockDialog?.block ?? null}
        opened={blockDialog !== null}
        onClose={() => setBlockDialog(null)}
        onSaved={(saved) => {
          const before = blockDialog?.block;
          history.record(
            before
              ? undoOfBlockEdit(before, saved, zone)
              : undoOfNewBlock(saved, blockTitle(sessionTitle(saved.sessionId), saved.title), zone),
          );
        }}
      />
      <BreakDialog
        {...where}
        block={breakDialog?.block ?? null}
        opened={breakDialog !== null}
        onClose={() => setBreakDialog(null)}
        onSaved={(saved) => history.record(undoOfNewBreak(saved, zone))}
      />
      <RescheduleDialog
        eventId={eventId}
        days={days}
        scope={rescheduling}
        onClose={() => setRescheduling(null)}
        onDone={(result, scope, day) => {
          if (result.changed === 0) return;
          if (scope.kind === "block") return history.record(undoOfReschedule(scope, zone));
          const entries = scope.sessionId
            ? blocks.filter((b) => b.sessionId === scope.sessionId && dayInZone(b.startAt, zone) === day)
            : (options.topEntriesOn?.(day) ?? []);
          const label = `${scope.sessionId ? `“${sessionTitle(scope.sessionId)}” on ` : ""}${dayLabel(day, { short: true })}`;
          history.record(undoOfReschedule({ kind: "entries", label, day, entries }, zone));
        }}
      />
      <NewContributionDialog
        eventId={eventId}
        zone={zone}
        block={creatingIn}
        onClose={() => setCreatingIn(null)}
        onCreated={(c) =>
          history.record({
            label: `Added contribution “${c.title}”`,
            undo: [{ kind: "unschedule", id: c.id }],
            day: c.startAt ? dayInZone(c.startAt, zone) : null,
            id: null,
          })
        }
      />
      <DeleteBlockDialog
        eventId={eventId}
        block={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(block) => history.record(undoOfDeletedBlock(block, zone))}
      />
    </>
  );
  return { actions, editor, toolbar, dialogs };
}
