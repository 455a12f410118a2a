import type { MyRegistrationList } from "../../../shared/schemas/community-sessions";

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
