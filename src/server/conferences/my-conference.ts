import type { MyConferenceItem } from "../../shared/schemas/conference-sessions";

/**
 * The rules of My sessions' Conferences part (issue #14), pure and with the time passed in: which events still
 * count, when a session takes place, and in which order the items come.
 */

/** Events that ended longer ago than this drop out of My sessions (docs/decisions.md, Conferences). */
export const RECENT_DAYS = 30;

/** The instant an event must end after to be listed at `now`. */
export function eventsEndingAfter(now: Date): string {
  return new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60_000).toISOString();
}

export interface BlockTime {
  start_at: string;
  duration_minutes: number;
}

/** A stored start and a length in minutes as a UTC range. */
export function rangeOf(startAt: string, minutes: number): { startAt: string; endAt: string } {
  const start = Date.parse(startAt);
  return { startAt: new Date(start).toISOString(), endAt: new Date(start + minutes * 60_000).toISOString() };
}

/**
 * When a session takes place for My sessions: its first block that has not ended at `now`, else its last block
 * (it took place); null without blocks.
 */
export function nextBlockOf(blocks: readonly BlockTime[], now: Date): { startAt: string; endAt: string } | null {
  const ranges = blocks
    .map((b) => rangeOf(b.start_at, b.duration_minutes))
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  return ranges.find((r) => Date.parse(r.endAt) > now.getTime()) ?? ranges.at(-1) ?? null;
}

/** By start; items without a time last; then by title (ignoring case), kind and id, so the order never wobbles. */
export function byTime(a: MyConferenceItem, b: MyConferenceItem): number {
  const start = (i: MyConferenceItem) => (i.time ? Date.parse(i.time.startAt) : Number.POSITIVE_INFINITY);
  return (
    start(a) - start(b) ||
    a.title.localeCompare(b.title, "en", { sensitivity: "base" }) ||
    a.kind.localeCompare(b.kind) ||
    a.id.localeCompare(b.id)
  );
}
