import { loadEventFacts } from "../conference-core/access";
import { findEvent } from "../conference-core/events.queries";
import { listMySessions, listScheduledContributionsSpokenBy } from "../conference-core/protection.queries";
import type { Actor } from "../permissions/actor";
import { can } from "../permissions/policy";
import type { Db } from "../platform/db";
import type { CalendarEntry } from "../platform/ics";
import { loadVisibleTimetableData } from "../timetable/read";
import { conferenceEntries } from "./conference-ics";

/**
 * The conference part of a personal calendar feed (conferences.md, Exports): the blocks of the sessions the person
 * manages or coordinates (their own entries), the blocks holding a contribution they speak in (a speaker whose
 * email is theirs, verified) and such contributions at top level; only what they may see, with the same UIDs as every other
 * export of the block.
 */
export async function personalConferenceEntries(db: Db, baseUrl: string, actor: Actor): Promise<CalendarEntry[]> {
  const [mine, spoken] = await Promise.all([
    listMySessions(db, actor.id),
    listScheduledContributionsSpokenBy(db, actor.id),
  ]);
  const sessionIds = new Set(mine.map((m) => m.session_id));
  const eventIds = [...new Set([...mine.map((m) => m.event_id), ...spoken.map((c) => c.event_id)])].sort();
  const entries: CalendarEntry[] = [];
  for (const eventId of eventIds) {
    const event = await findEvent(db, eventId);
    if (!event) continue;
    const facts = await loadEventFacts(db, event, actor);
    if (!can(actor, "event.view", facts)) continue;
    const data = await loadVisibleTimetableData(db, actor, event, facts);
    const spokenHere = spoken.filter((c) => c.event_id === eventId);
    const blockIds = new Set([
      ...data.blocks.filter((b) => sessionIds.has(b.session_id)).map((b) => b.id),
      ...spokenHere.flatMap((c) => (c.block_id ? [c.block_id] : [])),
    ]);
    const contributionIds = new Set(spokenHere.filter((c) => c.block_id === null).map((c) => c.id));
    entries.push(...conferenceEntries(data, baseUrl, { blockIds, contributionIds }));
  }
  return entries;
}
