import type { z } from "zod";
import type { Contribution } from "../../../shared/schemas/conference-contributions";
import type {
  BlockUpdateInput,
  Break,
  SessionBlock,
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../shared/schemas/timetable";
import { dayInZone } from "../../../shared/time";
import { minutesBetween, type TimetableChange, undoOf } from "./timetable-editing";
import { beforeOfBlock } from "./timetable-gestures";

/**
 * Undo for the changes made through the timetable's menus and dialogs (add, edit, fit and delete a block, add and
 * delete a break, schedule with the dialog, unschedule), beside the editor's own gestures: each gives the step
 * that Undo takes back, named as the Undo button names it, and the requests that take it back. Free of React and
 * HTTP; the server re-validates every request.
 */

/** One change that can be undone. */
export interface UndoStep {
  /** What the change did, as the Undo button names it: "Deleted block “Morning talks”". */
  label: string;
  undo: TimetableChange[];
  /** The day (in the event's zone) the editor shows when it is undone, and the entry it gives the focus back. */
  day: string | null;
  id: string | null;
}

const times = (e: { startAt: string; endAt: string }) => ({
  startAt: e.startAt,
  durationMinutes: minutesBetween(e.startAt, e.endAt),
});

/** A block's own location, as the API takes it: what it set itself, not what it inherits. */
function ownLocation(block: TimetableBlock): { roomId: string | null; locationText: string | null } {
  if (block.location?.source !== "block") return { roomId: null, locationText: null };
  return block.location.roomId
    ? { roomId: block.location.roomId, locationText: null }
    : { roomId: null, locationText: block.location.label };
}

const conveners = (people: readonly { name: string; affiliation: string; email: string | null }[]) =>
  people.map((p) => ({ name: p.name, affiliation: p.affiliation, email: p.email }));

const samePeople = (a: Parameters<typeof conveners>[0], b: Parameters<typeof conveners>[0]) =>
  JSON.stringify(conveners(a)) === JSON.stringify(conveners(b));

/** "Plenary: Opening", or the session's title for a block without one (as the server names blocks). */
export const blockTitle = (sessionTitle: string, title: string) => (title ? `${sessionTitle}: ${title}` : sessionTitle);

/** A new block: undone by deleting it. */
export function undoOfNewBlock(saved: SessionBlock, fullTitle: string, zone: string): UndoStep {
  return {
    label: `Added block “${fullTitle}”`,
    undo: [{ kind: "block-delete", blockId: saved.id }],
    day: dayInZone(saved.startAt, zone),
    id: null,
  };
}

/**
 * A block edited in its dialog: undone by giving back what changed (a new start had moved its contents with it,
 * the old start moves them back). Null when nothing changed.
 */
export function undoOfBlockEdit(before: TimetableBlock, after: SessionBlock, zone: string): UndoStep | null {
  const input: z.input<typeof BlockUpdateInput> = {};
  if (after.title !== before.title) input.title = before.title;
  if (after.startAt !== before.startAt) input.startAt = before.startAt;
  if (after.durationMinutes !== before.durationMinutes) input.durationMinutes = before.durationMinutes;
  const location = ownLocation(before);
  if (after.roomId !== location.roomId || after.locationText !== location.locationText) Object.assign(input, location);
  // Only when they changed: conveners' emails are sent to the event's managers only, and must not be lost.
  if (!samePeople(before.conveners, after.conveners)) input.conveners = conveners(before.conveners);
  if (Object.keys(input).length === 0) return null;
  return {
    label: `Edited block “${before.fullTitle}”`,
    undo: [{ kind: "block-update", blockId: before.id, input }],
    day: dayInZone(before.startAt, zone),
    id: before.id,
  };
}

/**
 * Fit to content: undone by giving the block back its times. A start brought later moved nothing inside it, and
 * giving back the earlier start would carry the contents along, so they are put back at their times after it.
 * Null when the block already fitted.
 */
export function undoOfFit(before: TimetableBlock, after: SessionBlock, zone: string): UndoStep | null {
  if (after.startAt === before.startAt && after.durationMinutes === before.durationMinutes) return null;
  const children: TimetableChange[] =
    after.startAt === before.startAt
      ? []
      : before.children.map((c) =>
          c.kind === "contribution"
            ? { kind: "contribution-time", id: c.id, blockId: before.id, ...times(c) }
            : { kind: "break-time", id: c.id, blockId: before.id, ...times(c) },
        );
  return {
    label: `Fitted “${before.fullTitle}” to its content`,
    undo: [{ kind: "block-time", blockId: before.id, ...times(before) }, ...children],
    day: dayInZone(before.startAt, zone),
    id: before.id,
  };
}

/**
 * A deleted block: undone by making it again as it was (session, title, times, own location, order, conveners),
 * then scheduling its contributions back at their times and making its breaks again.
 */
export function undoOfDeletedBlock(block: TimetableBlock, zone: string): UndoStep {
  return {
    label: `Deleted block “${block.fullTitle}”`,
    undo: [
      {
        kind: "block-create",
        sessionId: block.sessionId,
        restores: block.id,
        input: {
          title: block.title,
          ...times(block),
          ...ownLocation(block),
          displayOrder: block.displayOrder,
          conveners: conveners(block.conveners),
        },
      },
      ...block.children.map(
        (c): TimetableChange =>
          c.kind === "contribution"
            ? { kind: "contribution-time", id: c.id, blockId: block.id, ...times(c) }
            : {
                kind: "break-create",
                restores: c.id,
                input: { title: c.title, blockId: block.id, ...times(c), colours: c.colours },
              },
      ),
    ],
    day: dayInZone(block.startAt, zone),
    id: block.id,
  };
}

/** A new break: undone by deleting it. */
export function undoOfNewBreak(saved: Break, zone: string): UndoStep {
  return {
    label: `Added break “${saved.title}”`,
    undo: [{ kind: "break-delete", id: saved.id }],
    day: dayInZone(saved.startAt, zone),
    id: null,
  };
}

/** A deleted break: undone by making it again where it was (`block`, or the top level). */
export function undoOfDeletedBreak(entry: TimetableBreak, block: { id: string } | null, zone: string): UndoStep {
  return {
    label: `Deleted break “${entry.title}”`,
    undo: [
      {
        kind: "break-create",
        restores: entry.id,
        input: { title: entry.title, blockId: block?.id ?? null, ...times(entry), colours: entry.colours },
      },
    ],
    day: dayInZone(entry.startAt, zone),
    id: entry.id,
  };
}

/** An unscheduled contribution: undone by scheduling it back where it was (`block`, or the top level). */
export function undoOfUnschedule(c: TimetableContribution, block: { id: string } | null, zone: string): UndoStep {
  return {
    label: `Unscheduled “${c.title}”`,
    undo: [{ kind: "contribution-time", id: c.id, blockId: block?.id ?? null, ...times(c) }],
    day: dayInZone(c.startAt, zone),
    id: c.id,
  };
}

/**
 * A contribution scheduled with the dialog: undone by unscheduling it, and giving its block back its times
 * (`block` as it was, when the person may change it) in case it grew to take it.
 */
export function undoOfScheduled(c: Contribution, block: TimetableBlock | null, zone: string): UndoStep {
  return {
    label: `Scheduled “${c.title}”`,
    undo: undoOf({ kind: "unscheduled-contribution", id: c.id }, block ? beforeOfBlock(block) : null),
    day: c.startAt ? dayInZone(c.startAt, zone) : null,
    id: null,
  };
}

/** The block a contribution or break sits in, among `blocks`; null at the top level. */
export function blockHolding(blocks: readonly TimetableBlock[], childId: string): TimetableBlock | null {
  return blocks.find((b) => b.children.some((c) => c.id === childId)) ?? null;
}

/** What Reschedule worked on: one block, or the top-level entries of a day (a session's blocks that day among them). */
export type RescheduleScopeBefore =
  | { kind: "block"; block: TimetableBlock }
  | { kind: "entries"; label: string; day: string; entries: readonly TimetableTopEntry[] };

/**
 * A reschedule: undone by giving every entry it could have moved its times back. In a block, the block first (it
 * may have grown or been fitted) and then each of its entries; for a day, each top-level entry (a block moved
 * back carries its entries with it, which a day's reschedule does not move inside their blocks).
 */
export function undoOfReschedule(scope: RescheduleScopeBefore, zone: string): UndoStep {
  const timeOf = (e: TimetableTopEntry | TimetableContribution | TimetableBreak, blockId: string | null) =>
    e.kind === "block"
      ? ({ kind: "block-time", blockId: e.id, ...times(e) } as const)
      : ({
          kind: e.kind === "contribution" ? "contribution-time" : "break-time",
          id: e.id,
          blockId,
          ...times(e),
        } as const);
  if (scope.kind === "block") {
    const { block } = scope;
    return {
      label: `Rescheduled “${block.fullTitle}”`,
      undo: [timeOf(block, null), ...block.children.map((c) => timeOf(c, block.id))],
      day: dayInZone(block.startAt, zone),
      id: block.id,
    };
  }
  return {
    label: `Rescheduled ${scope.label}`,
    undo: scope.entries.map((e) => timeOf(e, null)),
    day: scope.day,
    id: null,
  };
}
