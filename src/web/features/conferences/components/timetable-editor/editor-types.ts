import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from "react";
import type {
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../../../shared/schemas/timetable";
import type { Draft, EntryBefore, TimetableChange } from "../../timetable-editing";
import type { Target } from "../../timetable-gestures";

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
  rescheduleBlock?(block: TimetableBlock): void;
  /** A new contribution of the block's session, scheduled into it. */
  newContributionIn?(block: TimetableBlock): void;
  addBreakIn?(block: TimetableBlock): void;
  deleteBlock?(block: TimetableBlock): void;
  unschedule?(contribution: TimetableContribution): void;
  editContribution?(contribution: TimetableContribution): void;
  deleteBreak?(entry: TimetableBreak): void;
}

/** A draft shown on an entry: `live` while it is being made (drag or keys), not while it is being saved. */
export interface EntryDraft {
  draft: Draft;
  live: boolean;
}

/** The one draft shown on the grid at a time, and the entry it is on. */
export interface ActiveDraft extends EntryDraft {
  id: string;
}

/** Sends one change; resolves to the server's reason when it is refused, null when saved. */
export type SendChange = (
  change: TimetableChange,
  target: Target,
  what: string,
  draft?: Draft,
  undo?: TimetableChange[],
) => Promise<string | null>;

/**
 * What every box of the grid needs from the editor around it. The same object for the editor's life (its
 * functions reach the latest state): the boxes are memoised, and what changes while dragging (the draft, the
 * entry held, the block it is over) reaches only the boxes it concerns, as props.
 */
export interface EntryContext {
  zone: string;
  /** The event's start and end: entries stay inside. */
  event: { startAt: string; endAt: string };
  /** The id of the editor's help text, which every handle points to. */
  helpId: string;
  permissions: EditorPermissions;
  menus: EditorMenus;
  /** The top-level entries of a day as they are now (the parallel order, for Move left/right). */
  entriesOn(day: string): readonly TimetableTopEntry[];
  targetOf(
    before: EntryBefore,
    title: string,
    block: TimetableBlock | null,
    day: string,
    sessionId?: string | null,
  ): Target;
  startPointer(e: ReactPointerEvent, target: Target, mode: "move" | "resize"): void;
  onHandleKey(e: KeyboardEvent, target: Target, may: { move: boolean; days: boolean }): void;
  openTimeDialog(target: Target): void;
  send: SendChange;
  /** Leaving a handle drops its unsaved keyboard change. */
  dropKeyDraft(id: string): void;
}
