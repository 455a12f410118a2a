import { enqueueEmail } from "../mail/enqueue-email";
import { type Rendered, renderEmail } from "../mail/layout";
import type { Actor } from "../permissions/actor";
import type { Db } from "../platform/db";
import type { Deps } from "../platform/deps";
import { readSite, type SiteSettings } from "../site/settings";
import { absolute, eventManageTimetablePath, eventPath, sessionPath, sessionTimetablePath } from "./links";

/**
 * The emails that tell someone they were given a role in a conference (issue 13): made an event manager, a
 * session's manager or one of its coordinators. Each says who did it, what the role allows and links to the
 * session (or event) and its timetable. Queued in the change's transaction, so nobody is told of a change that
 * rolled back; nobody is told of what they did themselves.
 */

export type SessionRole = "manager" | "coordinator";

interface SessionRoleFacts {
  role: SessionRole;
  by: string;
  eventTitle: string;
  sessionTitle: string;
  sessionUrl: string;
  timetableUrl: string;
  /** The event's Session coordinator rights, which say what a coordinator may do besides scheduling. */
  rights: { contributions: boolean; blocks: boolean };
}

/** What a coordinator may do, as one sentence's list. */
function coordinatorMay(rights: SessionRoleFacts["rights"]): string {
  const may = [
    "see the session",
    "schedule its contributions into its blocks",
    "add, move and delete breaks in its blocks",
    ...(rights.blocks ? ["add, move, resize and delete its blocks"] : []),
    ...(rights.contributions ? ["edit its contributions"] : []),
  ];
  return `${may.slice(0, -1).join(", ")} and ${may[may.length - 1]}`;
}

export function sessionRoleEmail(site: SiteSettings, f: SessionRoleFacts): Rendered {
  const manager = f.role === "manager";
  return renderEmail(
    site,
    manager ? `You now manage the session “${f.sessionTitle}”` : `You now coordinate the session “${f.sessionTitle}”`,
    [
      manager
        ? `${f.by} gave you full management rights on the session “${f.sessionTitle}” of ${f.eventTitle}: you may change its details, blocks, contributions, material and protection.`
        : `${f.by} made you a coordinator of the session “${f.sessionTitle}” of ${f.eventTitle}: you may ${coordinatorMay(f.rights)}.`,
      { link: f.sessionUrl, label: "Open the session" },
      { link: f.timetableUrl, label: "Open its timetable" },
      "You find it again under My sessions on the event's page.",
    ],
  );
}

export function eventManagerEmail(
  site: SiteSettings,
  f: { by: string; eventTitle: string; eventUrl: string; timetableUrl: string },
): Rendered {
  return renderEmail(site, `You now manage the event “${f.eventTitle}”`, [
    `${f.by} made you a manager of the event “${f.eventTitle}”: you may change its settings, its sessions and their protection, its timetable and its contributions.`,
    { link: f.eventUrl, label: "Open the event" },
    { link: f.timetableUrl, label: "Open its timetable" },
  ]);
}

const nameOf = (actor: Actor) => actor.name?.trim() || actor.email;

/** Tells each person newly given a role on a session, except the one who gave it. */
export async function tellSessionRoles(
  tx: Db,
  deps: Pick<Deps, "config" | "clock">,
  actor: Actor,
  event: { id: string; title: string; coordinators_manage_contributions: number; coordinators_manage_blocks: number },
  session: { id: string; title: string },
  given: readonly { userId: string; email: string; role: SessionRole }[],
): Promise<void> {
  const told = given.filter((g) => g.userId !== actor.id);
  if (told.length === 0) return;
  const site = await readSite(tx);
  const base = deps.config.baseUrl;
  for (const g of told) {
    const rendered = sessionRoleEmail(site, {
      role: g.role,
      by: nameOf(actor),
      eventTitle: event.title,
      sessionTitle: session.title,
      sessionUrl: absolute(base, sessionPath(event.id, session.id)),
      timetableUrl: absolute(base, sessionTimetablePath(event.id, session.id)),
      rights: {
        contributions: event.coordinators_manage_contributions === 1,
        blocks: event.coordinators_manage_blocks === 1,
      },
    });
    await enqueueEmail(tx, deps, g.email, rendered);
  }
}

/** Tells each new event manager, except the one who named them. */
export async function tellEventManagers(
  tx: Db,
  deps: Pick<Deps, "config" | "clock">,
  actor: Actor,
  event: { id: string; title: string },
  given: readonly { userId: string; email: string }[],
): Promise<void> {
  const told = given.filter((g) => g.userId !== actor.id);
  if (told.length === 0) return;
  const site = await readSite(tx);
  const base = deps.config.baseUrl;
  for (const g of told) {
    const rendered = eventManagerEmail(site, {
      by: nameOf(actor),
      eventTitle: event.title,
      eventUrl: absolute(base, eventPath(event.id)),
      timetableUrl: absolute(base, eventManageTimetablePath(event.id)),
    });
    await enqueueEmail(tx, deps, g.email, rendered);
  }
}
