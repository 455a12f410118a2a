import { aRole, ROLE_LABEL } from "../../shared/labels";

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

import type { Role } from "../../shared/schemas/community-sessions";
import { describeInstant, formatInZone } from "../../shared/time";
import { type Block, type Rendered, renderEmail } from "../mail/layout";
import type { SiteSettings } from "../site/settings";

/** What every community email says about the session, as the recipient should read it. */
export interface SessionForEmail {
  title: string;
  startsAt: string | null;
  timeZone: string;
  durationMinutes: number;
  meetingUrl: string | null;
  meetingPassword: string | null;
  link: string;
}

export interface Recipient {
  name: string | null;
  /** The recipient's own zone (profile); null: the session's zone. */
  timeZone: string | null;
}

/** "Tue 10 Mar 2026, 18:30 EDT (America/New_York)", in the recipient's zone with the session's beside it. */
export function whenText(s: Pick<SessionForEmail, "startsAt" | "timeZone">, r: Recipient): string {
  if (!s.startsAt) return "to be announced";
  const d = describeInstant(s.startsAt, { viewerZone: r.timeZone ?? s.timeZone, sourceZone: s.timeZone });
  return d.source ? `${d.viewer} (${d.source} in the session's zone)` : d.viewer;
}

function details(
  s: SessionForEmail,
  r: Recipient,
  opts: { role?: Role; talkTitle?: string | null; meeting: boolean },
): Block {
  const lines: [string, string][] = [
    ["Session", s.title],
    ["When", whenText(s, r)],
    ["Duration", `${s.durationMinutes} minutes`],
  ];
  if (opts.role) lines.push(["Your role", ROLE_LABEL[opts.role]]);
  if (opts.talkTitle) lines.push(["Your talk", opts.talkTitle]);
  if (opts.meeting) {
    lines.push(["Meeting URL", s.meetingUrl ?? "will be sent before the session"]);
    if (s.meetingPassword) lines.push(["Meeting password", s.meetingPassword]);
  }
  return { lines };
}

const greeting = (r: Recipient) => (r.name ? `Hello ${r.name},` : "Hello,");

export function registrationConfirmedEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  role: Role,
  talkTitle: string | null,
): Rendered {
  return renderEmail(site, `Registration confirmed: ${s.title}`, [
    greeting(r),
    `You are registered as ${ROLE_LABEL[role]} for "${s.title}".`,
    details(s, r, { role, talkTitle, meeting: true }),
    { link: s.link, label: "Open the session page" },
    "Keep the meeting link to yourself: it is for registered participants.",
  ]);
}

/** A member's invitation to register (no registration is made for the recipient; no meeting details). */
export function memberInvitationEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  inviter: string,
  role: Role,
): Rendered {
  return renderEmail(site, `${inviter} invites you to ${s.title}`, [
    greeting(r),
    `${inviter} invites you to take part in "${s.title}" as ${ROLE_LABEL[role]}.`,
    {
      lines: [
        ["When", whenText(s, r)],
        ["Duration", `${s.durationMinutes} minutes`],
      ],
    },
    "You are not registered yet. If you would like to come, register on the session page:",
    { link: s.link, label: "Open the session page" },
  ]);
}

/**
 * An admin added an address that had no account (community.md, Participants tab): the account exists without a
 * password, and `link` sets one (7 days). No meeting details until the person has an account they control.
 */
export function accountInvitationEmail(site: SiteSettings, s: SessionForEmail, role: Role, link: string): Rendered {
  return renderEmail(site, `You are invited to ${s.title}`, [
    "Hello,",
    `An organiser of ${site.siteName} added you to "${s.title}" as ${ROLE_LABEL[role]}.`,
    {
      lines: [
        ["When", whenText(s, { name: null, timeZone: null })],
        ["Duration", `${s.durationMinutes} minutes`],
      ],
    },
    "Create your account to see the meeting details and manage your registration (the link works for 7 days):",
    { link, label: "Create your account" },
  ]);
}

export function roleChangedEmail(site: SiteSettings, s: SessionForEmail, r: Recipient, from: Role, to: Role): Rendered {
  return renderEmail(site, `Role Changed: ${s.title}`, [
    greeting(r),
    `An organiser changed your role in "${s.title}" from ${ROLE_LABEL[from]} to ${ROLE_LABEL[to]}.`,
    details(s, r, { role: to, meeting: true }),
    { link: s.link, label: "Open the session page" },
  ]);
}

export function registrationCancelledEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  by: "self" | "organiser",
): Rendered {
  return renderEmail(site, `Registration Cancelled: ${s.title}`, [
    greeting(r),
    by === "self"
      ? `Your registration for "${s.title}" is cancelled, as you asked.`
      : `An organiser removed you from "${s.title}": your registration is cancelled.`,
    details(s, r, { meeting: false }),
    { link: s.link, label: "See the session" },
  ]);
}

/** Session Cancelled; `deleted`: the organisers deleted the session, so there is no page to link to (issue #13). */
export function sessionCancelledEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  opts: { deleted?: boolean } = {},
): Rendered {
  const planned = `"${s.title}", planned for ${whenText(s, r)},`;
  return renderEmail(site, `Session Cancelled: ${s.title}`, [
    greeting(r),
    opts.deleted
      ? `${planned} has been cancelled by the organisers and removed from ${site.siteName}. You do not need to do anything.`
      : `${planned} has been cancelled by the organisers. You do not need to do anything.`,
    ...(opts.deleted ? [] : [{ link: s.link, label: "See the session" }]),
  ]);
}

/** The page that opens the member's own cancellation (the session page asks to confirm). */
export const cancelRegistrationLink = (s: Pick<SessionForEmail, "link">) => `${s.link}?cancel=registration`;

/** A cancelled session is reopened with its registrations restored (issue #13): the person is registered again. */
export function sessionBackOnEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  role: Role,
  talkTitle: string | null,
): Rendered {
  return renderEmail(site, `Session Back On: ${s.title}`, [
    greeting(r),
    `"${s.title}" is back on: the organisers reopened it, and you are registered as ${ROLE_LABEL[role]} again.`,
    details(s, r, { role, talkTitle, meeting: true }),
    { link: s.link, label: "Open the session page" },
    "If you can no longer come, cancel your registration so that someone else can take your place:",
    { link: cancelRegistrationLink(s), label: "Cancel my registration" },
  ]);
}

/** A cancelled session is reopened without its registrations (issue #13): the person's place was released. */
export function placeReleasedEmail(site: SiteSettings, s: SessionForEmail, r: Recipient, role: Role): Rendered {
  return renderEmail(site, `Place Released: ${s.title}`, [
    greeting(r),
    `"${s.title}" is back on, but the organisers reopened it without the earlier registrations: your place as ${ROLE_LABEL[role]} was released, and you are not registered.`,
    details(s, r, { meeting: false }),
    "If you would like to come, register again on the session page while places are free:",
    { link: s.link, label: "Open the session page" },
  ]);
}

export interface SessionChange {
  label: string;
  from: string;
  to: string;
}

export function sessionUpdatedEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  changes: SessionChange[],
): Rendered {
  return renderEmail(site, `Session Updated: ${s.title}`, [
    greeting(r),
    `The organisers changed "${s.title}":`,
    { lines: changes.map((c) => [c.label, `${c.from} → ${c.to}`] as [string, string]) },
    "The session now:",
    details(s, r, { meeting: true }),
    { link: s.link, label: "Open the session page" },
  ]);
}

/**
 * A reminder before the session (issue #15): when it starts, in the recipient's time and the session's, the
 * meeting link (the recipient is a participant), their role and talk, and the agenda with each item's time.
 */
export function reminderEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  reminder: {
    inWords: string;
    role: Role;
    talkTitle: string | null;
    agenda: { label: string; startsAt: string | null }[];
  },
): Rendered {
  const zone = r.timeZone ?? s.timeZone;
  const clock = (at: string) => formatInZone(at, zone, { withDate: false });
  const blocks: Block[] = [
    greeting(r),
    `"${s.title}" starts in ${reminder.inWords}.`,
    details(s, r, { role: reminder.role, talkTitle: reminder.talkTitle, meeting: true }),
  ];
  if (reminder.agenda.length > 0)
    blocks.push(`Agenda (times in ${zone}):`, {
      lines: reminder.agenda.map((a): [string, string] => [a.startsAt ? clock(a.startsAt) : "", a.label]),
    });
  blocks.push(
    { link: s.link, label: "Open the session page" },
    "Keep the meeting link to yourself: it is for registered participants.",
  );
  return renderEmail(site, `Reminder: ${s.title} starts in ${reminder.inWords}`, blocks);
}

/**
 * After the session (issue #15): thanks to an attendee, the recording and the organiser's notes, and the next
 * sessions to register for.
 */
export function followUpEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  after: { recordingUrl: string | null; notes: string | null; next: { title: string; when: string; link: string }[] },
): Rendered {
  const blocks: Block[] = [greeting(r), `Thank you for joining "${s.title}".`];
  if (after.recordingUrl) blocks.push({ link: after.recordingUrl, label: "Watch the recording" });
  if (after.notes) blocks.push(after.notes);
  if (after.next.length > 0) {
    blocks.push("Coming up next:");
    for (const n of after.next) blocks.push({ link: n.link, label: `${n.title}, ${n.when}` });
  }
  return renderEmail(site, `Thank you for joining: ${s.title}`, blocks);
}

/** "Sat 5 Dec 2026, 06:30 CET (Europe/Berlin)": an offer's deadline in the recipient's zone, the session's beside. */
export function deadlineText(at: string, s: Pick<SessionForEmail, "timeZone">, r: Recipient): string {
  const d = describeInstant(at, { viewerZone: r.timeZone ?? s.timeZone, sourceZone: s.timeZone });
  return d.source ? `${d.viewer} (${d.source} in the session's zone)` : d.viewer;
}

/** Joined a role's waitlist (issue #15, 1): where they stand and what happens next. */
export function waitlistJoinedEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  w: { role: Role; line: string; reason: string | null; holdText: string | null },
): Rendered {
  const next = w.holdText
    ? `When ${aRole(w.role)} place frees and you are first in line, we email you an offer: the place is held for you for ${w.holdText}.`
    : `When ${aRole(w.role)} place frees and you are first in line, you are registered and we email you.`;
  const blocks: Block[] = [greeting(r), `You are on the waitlist for "${s.title}": ${w.line}.`];
  if (w.reason) blocks.push(w.reason);
  blocks.push(
    next,
    details(s, r, { role: w.role, meeting: false }),
    { link: s.link, label: "Open the session page" },
    "You can leave the waitlist on the session page at any time.",
  );
  return renderEmail(site, `On the waitlist: ${s.title}`, blocks);
}

/** A place is offered from the waitlist (issue #15, 2): the one-click link and the deadline. */
export function placeOfferedEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  o: { role: Role; acceptLink: string; expiresAt: string },
): Rendered {
  const deadline = deadlineText(o.expiresAt, s, r);
  return renderEmail(site, `A place is yours if you want it: ${s.title}`, [
    greeting(r),
    `${capital(aRole(o.role))} place in "${s.title}" is free and you are first in line. It is held for you until ${deadline}.`,
    { link: o.acceptLink, label: "Accept the place" },
    details(s, r, { role: o.role, meeting: false }),
    "If you do not answer in time, the place goes to the next person in line. If you cannot come, decline on the same page so it goes to them sooner.",
  ]);
}

/** An offer's deadline passed (issue #15, 2): the place went to the next in line. */
export function offerExpiredEmail(site: SiteSettings, s: SessionForEmail, r: Recipient, role: Role): Rendered {
  return renderEmail(site, `Offer expired: ${s.title}`, [
    greeting(r),
    `The ${ROLE_LABEL[role]} place we held for you in "${s.title}" was not accepted in time, so it went to the next person in line, and you are no longer on the waitlist.`,
    details(s, r, { meeting: false }),
    "If places are still free or you would like to wait again, open the session page:",
    { link: s.link, label: "Open the session page" },
  ]);
}

/** Taken off a waitlist by an organiser, or its session was cancelled or started without a place for them. */
export function waitlistEndedEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  role: Role,
  why: "removed" | "cancelled" | "started" | "role_removed",
): Rendered {
  const text = {
    cancelled: `"${s.title}" has been cancelled, so its waitlist is closed: you are no longer waiting for ${aRole(role)} place.`,
    started: `"${s.title}" has started and no ${ROLE_LABEL[role]} place freed for you in time, so its waitlist is closed. We hope to see you at the next one.`,
    removed: `The organisers took you off the ${ROLE_LABEL[role]} waitlist of "${s.title}".`,
    role_removed: `"${s.title}" no longer has ${aRole(role)} place, so its ${ROLE_LABEL[role]} waitlist is closed. Other roles may still have places.`,
  }[why];
  return renderEmail(site, `Waitlist: ${s.title}`, [
    greeting(r),
    text,
    details(s, r, { meeting: false }),
    { link: s.link, label: "Open the session page" },
  ]);
}

/** Registered from the waitlist (issue #15, 2: promotion without an offer), with the meeting link. */
export function promotedEmail(
  site: SiteSettings,
  s: SessionForEmail,
  r: Recipient,
  role: Role,
  talkTitle: string | null,
): Rendered {
  return renderEmail(site, `You have a place: ${s.title}`, [
    greeting(r),
    `${capital(aRole(role))} place in "${s.title}" freed and you were first in line: you are registered.`,
    details(s, r, { role, talkTitle, meeting: true }),
    { link: s.link, label: "Open the session page" },
    "If you can no longer come, cancel on the session page so the place goes to the next person.",
    "Keep the meeting link to yourself: it is for registered participants.",
  ]);
}

/** The member declined the place offered (issue #15, 2): it goes to the next in line. */
export function offerDeclinedEmail(site: SiteSettings, s: SessionForEmail, r: Recipient, role: Role): Rendered {
  return renderEmail(site, `Place declined: ${s.title}`, [
    greeting(r),
    `You declined the ${ROLE_LABEL[role]} place in "${s.title}": it goes to the next person in line, and you are no longer on the waitlist.`,
    details(s, r, { meeting: false }),
    { link: s.link, label: "Open the session page" },
  ]);
}
