import { enqueueEmail } from "../mail/enqueue-email";
import { addMs } from "../platform/clock";
import type { Deps } from "../platform/deps";
import { type SessionChange, sessionUpdatedEmail, whenText } from "./messages";
import { deleteUnsentNotice, findUnsentNotice, type SessionRow } from "./queries";
import { activeOf, emailView, invite, recipient, type SessionWork } from "./session-work";

/**
 * Session Updated, coalesced (community.md, Notifications; decisions.md): participants are told when the Date &
 * Time, Duration, Meeting URL or Meeting Password change, and a burst of autosaves sends one email per person.
 */

/** The fields whose change is worth an email: participants cannot join without them. */
export const NOTIFIED_FIELDS = ["starts_at", "meeting_url", "meeting_password", "duration_minutes"] as const;
export type NotifiedField = (typeof NOTIFIED_FIELDS)[number];

const updateNoticeKey = (sessionId: string, userId: string) => `session-updated:${sessionId}:${userId}`;

function describeChange(
  deps: Deps,
  field: NotifiedField,
  from: SessionRow,
  to: SessionRow,
  zone: string | null,
): SessionChange {
  switch (field) {
    case "starts_at":
      return {
        label: "Date & Time",
        from: whenText(emailView(deps, from), { name: null, timeZone: zone }),
        to: whenText(emailView(deps, to), { name: null, timeZone: zone }),
      };
    case "meeting_url":
      return { label: "Meeting URL", from: from.meeting_url ?? "none", to: to.meeting_url ?? "none" };
    case "meeting_password":
      return { label: "Meeting Password", from: from.meeting_password ?? "none", to: to.meeting_password ?? "none" };
    case "duration_minutes":
      return { label: "Duration", from: `${from.duration_minutes} minutes`, to: `${to.duration_minutes} minutes` };
  }
}

/** Someone who leaves the session must not receive a queued notice with its new meeting details. */
export async function withdrawUpdateNotice(w: SessionWork, userId: string): Promise<void> {
  await deleteUnsentNotice(w.tx, updateNoticeKey(w.row.id, userId));
}

/**
 * Queues Session Updated for each active participant, sent `updateNoticeDelayMs` later. A pending notice for the
 * same session and person is replaced, keeping what it said the old values were, so a burst of autosaves sends
 * one email; edits that end where they started withdraw it.
 */
export async function notifyUpdate(
  deps: Deps,
  w: SessionWork,
  saved: SessionRow,
  fields: NotifiedField[],
): Promise<void> {
  const notBefore = addMs(w.now, deps.config.updateNoticeDelayMs);
  for (const p of activeOf(w)) {
    const key = updateNoticeKey(saved.id, p.user_id);
    const pending = await findUnsentNotice(w.tx, key);
    const before: SessionRow = pending ? { ...w.row, ...(JSON.parse(pending).meta?.before ?? {}) } : w.row;
    const allFields = NOTIFIED_FIELDS.filter(
      (f) => fields.includes(f) || JSON.stringify(before[f]) !== JSON.stringify(w.row[f]),
    );
    const changes = allFields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(saved[f]))
      .map((f) => describeChange(deps, f, before, saved, p.time_zone));
    if (changes.length === 0) {
      // The edits ended where they started: the unsent notice would now be wrong.
      if (pending) await deleteUnsentNotice(w.tx, key);
      continue;
    }
    const rendered = sessionUpdatedEmail(w.site, emailView(deps, saved), recipient(p), changes);
    const beforeValues = Object.fromEntries(NOTIFIED_FIELDS.map((f) => [f, before[f]]));
    await enqueueEmail(w.tx, deps, p.email, rendered, invite(deps, w, saved, p, "REQUEST"), {
      coalesceKey: key,
      notBefore,
      meta: { before: beforeValues },
    });
  }
}
