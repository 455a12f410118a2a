import { type KeyboardEvent, useState } from "react";
import type { TimetableBlock } from "../../../../../shared/schemas/timetable";
import { changeFromDraft, type Draft, isEmptyDraft, NO_DRAFT, type Timed } from "../../timetable-editing";
import { announceDraft, draftForKey, labelOfKeyChange, previewOf, type Target } from "../../timetable-gestures";
import type { SendChange } from "./editor-types";

/**
 * Keyboard moves from an entry's handle (decisions: keyboard moves are drafts until Enter): arrows make a draft
 * whose times are shown and announced, Enter sends it as one change (or, with nothing to send, opens the dialog
 * for exact times), Escape or leaving the handle drops it.
 */
export function useKeyboardDrafts(options: {
  /** The days of the event, in order: ←/→ take a block to the one before or after. */
  days: readonly string[];
  /** While a change is being saved, the entry's place is not known yet: a draft from the old one would be wrong. */
  isPending: boolean;
  event: Timed;
  zone: string;
  blockById(id: string): TimetableBlock | null;
  send: SendChange;
  onStep(): void;
  announce(text: string): void;
  openTimeDialog(target: Target): void;
}) {
  const [keyDraft, setKeyDraft] = useState<{ target: Target; draft: Draft } | null>(null);

  const onHandleKey = (e: KeyboardEvent, target: Target, may: { move: boolean; days: boolean }) => {
    const active = keyDraft?.target.before.id === target.before.id ? keyDraft.draft : NO_DRAFT;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") return; // the editor's undo
    if (!may.move) return;
    if (options.isPending && e.key !== "Escape" && e.key !== "Tab") {
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case "Escape":
        if (keyDraft) {
          e.preventDefault();
          setKeyDraft(null);
          options.announce(`${target.title}: not changed.`);
        }
        return;
      case "Enter": {
        e.preventDefault();
        if (isEmptyDraft(active)) {
          options.openTimeDialog(target);
          return;
        }
        setKeyDraft(null);
        const change = changeFromDraft(target.before, active);
        if (!change) return;
        void options.send(change, target, labelOfKeyChange(change, active, target.title), active);
        return;
      }
    }
    const draft = draftForKey(e, active, { days: options.days, day: target.day, mayChangeDay: may.days });
    if (!draft) return;
    e.preventDefault();
    options.onStep();
    setKeyDraft({ target, draft });
    const parent = target.before.kind !== "block" && "blockId" in target.before ? target.before.blockId : null;
    const preview = previewOf(target.before as Timed, draft, {
      event: options.event,
      block: parent ? options.blockById(parent) : null,
      zone: options.zone,
    });
    options.announce(announceDraft(target.title, draft, preview));
  };

  return {
    onHandleKey,
    /** The draft being made, and the entry it is on. */
    current: keyDraft ? { id: keyDraft.target.before.id, draft: keyDraft.draft } : null,
    /** Leaving a handle drops its unsaved keyboard change. */
    dropKeyDraft: (id: string) => setKeyDraft((k) => (k?.target.before.id === id ? null : k)),
    /** A drag begins: any keyboard draft goes. */
    clear: () => setKeyDraft(null),
  };
}
