import { Alert, Button, Group, List, Stack, Tabs, Text, Title, VisuallyHidden } from "@mantine/core";
import {
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Contribution } from "../../../../../shared/schemas/conference-contributions";
import type { TimetableBlock } from "../../../../../shared/schemas/timetable";
import { ConfirmDialog } from "../../../../components/confirm-dialog";
import { ErrorAlert } from "../../../../components/error-alert";
import { clockIn, dayLabel, formatMinutes } from "../../local-time";
import {
  blockGrowthMinutes,
  GROWTH_CONFIRM_MINUTES,
  NO_DRAFT,
  SNAP_MINUTES,
  type TimetableChange,
  undoOf,
} from "../../timetable-editing";
import classes from "../../timetable-editor.module.css";
import {
  beforeOfBlock,
  blockMovedInto,
  placesOf,
  proposalOfDrag,
  refusalInto,
  type Target,
  targetOf,
  targetOfUnscheduled,
} from "../../timetable-gestures";
import { DayGrid } from "./day-grid";
import type { ActiveDraft, EditorDay, EditorMenus, EditorPermissions, EntryContext } from "./editor-types";
import { TimeDialog } from "./time-dialog";
import { UnscheduledPanel } from "./unscheduled-panel";
import { useChangeHistory } from "./use-change-history";
import { useKeyboardDrafts } from "./use-keyboard-drafts";
import { usePointerDrag } from "./use-pointer-drag";
import type { UndoHistory } from "./use-undo-history";

export interface TimetableEditorProps {
  zone: string;
  /** The event's start and end, for the hints shown before a change is sent. */
  event: { startAt: string; endAt: string };
  eventId: string;
  days: EditorDay[];
  day: string;
  onDayChange(day: string): void;
  permissions: EditorPermissions;
  menus: EditorMenus;
  /** Contributions not yet scheduled that may be dropped into the timetable. */
  unscheduled: Contribution[];
  onScheduleWithDialog?(contribution: Contribution): void;
  ordinals: Map<string, { n: number; of: number }>;
  /** Session titles by id, to say whose an unscheduled contribution is. */
  sessionTitles: ReadonlyMap<string, string>;
  /** The page's undo history, which its menus and dialogs record into too. */
  history: UndoHistory;
}

/**
 * The timetable editor (conferences.md, "Timetable editor"): a day on a time grid, parallel entries side by side.
 * Drag an entry to move it, its lower edge to resize it, a block onto another day's tab to move it there, an
 * unscheduled contribution into a block; or by keyboard from each entry's handle; a dialog for exact times; undo.
 * Every change is one request the server re-validates; a refusal is shown with the server's reason.
 */
export function TimetableEditor(props: TimetableEditorProps) {
  const { zone, days, day, permissions, onDayChange } = props;
  const helpId = useId();
  const [timeDialog, setTimeDialog] = useState<Target | null>(null);
  // A drop that would make a block grow a lot, held until the person says so.
  const [growing, setGrowing] = useState<{
    send(): void;
    block: TimetableBlock;
    title: string;
    minutes: number;
    endMs: number;
  } | null>(null);
  const dayList = days.map((d) => d.day);
  const current = days.find((d) => d.day === day) ?? days[0];
  const blocks = useMemo(() => {
    const map = new Map<string, TimetableBlock>();
    for (const d of days) for (const e of d.entries) if (e.kind === "block") map.set(e.id, e);
    return map;
  }, [days]);
  const blockById = useCallback((id: string) => blocks.get(id) ?? null, [blocks]);
  /** A block as it is, when the person may give it back its times (undo does, in case it grew). */
  const restorable = (block: TimetableBlock | null) =>
    block && permissions.block(block) ? beforeOfBlock(block) : null;
  // Where the exact-time dialog may put a contribution or break: the blocks the person schedules into.
  const places = useMemo(
    () =>
      placesOf(
        [...blocks.values()].filter((b) => permissions.inside(b)),
        zone,
      ),
    [blocks, permissions, zone],
  );

  const changes = useChangeHistory({ eventId: props.eventId, zone, days, day, onDayChange, history: props.history });
  const { send, refuse, announce } = changes;
  const keys = useKeyboardDrafts({
    days: dayList,
    isPending: changes.isPending,
    event: props.event,
    zone,
    blockById,
    send,
    onStep: () => refuse(null),
    announce,
    openTimeDialog: setTimeDialog,
  });
  const { drag, startPointer } = usePointerDrag({
    isPending: changes.isPending,
    // The last refusal stays until the drop: closing it as a drag starts would shift the grid under the pointer.
    onStart: () => keys.clear(),
    onCancel: (target) => announce(`${target.title}: not changed.`),
    onEnd: (end, drop) => {
      refuse(null);
      const proposal = proposalOfDrag(end, drop, {
        topLevel: permissions.topLevel,
        restorable: (id) => restorable(blockById(id)),
        refusalInto: (id) => refusalOver(end.target, id),
      });
      if (!proposal) return;
      if ("refusal" in proposal) return refuse(proposal.refusal);
      const go = () => void send(proposal.change, end.target, proposal.what, proposal.draft, proposal.undo);
      const into = intoBlock(proposal.change);
      const minutes = blockGrowthMinutes(proposal.change, into);
      if (into && minutes > GROWTH_CONFIRM_MINUTES)
        setGrowing({
          send: go,
          block: into,
          title: end.target.title,
          minutes,
          endMs: Date.parse(into.endAt) + minutes * 60_000,
        });
      else go();
    },
  });
  /** Why what is held may not go into a block (refusalInto), null when it may. */
  function refusalOver(target: Target, blockId: string): string | null {
    const block = blockById(blockId);
    return block ? refusalInto(target, block, permissions.inside(block)) : null;
  }
  function intoBlock(change: TimetableChange): TimetableBlock | null {
    return "blockId" in change && change.blockId ? blockById(change.blockId) : null;
  }
  const over = drag?.overBlockId
    ? { blockId: drag.overBlockId, refusal: refusalOver(drag.target, drag.overBlockId) }
    : null;

  // Ctrl+Z anywhere in the editor (outside text fields) undoes the last change.
  const onEditorKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z") return;
    if ((e.target as HTMLElement).closest("input, textarea")) return;
    e.preventDefault();
    void changes.undo();
  };

  // What the boxes call, always the latest: the context itself stays the same object (the boxes are memoised).
  const latest = useRef({
    entriesOn: (d: string) => days.find((x) => x.day === d)?.entries ?? [],
    targetOf: (...a: Parameters<EntryContext["targetOf"]>) => targetOf(a[0], a[1], restorable(a[2]), a[3], a[4]),
    startPointer,
    onHandleKey: keys.onHandleKey,
    send,
    dropKeyDraft: keys.dropKeyDraft,
    menus: props.menus,
  });
  latest.current = {
    entriesOn: (d) => days.find((x) => x.day === d)?.entries ?? [],
    targetOf: (...a) => targetOf(a[0], a[1], restorable(a[2]), a[3], a[4]),
    startPointer,
    onHandleKey: keys.onHandleKey,
    send,
    dropKeyDraft: keys.dropKeyDraft,
    menus: props.menus,
  };
  // The menus offered stay as they are while the person's rights do; each calls the page's latest.
  const menuNames = Object.keys(props.menus).sort().join(",");
  const menus = useMemo(() => {
    const out: EditorMenus = {};
    for (const name of menuNames.split(",").filter(Boolean) as (keyof EditorMenus)[])
      out[name] = ((arg: never) => (latest.current.menus[name] as ((a: never) => void) | undefined)?.(arg)) as never;
    return out;
  }, [menuNames]);
  const ctx: EntryContext = useMemo(
    () => ({
      zone,
      event: props.event,
      helpId,
      permissions,
      menus,
      entriesOn: (d) => latest.current.entriesOn(d),
      targetOf: (...a) => latest.current.targetOf(...a),
      startPointer: (...a) => latest.current.startPointer(...a),
      onHandleKey: (...a) => latest.current.onHandleKey(...a),
      openTimeDialog: setTimeDialog,
      send: (...a) => latest.current.send(...a),
      dropKeyDraft: (id) => latest.current.dropKeyDraft(id),
    }),
    [zone, props.event, helpId, permissions, menus],
  );
  const shownDay = current?.day ?? "";
  const takeUnscheduled = useCallback(
    (e: ReactPointerEvent, c: Contribution) => latest.current.startPointer(e, targetOfUnscheduled(c, shownDay), "drop"),
    [shownDay],
  );
  // The one draft shown: the drag's, else the keys', else the change being saved.
  const active: ActiveDraft | null =
    drag && drag.mode !== "drop"
      ? { id: drag.target.before.id, draft: drag.draft, live: true }
      : keys.current
        ? { ...keys.current, live: true }
        : changes.pending
          ? { ...changes.pending, live: false }
          : null;

  const { last, refusal, notices } = changes;
  const dropping = drag?.mode === "drop" ? drag : null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Z from any focused control inside the editor
    <div className={classes.editor} onKeyDown={onEditorKey}>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            onClick={() => void changes.undo()}
            // Not `disabled`: a disabled button drops the keyboard focus (and with it Ctrl+Z) while saving.
            data-disabled={!last || changes.isPending || undefined}
            aria-disabled={!last || changes.isPending}
            aria-keyshortcuts="Control+Z"
          >
            {last ? `Undo: ${last.label}` : "Undo"}
          </Button>
          {changes.isPending && (
            <Text size="sm" c="dimmed">
              Saving…
            </Text>
          )}
        </Group>
        <Text size="sm" id={helpId}>
          Drag an entry to move it, its lower edge to lengthen or shorten it, a block onto another day's tab to move it
          there, an unscheduled contribution into a block. Times snap to {SNAP_MINUTES} minutes. By keyboard, from an
          entry's ⠿ handle: ↑/↓ move it {SNAP_MINUTES} minutes, Shift+↑/↓ shorten or lengthen it, ←/→ take a block to
          the previous or next day; Enter saves (with nothing to save it opens the dialog for exact times), Escape
          cancels, Ctrl+Z undoes the last change.
        </Text>
        {refusal && <ErrorAlert title={`Not changed: ${refusal.what}`}>{refusal.reason}</ErrorAlert>}
        {notices.length > 0 && (
          <Alert color="blue" variant="light" title="Also changed" withCloseButton onClose={changes.clearNotices}>
            <List size="sm">
              {notices.map((n) => (
                <List.Item key={n}>{n}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <VisuallyHidden aria-live="polite" role="status">
          {changes.announcement}
        </VisuallyHidden>
        <div className={classes.layout}>
          <div className={classes.main}>
            <Tabs value={current?.day ?? null} onChange={(v) => v && onDayChange(v)} keepMounted={false}>
              <Tabs.List aria-label="Days">
                {days.map((d) => (
                  <Tabs.Tab
                    key={d.day}
                    value={d.day}
                    data-drop-day={d.day}
                    data-over={drag?.overDay === d.day && drag.overDay !== drag.target.day ? "" : undefined}
                    className={classes.dayTab}
                  >
                    {dayLabel(d.day, { short: true })}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {days.map((d) => (
                <Tabs.Panel key={d.day} value={d.day} pt="md">
                  <Group gap="xs" mb="xs" align="baseline">
                    <Title order={2} size="h4">
                      {dayLabel(d.day)}
                    </Title>
                    <Text size="sm" c="dimmed">
                      Grid in {zone}
                    </Text>
                  </Group>
                  <DayGrid
                    day={d}
                    ctx={ctx}
                    active={active}
                    dragging={drag ? drag.target.before.id : null}
                    over={over}
                    ordinals={props.ordinals}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          </div>
          {(props.unscheduled.length > 0 || props.onScheduleWithDialog) && (
            <UnscheduledPanel
              contributions={props.unscheduled}
              sessionTitles={props.sessionTitles}
              day={current?.day ?? ""}
              dragging={dropping ? dropping.target.before.id : null}
              onPointerDown={takeUnscheduled}
              onSchedule={props.onScheduleWithDialog}
            />
          )}
        </div>
      </Stack>
      {dropping && (
        <div className={classes.ghost} style={{ left: dropping.x + 8, top: dropping.y + 8 }} aria-hidden>
          {dropping.target.title} · {formatMinutes(dropping.target.durationMinutes)}
        </div>
      )}
      {drag && over?.refusal && (
        // Said while held over the block, before the drop: the drop will not be sent.
        <div
          className={classes.refusalTip}
          style={{ left: drag.x + 12, top: drag.y + (dropping ? 36 : 12) }}
          data-testid="drop-refusal"
          aria-hidden
        >
          Cannot go here: {over.refusal}
        </div>
      )}
      <ConfirmDialog
        opened={growing !== null}
        title="Make the block longer?"
        keepLabel="Keep the block as it is"
        confirmLabel="Make it longer"
        onClose={() => setGrowing(null)}
        onConfirm={() => {
          growing?.send();
          setGrowing(null);
        }}
      >
        {growing && (
          <Text>
            “{growing.title}” would end after “{growing.block.fullTitle}”, which would grow by{" "}
            {formatMinutes(growing.minutes)} to end at {clockIn(growing.endMs, zone)} ({zone}).
          </Text>
        )}
      </ConfirmDialog>
      <TimeDialog
        target={timeDialog}
        zone={zone}
        days={dayList}
        places={places}
        topLevel={permissions.topLevel}
        onClose={() => setTimeDialog(null)}
        onSave={async (change, what) => {
          if (!timeDialog) return null;
          // Into another block: undo gives that block back its times too, in case it grew to take the entry.
          const into = blockMovedInto(change, timeDialog.before);
          const movedInto = into ? blockById(into) : null;
          const undo = movedInto ? undoOf(timeDialog.before, restorable(movedInto)) : undefined;
          return send(change, timeDialog, what, NO_DRAFT, undo);
        }}
      />
    </div>
  );
}
