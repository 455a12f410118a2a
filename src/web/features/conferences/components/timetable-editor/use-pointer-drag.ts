import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from "react";
import { type Draft, NO_DRAFT, PX_PER_MINUTE, snap } from "../../timetable-editing";
import type { DragEnd, DropPlace, Target } from "../../timetable-gestures";

/** A drag in progress: where it started and where the pointer is (client coordinates), and what it would do. */
interface PointerDrag extends DragEnd {
  startX: number;
  startY: number;
  x: number;
  y: number;
  /** Moved beyond a few pixels: a click on an entry is not a drag. */
  started: boolean;
}

/** The pointer moved less than this many pixels either way: not a drag yet. */
const THRESHOLD = 4;
/** Near the top or bottom of the window (pixels) the page scrolls by a step while an entry is held. */
const SCROLL_EDGE = 48;
const SCROLL_STEP = 16;

/** Where an unscheduled contribution dropped at (x, y) goes: a block under the pointer, or the day's top level. */
function dropPlace(x: number, y: number): DropPlace | null {
  const under = document.elementFromPoint(x, y);
  const grid = under?.closest<HTMLElement>("[data-grid-from]");
  if (!grid) return null;
  const from = Number(grid.dataset.gridFrom);
  const top = grid.getBoundingClientRect().top;
  const startMs = from + snap((y - top) / PX_PER_MINUTE) * 60_000;
  return { blockId: under?.closest<HTMLElement>("[data-drop-block]")?.dataset.dropBlock ?? null, startMs };
}

/**
 * Pointer drags on the grid: an entry moved, its lower edge resized, a block onto another day's tab, an
 * unscheduled contribution dropped into a block. The grid marks what can be dropped on with `data-drop-day`,
 * `data-drop-block` and `data-grid-from`. Escape or a cancelled pointer changes nothing; a drag let go goes to
 * `onEnd`, with the place an unscheduled contribution was dropped at.
 */
export function usePointerDrag(options: {
  /** No new drag while a change is being saved. */
  isPending: boolean;
  onStart(): void;
  onCancel(target: Target): void;
  onEnd(drag: PointerDrag, drop: DropPlace | null): void;
}) {
  const [drag, setDrag] = useState<PointerDrag | null>(null);
  // The listeners of a drag in progress, removed when it ends, is cancelled, or the editor goes away.
  const endDrag = useRef<(() => void) | null>(null);
  useEffect(() => () => endDrag.current?.(), []);

  const finish = (state: PointerDrag) => {
    setDrag(null);
    if (!state.started) return;
    options.onEnd(state, state.mode === "drop" ? dropPlace(state.x, state.y) : null);
  };

  const startPointer = (e: ReactPointerEvent, target: Target, mode: PointerDrag["mode"]) => {
    if (e.button !== 0 || options.isPending) return;
    const el = e.target as HTMLElement;
    if (mode === "move" && el.closest("a, button:not([data-grip]), input, [role='menuitem']")) return;
    e.preventDefault();
    e.stopPropagation();
    options.onStart();
    endDrag.current?.();
    // Measured against the day's grid, so that whatever moves the grid under a held entry counts: the page
    // scrolling (wheel, or the edges below) and content above it changing (an alert closing, which the browser's
    // scroll anchoring answers by scrolling). Off the grid (the unscheduled list), against the page.
    const grid = el.closest<HTMLElement>("[data-grid-from]");
    const originY = () => (grid?.isConnected ? grid.getBoundingClientRect().top : -window.scrollY);
    const startOffset = e.clientY - originY();
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
      const dy = clientY - originY() - startOffset;
      if (!state.started && Math.abs(dx) < THRESHOLD && Math.abs(dy) < THRESHOLD) return;
      const minutes = dy / PX_PER_MINUTE;
      const under = document.elementFromPoint(clientX, clientY);
      const overDay = under?.closest<HTMLElement>("[data-drop-day]")?.dataset.dropDay;
      const overBlockId = under?.closest<HTMLElement>("[data-drop-block]")?.dataset.dropBlock;
      const draft: Draft =
        mode === "resize"
          ? { moveMinutes: 0, resizeMinutes: snap(minutes) }
          : { moveMinutes: overDay ? 0 : snap(minutes), resizeMinutes: 0 };
      state = {
        ...state,
        started: true,
        x: clientX,
        y: clientY,
        overDay: target.before.kind === "block" ? overDay : undefined,
        // Only what can go into a block (its entries, unscheduled contributions) highlights one.
        overBlockId: target.before.kind === "block" ? undefined : overBlockId,
        draft,
      };
      setDrag(state);
    };
    const onMove = (ev: PointerEvent) => {
      update(ev.clientX, ev.clientY);
      // Near the top or bottom of the window the page scrolls, so a long day can be crossed in one drag.
      if (!state.started) return;
      if (ev.clientY < SCROLL_EDGE) window.scrollBy(0, -SCROLL_STEP);
      else if (ev.clientY > window.innerHeight - SCROLL_EDGE) window.scrollBy(0, SCROLL_STEP);
    };
    const onScroll = () => state.started && update(state.x, state.y);
    const onKey = (ev: globalThis.KeyboardEvent) => {
      if (ev.key !== "Escape") return;
      ev.preventDefault();
      stop();
      setDrag(null);
      options.onCancel(target);
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
      finish(state);
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

  /** The drag in progress, once started (only a started drag is ever kept). */
  return { drag, startPointer };
}
