import { useMemo, useState } from "react";
import type { UndoStep } from "../../timetable-undo";

/** How many changes can be undone, most recent first. */
const HISTORY = 20;

/** The changes of a timetable page that can be undone, whichever way they were made (editor, menus, dialogs). */
export interface UndoHistory {
  /** The change Undo would take back. */
  last: UndoStep | null;
  record(step: UndoStep | null): void;
  /** Forgets the last change (undone, or refused as it can no longer be undone). */
  dropLast(): void;
  /** Blocks and breaks made again by undo: their old id → the new one, for the undos recorded before. */
  aliases: Map<string, string>;
}

/**
 * The undo history of a timetable page (decisions: undo is client-side, as inverse requests that the server
 * re-validates): held by the page's tools, so the menus and dialogs record into it as the editor's gestures do,
 * and it survives switching between the Programme and the Editor.
 */
export function useUndoHistory(): UndoHistory {
  const [steps, setSteps] = useState<UndoStep[]>([]);
  const [aliases] = useState(() => new Map<string, string>());
  return useMemo(
    () => ({
      last: steps.at(-1) ?? null,
      record: (step) => {
        if (step) setSteps((h) => [...h.slice(-(HISTORY - 1)), step]);
      },
      dropLast: () => setSteps((h) => h.slice(0, -1)),
      aliases,
    }),
    [steps, aliases],
  );
}
