import { useCallback, useEffect, useState } from "react";
import { notify } from "../../../../components/notify";
import { isApiError } from "../../../../lib/api-client";
import { useTimetableChanges } from "../../api";
import { currentId, type Draft, NO_DRAFT, undoOf } from "../../timetable-editing";
import { dayAfter, type Refusal } from "../../timetable-gestures";
import type { EditorDay, SendChange } from "./editor-types";
import type { UndoHistory } from "./use-undo-history";

/**
 * The editor's changes and their undo (decisions: undo is client-side, as inverse requests the server
 * re-validates): each change is one request; the last twenty changes of the page (the menus' and dialogs' too,
 * recorded into the same `history`) can be undone in turn. Also what the person is told (a refusal with the
 * server's reason, the notices of what else changed, a line for screen readers), and the day and handle the
 * editor follows a change or an undo to.
 */
export function useChangeHistory(options: {
  eventId: string;
  zone: string;
  /** The days shown and the day shown: the handle to follow is looked for again when they change. */
  days: readonly EditorDay[];
  day: string;
  onDayChange(day: string): void;
  history: UndoHistory;
}) {
  const { zone, day, onDayChange, history } = options;
  const changes = useTimetableChanges(options.eventId, history.aliases);
  const [pending, setPending] = useState<{ id: string; draft: Draft } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  // A block taken to another day: the editor follows it there and gives its handle the focus back.
  const [follow, setFollow] = useState<{ id: string } | null>(null);

  const send: SendChange = useCallback(
    async (change, target, what, draft = NO_DRAFT, undoChanges) => {
      setRefusal(null);
      setPending({ id: target.before.id, draft });
      try {
        const answer = await changes.mutateAsync([change]);
        // An entry inside a block: undo also gives the block back its times, if the person may change them.
        const undo = undoChanges ?? undoOf(target.before, target.parent);
        history.record({ label: what, undo, day: target.day, id: target.before.id });
        // A block or top-level entry now on another day: the editor follows it there.
        const newDay = dayAfter(change, zone, target.day);
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
    [changes, onDayChange, zone, history],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the days (the refetched data) or the shown day change, until the handle exists
  useEffect(() => {
    if (!follow) return;
    const handle = document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(follow.id)}"] [data-grip]`);
    if (handle) {
      handle.focus();
      setFollow(null);
    }
  }, [follow, options.days, day]);

  const undo = useCallback(async () => {
    const last = history.last;
    if (!last || changes.isPending) return;
    setRefusal(null);
    try {
      const answer = await changes.mutateAsync(last.undo);
      history.dropLast();
      if (last.day && last.day !== day) {
        onDayChange(last.day);
        // A block made again has a new id: its handle is found under that one.
        if (last.id) setFollow({ id: currentId(last.id, history.aliases) });
      }
      setNotices(answer);
      setAnnouncement(`Undone: ${last.label}.`);
      notify(`Undone: ${last.label}.`);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setRefusal({ what: `Undo “${last.label}”`, reason: `${reason} It cannot be undone any more.` });
      // Refused (the entry changed or went meanwhile): keep it from blocking the undos before it.
      if (isApiError(err) && err.status < 500) history.dropLast();
    }
  }, [history, changes, day, onDayChange]);

  return {
    send,
    undo,
    /** The change undo would take back. */
    last: history.last,
    isPending: changes.isPending,
    /** The entry being saved and the draft it keeps meanwhile. */
    pending,
    refusal,
    refuse: setRefusal,
    notices,
    clearNotices: () => setNotices([]),
    announcement,
    announce: setAnnouncement,
  };
}
