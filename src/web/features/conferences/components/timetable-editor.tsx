import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Menu,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import {
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type {
  Contribution,
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../../shared/schemas/conferences";
import { notify } from "../../../components/notify";
import { isApiError } from "../../../lib/api-client";
import { useTimetableChanges } from "../api";
import { clockOf, dayLabel, dayOf, formatMinutes, instantToLocal, joinLocal, localToInstant } from "../local-time";
import {
  applyDraft,
  assignColumns,
  changeFromDraft,
  type Draft,
  draftHints,
  type EntryBefore,
  gridWindow,
  hourMarks,
  isEmptyDraft,
  isoOf,
  minutesBetween,
  moveInOrder,
  NO_DRAFT,
  PX_PER_MINUTE,
  parallelBlocks,
  SNAP_MINUTES,
  snap,
  type TimetableChange,
  undoOf,
  yOf,
} from "../timetable-editing";
import classes from "../timetable-editor.module.css";
import { MinutesField } from "./minutes-field";
import { EntryMenu } from "./timetable-view";

/** A day of the editor: its local midnights and its top-level entries, side by side in their columns. */
export interface EditorDay {
  day: string;
  startAt: string;
  endAt: string;
  entries: TimetableTopEntry[];
}

/** What the person may change (the server checks again): from the event's or the session's abilities. */
export interface EditorPermissions {
  /** Move, resize, reorder this block or take it to another day. */
  block(block: TimetableBlock): boolean;
  /** Move and resize what is inside this block, drop contributions and breaks into it. */
  inside(block: TimetableBlock): boolean;
  /** Contributions and breaks outside blocks (event managers). */
  topLevel: boolean;
}

/** The dialogs and actions of the page around the editor, offered in each entry's menu when permitted. */
export interface EditorMenus {
  editBlock?(block: TimetableBlock): void;
  fitBlock?(block: TimetableBlock): void;
  addBreakIn?(block: TimetableBlock): void;
  deleteBlock?(block: TimetableBlock): void;
  unschedule?(contribution: TimetableContribution): void;
  editContribution?(contribution: TimetableContribution): void;
  deleteBreak?(entry: TimetableBreak): void;
}

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
}

type Parent = Extract<EntryBefore, { kind: "block" }>;

/** What is being changed: an entry of the timetable (with its block), or an unscheduled contribution. */
interface Target {
  before: EntryBefore;
  parent: Parent | null;
  title: string;
  day: string;
  durationMinutes: number;
}

interface PointerDrag {
  target: Target;
  mode: "move" | "resize" | "drop";
  startX: number;
  startY: number;
  x: number;
  y: number;
  started: boolean;
  draft: Draft;
  overDay?: string;
  overBlockId?: string;
}

interface Refusal {
  what: string;
  reason: string;
}

function beforeOfTop(entry: TimetableTopEntry): EntryBefore {
  if (entry.kind === "block") return { kind: "block", id: entry.id, startAt: entry.startAt, endAt: entry.endAt };
  return { kind: entry.kind, id: entry.id, blockId: null, startAt: entry.startAt, endAt: entry.endAt };
}

function beforeOfChild(child: TimetableContribution | TimetableBreak, block: TimetableBlock): EntryBefore {
  return { kind: child.kind, id: child.id, blockId: block.id, startAt: child.startAt, endAt: child.endAt };
}

const blockBefore = (b: TimetableBlock): Parent => ({ kind: "block", id: b.id, startAt: b.startAt, endAt: b.endAt });

/** "09:30" in the event's zone: the grid's hour lines and the handles' names (the grid names its zone once). */
const clockIn = (ms: number, zone: string): string => clockOf(instantToLocal(ms, zone));

function describeTimes(startMs: number, endMs: number, zone: string): string {
  return `${clockIn(startMs, zone)}–${clockIn(endMs, zone)}`;
}

/**
 * The timetable editor (conferences.md, "Timetable editor"): a day on a time grid, parallel entries side by side.
 * Drag an entry to move it, its lower edge to resize it, a block onto another day's tab to move it there, an
 * unscheduled contribution into a block; or by keyboard from each entry's handle; a dialog for exact times; undo.
 * Every change is one request the server re-validates; a refusal is shown with the server's reason.
 */
export function TimetableEditor(props: TimetableEditorProps) {
  const { zone, eventId, days, day, permissions, menus } = props;
  const changes = useTimetableChanges(eventId);
  const helpId = useId();
  const [drag, setDrag] = useState<PointerDrag | null>(null);
  const [keyDraft, setKeyDraft] = useState<{ target: Target; draft: Draft } | null>(null);
  const [pending, setPending] = useState<{ id: string; draft: Draft } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [history, setHistory] = useState<{ label: string; undo: TimetableChange[]; day: string; id: string }[]>([]);
  // A block taken to another day: the editor follows it there and gives its handle the focus back.
  const [follow, setFollow] = useState<{ id: string } | null>(null);
  const { onDayChange } = props;
  const [announcement, setAnnouncement] = useState("");
  const [timeDialog, setTimeDialog] = useState<Target | null>(null);
  const dayList = days.map((d) => d.day);
  const current = days.find((d) => d.day === day) ?? days[0];
  const blocks = useMemo(() => {
    const map = new Map<string, TimetableBlock>();
    for (const d of days) for (const e of d.entries) if (e.kind === "block") map.set(e.id, e);
    return map;
  }, [days]);
  const blockById = useCallback((id: string) => blocks.get(id) ?? null, [blocks]);
  // Where the exact-time dialog may put a contribution or break: the blocks the person schedules into.
  const places: Place[] = useMemo(
    () =>
      [...blocks.values()]
        .filter((b) => permissions.inside(b))
        .map((b) => ({
          blockId: b.id,
          day: instantToLocal(b.startAt, zone).slice(0, 10),
          isPoster: b.isPoster,
          label: `${b.fullTitle}, ${dayLabel(instantToLocal(b.startAt, zone).slice(0, 10), { short: true })} ${describeTimes(Date.parse(b.startAt), Date.parse(b.endAt), zone)}`,
        })),
    [blocks, permissions, zone],
  );

  const send = useCallback(
    async (
      change: TimetableChange,
      target: Target,
      what: string,
      draft: Draft = NO_DRAFT,
      undoChanges?: TimetableChange[],
    ): Promise<string | null> => {
      setRefusal(null);
      setPending({ id: target.before.id, draft });
      try {
        const answer = await changes.mutateAsync([change]);
        // An entry inside a block: undo also gives the block back its times, if the person may change them.
        const undo = undoChanges ?? undoOf(target.before, target.parent);
        setHistory((h) => [...h.slice(-19), { label: what, undo, day: target.day, id: target.before.id }]);
        // A block or top-level entry now on another day: the editor follows it there.
        const newDay =
          change.kind === "block-day"
            ? change.day
            : "startAt" in change && !("blockId" in change && change.blockId)
              ? instantToLocal(change.startAt, zone).slice(0, 10)
              : target.day;
        if (newDay !== target.day) {
          onDayChange(newDay);
          setFollow({ id: target.before.id });
        }
        setNotices(answer);
        setAnnouncement(`${what}: saved.${answer.length ? ` ${answer.join(" ")}` : ""}`);
        if (answer.length) notify(answer.join(" "), { title: "Also changed" });
        return null;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        setRefusal({ what, reason });
        setAnnouncement(`Not changed: ${reason}`);
        return reason;
      } finally {
        setPending(null);
      }
    },
    [changes, onDayChange, zone],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the days (the refetched data) or the shown day change, until the handle exists
  useEffect(() => {
    if (!follow) return;
    const handle = document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(follow.id)}"] [data-grip]`);
    if (handle) {
      handle.focus();
      setFollow(null);
    }
  }, [follow, days, day]);

  const undo = useCallback(async () => {
    const last = history.at(-1);
    if (!last || changes.isPending) return;
    setRefusal(null);
    try {
      const answer = await changes.mutateAsync(last.undo);
      setHistory((h) => h.slice(0, -1));
      if (last.day !== day) {
        onDayChange(last.day);
        setFollow({ id: last.id });
      }
      setNotices(answer);
      setAnnouncement(`Undone: ${last.label}.`);
      notify(`Undone: ${last.label}.`);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setRefusal({ what: `Undo “${last.label}”`, reason: `${reason} It cannot be undone any more.` });
      // Refused (the entry changed or went meanwhile): keep it from blocking the undos before it.
      if (isApiError(err) && err.status < 500) setHistory((h) => h.slice(0, -1));
    }
  }, [history, changes, day, onDayChange]);

  /** The target as the person may change it: the parent is kept for undo only when they may restore the block. */
  const targetOf = (before: EntryBefore, title: string, block: TimetableBlock | null, entryDay: string): Target => ({
    before,
    parent: block && permissions.block(block) ? blockBefore(block) : null,
    title,
    day: entryDay,
    durationMinutes: "startAt" in before ? minutesBetween(before.startAt, before.endAt) : 0,
  });

  // ------------------------------------------------------------------ mouse

  const finishDrag = useCallback(
    (state: PointerDrag) => {
      setDrag(null);
      if (!state.started) return;
      const { target } = state;
      const label = `${target.title}`;
      if (state.mode === "drop") {
        const place = dropPlace(state.x, state.y);
        if (!place) {
          setRefusal({ what: `Schedule “${target.title}”`, reason: "drop it on the timetable of a day." });
          return;
        }
        if (!place.blockId && !permissions.topLevel) {
          setRefusal({ what: `Schedule “${target.title}”`, reason: "drop it into one of its session's blocks." });
          return;
        }
        const into = place.blockId ? blockById(place.blockId) : null;
        void send(
          {
            kind: "contribution-time",
            id: target.before.id,
            blockId: place.blockId,
            startAt: isoOf(place.startMs),
            durationMinutes: target.durationMinutes,
          },
          target,
          `Scheduled “${target.title}”`,
          NO_DRAFT,
          undoOf(target.before, into && permissions.block(into) ? blockBefore(into) : null),
        );
        return;
      }
      if (target.before.kind === "block" && state.overDay && state.overDay !== target.day) {
        void send(
          { kind: "block-day", blockId: target.before.id, day: state.overDay },
          target,
          `Moved “${label}” to ${dayLabel(state.overDay)}`,
        );
        return;
      }
      let change = changeFromDraft(target.before, state.draft);
      let undoChanges: TimetableChange[] | undefined;
      // An entry dropped over another block goes into it (the server says whether it may); undo gives that
      // block back its times too, in case it grew to take the entry.
      if (
        change &&
        state.mode === "move" &&
        (change.kind === "contribution-time" || change.kind === "break-time") &&
        change.blockId !== null &&
        state.overBlockId &&
        state.overBlockId !== change.blockId
      ) {
        change = { ...change, blockId: state.overBlockId };
        const into = blockById(state.overBlockId);
        undoChanges = undoOf(target.before, into && permissions.block(into) ? blockBefore(into) : null);
      }
      if (!change) return;
      void send(
        change,
        target,
        `${state.mode === "resize" ? "Resized" : "Moved"} “${label}”`,
        state.draft,
        undoChanges,
      );
    },
    [permissions, send, blockById],
  );

  // The listeners of a drag in progress, removed when it ends, is cancelled, or the editor goes away.
  const endDrag = useRef<(() => void) | null>(null);
  useEffect(() => () => endDrag.current?.(), []);

  const startPointer = (e: ReactPointerEvent, target: Target, mode: PointerDrag["mode"]) => {
    if (e.button !== 0 || changes.isPending) return;
    const el = e.target as HTMLElement;
    if (mode === "move" && el.closest("a, button:not([data-grip]), input, [role='menuitem']")) return;
    e.preventDefault();
    e.stopPropagation();
    setRefusal(null);
    setKeyDraft(null);
    endDrag.current?.();
    // Page coordinates, so that the page scrolling under a held entry (wheel, or the edges below) counts.
    const startPageY = e.clientY + window.scrollY;
    let state: PointerDrag = {
      target,
      mode,
      startX: e.clientX,
      startY: e.clientY,
      x: e.clientX,
      y: e.clientY,
      started: false,
      draft: NO_DRAFT,
    };
    const update = (clientX: number, clientY: number) => {
      const dx = clientX - state.startX;
      const dy = clientY + window.scrollY - startPageY;
      if (!state.started && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
      const minutes = dy / PX_PER_MINUTE;
      const under = document.elementFromPoint(clientX, clientY);
      const overDay = under?.closest<HTMLElement>("[data-drop-day]")?.dataset.dropDay;
      const overBlockId = under?.closest<HTMLElement>("[data-drop-block]")?.dataset.dropBlock;
      state = {
        ...state,
        started: true,
        x: clientX,
        y: clientY,
        overDay: target.before.kind === "block" ? overDay : undefined,
        // Only what can go into a block (its entries, unscheduled contributions) highlights one.
        overBlockId: target.before.kind === "block" ? undefined : overBlockId,
        draft:
          mode === "resize"
            ? { moveMinutes: 0, resizeMinutes: snap(minutes) }
            : { moveMinutes: overDay ? 0 : snap(minutes), resizeMinutes: 0 },
      };
      setDrag(state);
    };
    const onMove = (ev: PointerEvent) => {
      update(ev.clientX, ev.clientY);
      // Near the top or bottom of the window the page scrolls, so a long day can be crossed in one drag.
      if (!state.started) return;
      const edge = 48;
      if (ev.clientY < edge) window.scrollBy(0, -16);
      else if (ev.clientY > window.innerHeight - edge) window.scrollBy(0, 16);
    };
    const onScroll = () => state.started && update(state.x, state.y);
    const onKey = (ev: globalThis.KeyboardEvent) => {
      if (ev.key !== "Escape") return;
      ev.preventDefault();
      stop();
      setDrag(null);
      setAnnouncement(`${target.title}: not changed.`);
    };
    const stop = () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onCancel);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("keydown", onKey, true);
      endDrag.current = null;
    };
    const onUp = () => {
      stop();
      finishDrag(state);
    };
    // The browser took the pointer away (a touch became a scroll, a system gesture): nothing is changed.
    const onCancel = () => {
      stop();
      setDrag(null);
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", onCancel);
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("keydown", onKey, true);
    endDrag.current = stop;
  };

  // ------------------------------------------------------------------ keyboard

  const onHandleKey = (e: KeyboardEvent, target: Target, may: { move: boolean; days: boolean }) => {
    const active = keyDraft?.target.before.id === target.before.id ? keyDraft.draft : NO_DRAFT;
    const step = (d: Draft) => {
      e.preventDefault();
      setRefusal(null);
      setKeyDraft({ target, draft: d });
      const times = applyDraft(target.before as { startAt: string; endAt: string }, d);
      const parent = target.before.kind !== "block" && "blockId" in target.before && target.before.blockId;
      const hints = d.day
        ? []
        : draftHints(times, props.event, parent ? blockById(parent) : null, (ms) => clockIn(ms, zone));
      setAnnouncement(
        `${target.title}: ${d.day ? `${dayLabel(d.day)}, ` : ""}${describeTimes(times.startMs, times.endMs, zone)}${hints.length ? ` (${hints.join("; ")})` : ""}. Enter saves, Escape cancels.`,
      );
    };
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") return; // the editor's undo
    if (!may.move) return;
    // While a change is being saved, the entry's place is not known yet: a draft from the old one would be wrong.
    if (changes.isPending && e.key !== "Escape" && e.key !== "Tab") {
      e.preventDefault();
      return;
    }
    const dayIndex = dayList.indexOf(active.day ?? target.day);
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown": {
        const delta = e.key === "ArrowUp" ? -SNAP_MINUTES : SNAP_MINUTES;
        // A block on its way to another day goes at the same time, as it is: no resizing or moving on the way.
        if (active.day) return;
        if (e.shiftKey) step({ ...active, resizeMinutes: active.resizeMinutes + delta });
        else step({ ...active, moveMinutes: active.moveMinutes + delta });
        return;
      }
      case "ArrowLeft":
      case "ArrowRight": {
        if (!may.days || snap(active.moveMinutes) !== 0 || snap(active.resizeMinutes) !== 0) return;
        const next = dayList[dayIndex + (e.key === "ArrowLeft" ? -1 : 1)];
        if (!next) return;
        step({ moveMinutes: 0, resizeMinutes: 0, day: next === target.day ? undefined : next });
        return;
      }
      case "Escape":
        if (keyDraft) {
          e.preventDefault();
          setKeyDraft(null);
          setAnnouncement(`${target.title}: not changed.`);
        }
        return;
      case "Enter": {
        e.preventDefault();
        if (isEmptyDraft(active)) {
          setTimeDialog(target);
          return;
        }
        setKeyDraft(null);
        const change = changeFromDraft(target.before, active);
        if (!change) return;
        const what =
          change.kind === "block-day"
            ? `Moved “${target.title}” to ${dayLabel(change.day)}`
            : `${snap(active.resizeMinutes) !== 0 && snap(active.moveMinutes) === 0 ? "Resized" : "Moved"} “${target.title}”`;
        void send(change, target, what, active);
        return;
      }
    }
  };

  // Ctrl+Z anywhere in the editor (outside text fields) undoes the last change.
  const onEditorKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z") return;
    if ((e.target as HTMLElement).closest("input, textarea")) return;
    e.preventDefault();
    void undo();
  };

  const draftOf = (id: string): { draft: Draft; live: boolean } | null => {
    if (drag?.started && drag.mode !== "drop" && drag.target.before.id === id) return { draft: drag.draft, live: true };
    if (keyDraft?.target.before.id === id) return { draft: keyDraft.draft, live: true };
    if (pending?.id === id) return { draft: pending.draft, live: false };
    return null;
  };

  const ctx: EntryContext = {
    zone,
    event: props.event,
    eventId,
    helpId,
    permissions,
    menus,
    ordinals: props.ordinals,
    dragging: drag?.started ? drag.target.before.id : null,
    overBlockId: drag?.started ? (drag.overBlockId ?? null) : null,
    draftOf,
    targetOf,
    startPointer,
    onHandleKey,
    openTimeDialog: setTimeDialog,
    send,
    dropKeyDraft: (id) => setKeyDraft((k) => (k?.target.before.id === id ? null : k)),
  };

  const last = history.at(-1);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Z from any focused control inside the editor
    <div className={classes.editor} onKeyDown={onEditorKey}>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            onClick={() => void undo()}
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
        {refusal && (
          <Alert color="red" variant="light" role="alert" title={`Not changed: ${refusal.what}`}>
            {refusal.reason}
          </Alert>
        )}
        {notices.length > 0 && (
          <Alert color="blue" variant="light" title="Also changed" withCloseButton onClose={() => setNotices([])}>
            <List size="sm">
              {notices.map((n) => (
                <List.Item key={n}>{n}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <VisuallyHidden aria-live="polite" role="status">
          {announcement}
        </VisuallyHidden>
        <div className={classes.layout}>
          <div className={classes.main}>
            <Tabs value={current?.day ?? null} onChange={(v) => v && props.onDayChange(v)} keepMounted={false}>
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
                  <DayGrid day={d} ctx={ctx} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </div>
          {(props.unscheduled.length > 0 || props.onScheduleWithDialog) && (
            <Unscheduled
              contributions={props.unscheduled}
              zone={zone}
              day={current?.day ?? ""}
              dragging={drag?.mode === "drop" && drag.started ? drag.target.before.id : null}
              onPointerDown={(e, c) =>
                startPointer(
                  e,
                  {
                    before: { kind: "unscheduled-contribution", id: c.id },
                    parent: null,
                    title: c.title,
                    day: current?.day ?? "",
                    durationMinutes: c.durationMinutes,
                  },
                  "drop",
                )
              }
              onSchedule={props.onScheduleWithDialog}
            />
          )}
        </div>
      </Stack>
      {drag?.mode === "drop" && drag.started && (
        <div className={classes.ghost} style={{ left: drag.x + 8, top: drag.y + 8 }} aria-hidden>
          {drag.target.title} · {formatMinutes(drag.target.durationMinutes)}
        </div>
      )}
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
          const movedInto =
            "blockId" in change && change.blockId && "blockId" in timeDialog.before
              ? change.blockId !== timeDialog.before.blockId
                ? blockById(change.blockId)
                : null
              : null;
          const undoChanges = movedInto
            ? undoOf(timeDialog.before, permissions.block(movedInto) ? blockBefore(movedInto) : null)
            : undefined;
          return send(change, timeDialog, what, NO_DRAFT, undoChanges);
        }}
      />
    </div>
  );
}

/** Where an unscheduled contribution dropped at (x, y) goes: a block under the pointer, or the day's top level. */
function dropPlace(x: number, y: number): { blockId: string | null; startMs: number } | null {
  const under = document.elementFromPoint(x, y);
  const grid = under?.closest<HTMLElement>("[data-grid-from]");
  if (!grid) return null;
  const from = Number(grid.dataset.gridFrom);
  const top = grid.getBoundingClientRect().top;
  const startMs = from + snap((y - top) / PX_PER_MINUTE) * 60_000;
  return { blockId: under?.closest<HTMLElement>("[data-drop-block]")?.dataset.dropBlock ?? null, startMs };
}

// ------------------------------------------------------------------------------------------------ the grid

interface EntryContext {
  zone: string;
  /** The event's start and end: entries stay inside. */
  event: { startAt: string; endAt: string };
  eventId: string;
  helpId: string;
  permissions: EditorPermissions;
  menus: EditorMenus;
  ordinals: Map<string, { n: number; of: number }>;
  dragging: string | null;
  overBlockId: string | null;
  draftOf(id: string): { draft: Draft; live: boolean } | null;
  targetOf(before: EntryBefore, title: string, block: TimetableBlock | null, day: string): Target;
  startPointer(e: ReactPointerEvent, target: Target, mode: "move" | "resize"): void;
  onHandleKey(e: KeyboardEvent, target: Target, may: { move: boolean; days: boolean }): void;
  openTimeDialog(target: Target): void;
  send(
    change: TimetableChange,
    target: Target,
    what: string,
    draft?: Draft,
    undo?: TimetableChange[],
  ): Promise<string | null>;
  /** Leaving a handle drops its unsaved keyboard change. */
  dropKeyDraft(id: string): void;
}

function DayGrid({ day, ctx }: { day: EditorDay; ctx: EntryContext }) {
  const grid = useMemo(() => gridWindow(day, day.entries, ctx.zone), [day, ctx.zone]);
  const height = yOf(grid.toMs, grid);
  const marks = hourMarks(grid, ctx.zone);
  const reorder = useReorder(day.entries);
  return (
    <div className={classes.grid} style={{ height }}>
      {marks.map((m) => (
        <div key={m} className={classes.hour} style={{ top: yOf(m, grid) }}>
          <span className={classes.hourLabel}>{clockIn(m, ctx.zone)}</span>
        </div>
      ))}
      <div className={classes.lanes} data-grid-from={grid.fromMs} data-testid="timetable-grid">
        {day.entries.length === 0 && (
          <Text size="sm" className={classes.empty}>
            Nothing is scheduled on this day.
          </Text>
        )}
        {day.entries.map((entry) => (
          <TopEntryBox key={entry.id} entry={entry} day={day.day} grid={grid} ctx={ctx} reorder={reorder} />
        ))}
      </div>
    </div>
  );
}

type Reorder = (
  block: TimetableBlock,
  direction: "left" | "right",
) => { change: TimetableChange; undo: TimetableChange } | null;

/** Parallel blocks: this block one place left or right among those beside it, and the order to undo it. */
function useReorder(entries: TimetableTopEntry[]): Reorder {
  return (block, direction) => {
    const order = parallelBlocks(entries, block.id);
    const next = moveInOrder(order, block.id, direction);
    if (!next) return null;
    return {
      change: { kind: "parallel-order", blockIds: next },
      undo: { kind: "parallel-order", blockIds: order },
    };
  };
}

type Action = { label: string; run: () => void; danger?: boolean };

/** An entry's menu items: the actions the person may take (falsy ones are left out). */
function actionItems(actions: (Action | false | null | undefined | 0 | "")[]): ReactNode[] {
  return actions
    .filter((a): a is Action => Boolean(a))
    .map((a) => (
      <Menu.Item key={a.label} color={a.danger ? "red" : undefined} onClick={a.run}>
        {a.label}
      </Menu.Item>
    ));
}

function placeStyle(
  entry: { startAt: string; endAt: string },
  draft: Draft | null,
  originMs: number,
): { top: number; height: number } {
  const { startMs, endMs } = applyDraft(entry, draft ?? NO_DRAFT);
  return {
    top: ((startMs - originMs) / 60_000) * PX_PER_MINUTE,
    height: Math.max(((endMs - startMs) / 60_000) * PX_PER_MINUTE, SNAP_MINUTES * PX_PER_MINUTE),
  };
}

function TopEntryBox({
  entry,
  day,
  grid,
  ctx,
  reorder,
}: {
  entry: TimetableTopEntry;
  day: string;
  grid: { fromMs: number };
  ctx: EntryContext;
  reorder: Reorder;
}) {
  const active = ctx.draftOf(entry.id);
  const pos = placeStyle(entry, active?.draft ?? null, grid.fromMs);
  const style = {
    ...pos,
    left: `calc(${(entry.column / entry.columns) * 100}% + 2px)`,
    width: `calc(${100 / entry.columns}% - 4px)`,
  } as CSSProperties;
  if (entry.kind === "block")
    return <BlockBox block={entry} day={day} style={style} active={active} ctx={ctx} reorder={reorder} />;
  const before = beforeOfTop(entry);
  const target = ctx.targetOf(before, entry.title, null, day);
  return (
    <EntryBox
      entry={entry}
      target={target}
      may={ctx.permissions.topLevel}
      style={style}
      active={active}
      ctx={ctx}
      className={classes.topEntry}
      colours={entry.kind === "break" ? entry.colours : { text: "#202020", background: "#868e96" }}
    />
  );
}

/** The handle: a button that takes the keyboard, named with the entry and its times. */
function Handle({
  target,
  label,
  may,
  ctx,
}: {
  target: Target;
  label: string;
  may: { move: boolean; days: boolean };
  ctx: EntryContext;
}) {
  return (
    <button
      type="button"
      data-grip
      className={classes.handle}
      aria-label={label}
      aria-describedby={ctx.helpId}
      onKeyDown={(e) => ctx.onHandleKey(e, target, may)}
      onBlur={() => ctx.dropKeyDraft(target.before.id)}
      onPointerDown={(e) => may.move && ctx.startPointer(e, target, "move")}
    >
      ⠿
    </button>
  );
}

function DraftBadge({
  entry,
  active,
  block,
  ctx,
}: {
  entry: { startAt: string; endAt: string };
  active: { draft: Draft } | null;
  /** The block it is in (for an entry inside one). */
  block: TimetableBlock | null;
  ctx: EntryContext;
}) {
  if (!active || isEmptyDraft(active.draft)) return null;
  const times = applyDraft(entry, active.draft);
  // A block taken to another day keeps its times there; the server checks that day.
  const hints = active.draft.day ? [] : draftHints(times, ctx.event, block, (ms) => clockIn(ms, ctx.zone));
  return (
    <Badge
      className={classes.draftBadge}
      color={hints.length ? "orange.9" : "dark"}
      size="sm"
      data-testid="draft-times"
      title={hints.join("; ") || undefined}
    >
      {active.draft.day ? `${dayLabel(active.draft.day, { short: true })}, ` : ""}
      {describeTimes(times.startMs, times.endMs, ctx.zone)}
      {hints.length ? ` · ${hints.join("; ")}` : ""}
    </Badge>
  );
}

function BlockBox({
  block,
  day,
  style,
  active,
  ctx,
  reorder,
}: {
  block: TimetableBlock;
  day: string;
  style: CSSProperties;
  active: { draft: Draft; live: boolean } | null;
  ctx: EntryContext;
  reorder: Reorder;
}) {
  const target = ctx.targetOf(blockBefore(block), block.fullTitle, null, day);
  const mayBlock = ctx.permissions.block(block);
  const mayInside = ctx.permissions.inside(block) && !block.isPoster;
  const ordinal = ctx.ordinals.get(block.id);
  const left = mayBlock && block.columns > 1 ? reorder(block, "left") : null;
  const right = mayBlock && block.columns > 1 ? reorder(block, "right") : null;
  const { menus } = ctx;
  const menuItems = actionItems([
    mayBlock && { label: "Set exact time…", run: () => ctx.openTimeDialog(target) },
    mayBlock && menus.editBlock && { label: "Edit block", run: () => menus.editBlock?.(block) },
    mayBlock && menus.fitBlock && !block.isPoster && { label: "Fit to content", run: () => menus.fitBlock?.(block) },
    left && {
      label: "Move left",
      run: () => void ctx.send(left.change, target, `Moved “${block.fullTitle}” left`, NO_DRAFT, [left.undo]),
    },
    right && {
      label: "Move right",
      run: () => void ctx.send(right.change, target, `Moved “${block.fullTitle}” right`, NO_DRAFT, [right.undo]),
    },
    mayInside && menus.addBreakIn && { label: "Add break here", run: () => menus.addBreakIn?.(block) },
    mayBlock && menus.deleteBlock && { label: "Delete block", danger: true, run: () => menus.deleteBlock?.(block) },
  ]);
  const dragging = ctx.dragging === block.id;
  return (
    <article
      className={classes.block}
      style={{ ...style, "--tt-bg": block.colours.background, "--tt-text": block.colours.text } as CSSProperties}
      // Poster blocks take dropped contributions too (as posters), though nothing moves inside them.
      data-drop-block={ctx.permissions.inside(block) ? block.id : undefined}
      data-testid="editor-block"
      data-block-id={block.id}
      data-entry-id={block.id}
      data-dragging={dragging ? "" : undefined}
      data-live={active?.live ? "" : undefined}
      data-over={ctx.overBlockId === block.id && !dragging ? "" : undefined}
      aria-label={`Block ${block.fullTitle}`}
      onPointerDown={(e) => mayBlock && ctx.startPointer(e, target, "move")}
    >
      <div className={classes.blockHead}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          {mayBlock && (
            <Handle
              target={target}
              may={{ move: true, days: true }}
              ctx={ctx}
              label={`Move or resize block “${block.fullTitle}”, ${describeTimes(Date.parse(block.startAt), Date.parse(block.endAt), ctx.zone)}`}
            />
          )}
          <Stack gap={0} miw={0} style={{ flex: 1 }}>
            <Text size="xs" fw={700} lineClamp={2}>
              {block.fullTitle}
            </Text>
            <Text size="xs">
              {describeTimes(Date.parse(block.startAt), Date.parse(block.endAt), ctx.zone)}
              {ordinal && ordinal.of > 1 ? ` · ${ordinal.n} of ${ordinal.of}` : ""}
              {block.location ? ` · ${block.location.label}` : ""}
            </Text>
          </Stack>
          {menuItems.length > 0 && <EntryMenu label={`Actions for block ${block.fullTitle}`}>{menuItems}</EntryMenu>}
        </Group>
        <DraftBadge entry={block} active={active} block={null} ctx={ctx} />
      </div>
      <div className={classes.lane}>
        {block.isPoster ? (
          <Text size="xs" p={4}>
            {block.children.length === 1 ? "1 poster" : `${block.children.length} posters`}
          </Text>
        ) : (
          assignColumns(block.children).map(({ entry: child, column, columns }) => {
            const childActive = ctx.draftOf(child.id);
            // Inside a block that is being moved, entries move with it: they are placed from the block's start.
            const pos = {
              ...placeStyle(child, childActive?.draft ?? null, Date.parse(block.startAt)),
              ...(columns > 1
                ? { left: `${(column / columns) * 100}%`, width: `${100 / columns}%`, right: "auto" }
                : {}),
            };
            return (
              <EntryBox
                key={child.id}
                entry={child}
                target={ctx.targetOf(beforeOfChild(child, block), child.title, block, day)}
                may={mayInside}
                style={pos}
                active={childActive}
                ctx={ctx}
                className={classes.child}
                colours={child.kind === "break" ? child.colours : null}
                parent={block}
              />
            );
          })
        )}
      </div>
      {mayBlock && <ResizeEdge target={target} ctx={ctx} />}
    </article>
  );
}

function ResizeEdge({ target, ctx }: { target: Target; ctx: EntryContext }) {
  return (
    <div
      className={classes.resize}
      data-testid="resize-edge"
      aria-hidden
      onPointerDown={(e) => ctx.startPointer(e, target, "resize")}
    />
  );
}

function EntryBox({
  entry,
  target,
  may,
  style,
  active,
  ctx,
  className,
  colours,
  parent = null,
}: {
  entry: TimetableContribution | TimetableBreak;
  /** The block it is in, if any. */
  parent?: TimetableBlock | null;
  target: Target;
  may: boolean;
  style: CSSProperties;
  active: { draft: Draft; live: boolean } | null;
  ctx: EntryContext;
  className: string | undefined;
  colours: { text: string; background: string } | null;
}) {
  const isBreak = entry.kind === "break";
  const { menus } = ctx;
  const items = actionItems([
    may && { label: "Set exact time…", run: () => ctx.openTimeDialog(target) },
    entry.kind === "contribution" &&
      menus.editContribution && { label: "Edit contribution", run: () => menus.editContribution?.(entry) },
    may &&
      entry.kind === "contribution" &&
      menus.unschedule && { label: "Unschedule", run: () => menus.unschedule?.(entry) },
    may &&
      entry.kind === "break" &&
      menus.deleteBreak && { label: "Delete break", danger: true, run: () => menus.deleteBreak?.(entry) },
  ]);
  const what = isBreak ? "break" : "contribution";
  return (
    <article
      className={className}
      style={
        {
          ...style,
          ...(colours ? { "--tt-bg": colours.background, "--tt-text": colours.text } : {}),
        } as CSSProperties
      }
      data-kind={entry.kind}
      data-entry-id={entry.id}
      data-testid={`editor-${entry.kind}`}
      data-dragging={ctx.dragging === entry.id ? "" : undefined}
      data-live={active?.live ? "" : undefined}
      aria-label={`${isBreak ? "Break" : "Contribution"} ${entry.title}`}
      onPointerDown={(e) => may && ctx.startPointer(e, target, "move")}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        {may && (
          <Handle
            target={target}
            may={{ move: true, days: false }}
            ctx={ctx}
            label={`Move or resize ${what} “${entry.title}”, ${describeTimes(Date.parse(entry.startAt), Date.parse(entry.endAt), ctx.zone)}`}
          />
        )}
        <Stack gap={0} miw={0} style={{ flex: 1 }}>
          <Text size="xs" lineClamp={1}>
            {describeTimes(Date.parse(entry.startAt), Date.parse(entry.endAt), ctx.zone)}
          </Text>
          <Text size="xs" fw={600} lineClamp={2} fs={isBreak ? "italic" : undefined}>
            {isBreak ? `Break: ${entry.title}` : entry.title}
          </Text>
        </Stack>
        {items.length > 0 && <EntryMenu label={`Actions for ${what} ${entry.title}`}>{items}</EntryMenu>}
      </Group>
      <DraftBadge entry={entry} active={active} block={parent} ctx={ctx} />
      {may && <ResizeEdge target={target} ctx={ctx} />}
    </article>
  );
}

// ------------------------------------------------------------------------------------------------ unscheduled

function Unscheduled({
  contributions,
  zone,
  day,
  dragging,
  onPointerDown,
  onSchedule,
}: {
  contributions: Contribution[];
  zone: string;
  day: string;
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
      <span hidden>{zone}</span>
    </Paper>
  );
}

// ------------------------------------------------------------------------------------------------ exact times

interface Place {
  blockId: string;
  day: string;
  isPoster: boolean;
  label: string;
}

const TOP_LEVEL = "top-level";

interface TimeFormProps {
  target: Target;
  zone: string;
  days: string[];
  places: Place[];
  /** The person may place entries outside blocks (event managers). */
  topLevel: boolean;
  onClose(): void;
  onSave(change: TimetableChange, what: string): Promise<string | null>;
}

function TimeDialog({ target, ...rest }: Omit<TimeFormProps, "target"> & { target: Target | null }) {
  return (
    <Modal
      opened={target !== null}
      onClose={rest.onClose}
      title={target ? `Time of “${target.title}”` : "Time"}
      size="lg"
    >
      {target && <TimeForm key={target.before.id} target={target} {...rest} />}
    </Modal>
  );
}

function TimeForm({ target, zone, days, places, topLevel, onClose, onSave }: TimeFormProps) {
  const before = target.before;
  const startLocal = "startAt" in before ? instantToLocal(before.startAt, zone) : `${target.day}T09:00`;
  const [day, setDay] = useState(dayOf(startLocal));
  const [start, setStart] = useState(clockOf(startLocal));
  const [duration, setDuration] = useState<number | string>(target.durationMinutes);
  const [errors, setErrors] = useState<{ start?: string; duration?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);
  const inBlock = "blockId" in before ? before.blockId : null;
  const [place, setPlace] = useState<string>(inBlock ?? TOP_LEVEL);
  // Contributions and breaks may go into another block (the keyboard's way to move them there); a block's
  // entries take its day, blocks and top-level entries may go to any day of the event.
  const placeOptions =
    before.kind === "contribution" || before.kind === "break"
      ? [
          ...(topLevel ? [{ value: TOP_LEVEL, label: "Outside blocks" }] : []),
          ...places
            .filter((p) => before.kind === "contribution" || !p.isPoster)
            .map((p) => ({ value: p.blockId, label: p.label })),
        ]
      : [];
  const chosenBlock = places.find((p) => p.blockId === place) ?? null;
  const dayFixed = chosenBlock !== null;
  const shownDay = chosenBlock?.day ?? day;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sameClock = "startAt" in before && joinLocal(shownDay, start) === startLocal;
    // Unchanged wall-clock time: the same instant (in the hour repeated in autumn, the second one stays).
    const startAt = sameClock
      ? (before as { startAt: string }).startAt
      : /^\d{2}:\d{2}$/.test(start)
        ? localToInstant(joinLocal(shownDay, start), zone)
        : null;
    const minutes = typeof duration === "number" ? duration : Number.NaN;
    const next: typeof errors = {};
    if (!startAt) next.start = `Start must be a time of the day such as 09:30 that exists in ${zone}`;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
      next.duration = "Duration must be 1 to 1440 minutes";
    setErrors(next);
    if (next.start || next.duration || !startAt) return;
    const times = { startAt: new Date(startAt).toISOString(), durationMinutes: minutes };
    const change: TimetableChange | null =
      before.kind === "block"
        ? { kind: "block-time", blockId: before.id, ...times }
        : before.kind === "contribution"
          ? { kind: "contribution-time", id: before.id, blockId: chosenBlock?.blockId ?? null, ...times }
          : before.kind === "break"
            ? { kind: "break-time", id: before.id, blockId: chosenBlock?.blockId ?? null, ...times }
            : null;
    if (!change) return;
    setSaving(true);
    const refused = await onSave(change, `Set the time of “${target.title}”`);
    setSaving(false);
    if (refused) setErrors({ form: refused });
    else onClose();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">Times in {zone}, the event's time zone.</Text>
        {placeOptions.length > 0 && (
          <Select
            label="Where"
            data={placeOptions}
            value={place}
            onChange={(v) => v && setPlace(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Select
            label="Day"
            data={days.map((d) => ({ value: d, label: dayLabel(d) }))}
            value={shownDay}
            onChange={(v) => v && setDay(v)}
            disabled={dayFixed}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Start"
            type="time"
            step={SNAP_MINUTES * 60}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={errors.start}
            required
          />
          <MinutesField
            label="Duration (minutes)"
            step={SNAP_MINUTES}
            value={duration}
            onChange={setDuration}
            error={errors.duration}
            required
          />
        </SimpleGrid>
        {errors.form && (
          <Alert color="red" variant="light" role="alert" title="Not changed">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save time
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
