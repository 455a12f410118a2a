import { lineText } from "../../../shared/labels";
import type { MyRegistrationList, MyWaitlistEntry } from "../../../shared/schemas/community-sessions";
import { ROLE_LABEL } from "./labels";

type Item = MyRegistrationList["registrations"][number];

/**
 * One line per session: a member who cancelled and registered again has two registrations; the active one
 * is the one that counts, else the latest cancelled one.
 */
export function onePerSession(items: Item[]): Item[] {
  const bySession = new Map<string, Item>();
  for (const item of items) {
    const seen = bySession.get(item.session.id);
    if (!seen || (seen.status === "cancelled" && item.status !== "cancelled")) bySession.set(item.session.id, item);
  }
  return [...bySession.values()];
}

/** Upcoming (not ended yet, soonest first) and past (ended, most recent first). */
export function splitByTime(items: Item[], now: number): { upcoming: Item[]; past: Item[] } {
  const start = (i: Item) => (i.session.startsAt ? Date.parse(i.session.startsAt) : Number.POSITIVE_INFINITY);
  const ended = (i: Item) => i.session.endsAt !== null && Date.parse(i.session.endsAt) <= now;
  return {
    upcoming: items.filter((i) => !ended(i)).sort((a, b) => start(a) - start(b)),
    past: items.filter(ended).sort((a, b) => start(b) - start(a)),
  };
}

/** "You attended 3 sessions; 1 no-show" (issue #15), nothing until a session you took part in is wrapped up. */
export function attendanceLine(attended: number, noShows: number): string | null {
  if (attended === 0 && noShows === 0) return null;
  const sessions = `${attended} ${attended === 1 ? "session" : "sessions"}`;
  return `You attended ${sessions}; ${noShows} ${noShows === 1 ? "no-show" : "no-shows"}`;
}

type Waiting = MyRegistrationList["waiting"][number];

/** The waitlists you are in, soonest session first (issue #15); the server lists upcoming sessions only. */
export function waitingBySession(items: readonly Waiting[]): Waiting[] {
  const start = (i: Waiting) => (i.session.startsAt ? Date.parse(i.session.startsAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => start(a) - start(b));
}

/** "2nd in line for Presenter", or "Presenter place offered until" (the page adds the deadline in your zone). */
export function waitingText(entry: Pick<MyWaitlistEntry, "status" | "role" | "position">): string {
  return entry.status === "offered"
    ? `${ROLE_LABEL[entry.role]} place offered until`
    : lineText(entry.position ?? 1, entry.role);
}
