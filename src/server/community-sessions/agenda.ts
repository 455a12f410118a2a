/**
 * The agenda a session's settings imply (community.md, Session): the host's opening, then each presenter
 * slot's talk and Q&A in presentation order, with a warning when the talks outrun the Duration.
 * Pure: minute offsets from the start, plus instants when the start is known.
 */

/**
 * Minutes the host's opening takes in the implied agenda. Zero: the opening marks the start, and the
 * spec's overrun rule is presenters × (talk + Q&A) > Duration, so the default 3 × (10 + 5) fills the
 * default 45 minutes exactly.
 */
export const OPENING_MINUTES = 0;

export interface AgendaInput {
  /** UTC instant of the start, or null while Date & Time is unset (offsets only then). */
  startsAt: string | null;
  durationMinutes: number;
  talkMinutes: number;
  qaMinutes: number;
  /** Active presenters in presentation order. */
  presenters: { name: string | null; talkTitle: string | null }[];
  maxPresenters: number;
}

export type AgendaItemKind = "opening" | "talk" | "qa";

export interface AgendaItem {
  kind: AgendaItemKind;
  /** 1-based presenter slot; null for the opening. */
  slot: number | null;
  /** What the editor shows, e.g. "Ada Lovelace: Engines", "Q&A: Ada Lovelace", "Presenter 2 (open)". */
  label: string;
  presenterName: string | null;
  talkTitle: string | null;
  /** A presenter slot nobody holds yet. */
  isOpenSlot: boolean;
  /** Minutes from the session's start. */
  startMinute: number;
  durationMinutes: number;
  /** UTC instants, when the session's start is known. */
  startsAt: string | null;
  endsAt: string | null;
}

export interface Agenda {
  items: AgendaItem[];
  /** Opening + presenter slots × (talk + Q&A). */
  neededMinutes: number;
  durationMinutes: number;
  /** How far the agenda runs past the Duration; 0 when it fits. */
  overrunMinutes: number;
  /** The editor's warning (it does not block saving); null when the agenda fits. */
  warning: string | null;
}

/**
 * The agenda the session editor shows (community.md, Session): the host opening, then for every presenter
 * slot (filled ones with the presenter's name and talk title, open ones as "Presenter 2 (open)") a talk and
 * its Q&A, each with its start in minutes; and a warning, not a block, when Max Presenters × (Talk Duration
 * + Q&A Duration) exceeds Duration. A Q&A Duration of 0 means no Q&A items.
 */
export function impliedAgenda(input: AgendaInput): Agenda {
  const start = input.startsAt === null ? null : instantMs(input.startsAt);
  const at = (minute: number) => (start === null ? null : new Date(start + minute * 60_000).toISOString());
  const items: AgendaItem[] = [];
  const push = (item: Omit<AgendaItem, "startsAt" | "endsAt">) =>
    items.push({ ...item, startsAt: at(item.startMinute), endsAt: at(item.startMinute + item.durationMinutes) });

  push({
    kind: "opening",
    slot: null,
    label: "Opening by the host",
    presenterName: null,
    talkTitle: null,
    isOpenSlot: false,
    startMinute: 0,
    durationMinutes: OPENING_MINUTES,
  });

  // More presenters than slots cannot happen through the rules, but if the data says so, show them all.
  const slots = Math.max(input.maxPresenters, input.presenters.length);
  let minute = OPENING_MINUTES;
  for (let slot = 1; slot <= slots; slot++) {
    const presenter = input.presenters[slot - 1];
    const isOpenSlot = presenter === undefined;
    const name = presenter?.name?.trim() || null;
    const title = presenter?.talkTitle?.trim() || null;
    const who = isOpenSlot ? `Presenter ${slot} (open)` : (name ?? `Presenter ${slot}`);
    const common = { slot, presenterName: name, talkTitle: title, isOpenSlot };
    push({
      ...common,
      kind: "talk",
      label: title ? `${who}: ${title}` : who,
      startMinute: minute,
      durationMinutes: input.talkMinutes,
    });
    minute += input.talkMinutes;
    if (input.qaMinutes > 0) {
      push({ ...common, kind: "qa", label: `Q&A: ${who}`, startMinute: minute, durationMinutes: input.qaMinutes });
      minute += input.qaMinutes;
    }
  }

  const overrunMinutes = Math.max(0, minute - input.durationMinutes);
  return {
    items,
    neededMinutes: minute,
    durationMinutes: input.durationMinutes,
    overrunMinutes,
    warning:
      overrunMinutes > 0 ? `The talks need ${minutes(minute)} but the session lasts ${input.durationMinutes}.` : null,
  };
}

function minutes(n: number): string {
  return n === 1 ? "1 minute" : `${n} minutes`;
}

function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return ms;
}
