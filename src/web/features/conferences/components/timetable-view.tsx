import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Text, Title } from "@mantine/core";
import { type CSSProperties, type ReactNode, useDeferredValue, useId, useMemo } from "react";
import { Link } from "react-router";
import type { Material } from "../../../../shared/schemas/conference-sessions";
import type {
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../../shared/schemas/timetable";
import { Time } from "../../../components/time";
import classes from "../timetable.module.css";
import { type OverlapGroup, overlapGroups } from "../timetable-layout";
import { DotsIcon } from "./icons";

type Person = { name: string; affiliation: string };

/** What managers may do from the timetable (simple dialogs; the drag-and-drop editor is another issue). */
export interface TimetableActions {
  editBlock(block: TimetableBlock): void;
  fitBlock(block: TimetableBlock): void;
  addBreakIn(block: TimetableBlock): void;
  deleteBlock(block: TimetableBlock): void;
  unschedule(contribution: TimetableContribution): void;
  deleteBreak(entry: TimetableBreak): void;
}

export interface TimetableContext {
  eventId: string;
  /** "block 2 of 3" per block id. */
  ordinals: Map<string, { n: number; of: number }>;
  /** Managers: room double use is flagged. */
  showConflicts: boolean;
  actions?: TimetableActions;
  /** The heading level of entry titles (3 under a day heading, 4 under a day and a group). */
  headingOrder?: 3 | 4;
}

export function people(list: Person[]): string {
  return list.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(", ");
}

const colourVars = (c: { text: string; background: string }) =>
  ({ "--tt-bg": c.background, "--tt-text": c.text }) as CSSProperties;

/** The ⋯ menu of a timetable entry (the reading view and the editor). */
export function EntryMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="dark" size="sm" aria-label={label}>
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

function MaterialLinks({ materials }: { materials: Material[] }) {
  if (materials.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="block-materials">
      <Text size="xs" fw={700} span>
        Material:
      </Text>
      {materials.map((m) => (
        // A long name takes two lines at most; the whole name is its tooltip.
        <Anchor
          key={m.id}
          href={m.url}
          size="xs"
          target="_blank"
          rel="noopener noreferrer"
          lineClamp={2}
          title={m.name}
          maw="100%"
        >
          {m.name}
        </Anchor>
      ))}
    </Group>
  );
}

function ContributionItem({ c, ctx }: { c: TimetableContribution; ctx: TimetableContext }) {
  return (
    <li data-testid="timetable-contribution">
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Stack gap={0} miw={0}>
          <Text size="xs">
            <Time at={c.startAt} until={c.endAt} format="time" />
          </Text>
          <Text size="sm" fw={600}>
            <Link to={`/events/${ctx.eventId}/contributions/${c.id}`} className={classes.entryLink}>
              {c.title}
            </Link>
          </Text>
          {c.speakers.length > 0 && <Text size="xs">{people(c.speakers)}</Text>}
        </Stack>
        {ctx.actions && (
          <EntryMenu label={`Actions for contribution ${c.title}`}>
            <Menu.Item onClick={() => ctx.actions?.unschedule(c)}>Unschedule</Menu.Item>
          </EntryMenu>
        )}
      </Group>
    </li>
  );
}

function BreakItem({ b, ctx }: { b: TimetableBreak; ctx: TimetableContext }) {
  return (
    <li className={classes.breakItem} style={colourVars(b.colours)}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs">
            <Time at={b.startAt} until={b.endAt} format="time" />
          </Text>
          <Text size="sm">Break: {b.title}</Text>
        </Stack>
        {ctx.actions && (
          <EntryMenu label={`Actions for break ${b.title}`}>
            <Menu.Item color="red" onClick={() => ctx.actions?.deleteBreak(b)}>
              Delete break
            </Menu.Item>
          </EntryMenu>
        )}
      </Group>
    </li>
  );
}

function Posters({ block, eventId }: { block: TimetableBlock; eventId: string }) {
  const posters = block.children.filter((c): c is TimetableContribution => c.kind === "contribution");
  if (posters.length === 0) return <Text size="sm">No posters yet.</Text>;
  return (
    <ul className={classes.posters} aria-label={`Posters of ${block.fullTitle}`}>
      {posters.map((p) => (
        <li key={p.id} className={classes.poster} data-testid="timetable-poster">
          <Text size="xs" fw={700}>
            {p.boardNumber ? `Board ${p.boardNumber}` : "No board"}
          </Text>
          <Text size="sm" fw={600}>
            <Link to={`/events/${eventId}/contributions/${p.id}`} className={classes.entryLink}>
              {p.title}
            </Link>
          </Text>
          {p.speakers.length > 0 && <Text size="xs">{people(p.speakers)}</Text>}
        </li>
      ))}
    </ul>
  );
}

/**
 * One block: a scheduled stretch of a session. The header (in the session's colours) says which session it
 * belongs to and which of its blocks it is, its time, place and, top right, its conveners; then the session's
 * materials (the same in every block of the session) and the block's contributions and breaks, or a grid of
 * posters with board numbers for a poster session.
 */
export function BlockCard({ block, ctx }: { block: TimetableBlock; ctx: TimetableContext }) {
  const headingId = useId();
  const ordinal = ctx.ordinals.get(block.id);
  const order = ctx.headingOrder ?? 3;
  return (
    <article
      className={classes.block}
      style={colourVars(block.colours)}
      aria-labelledby={headingId}
      data-testid="timetable-block"
      data-session-id={block.sessionId}
    >
      <div className={classes.blockHeader}>
        <Group justify="space-between" align="flex-start" gap={4} wrap="nowrap">
          <Text size="xs" fw={500}>
            Session: <Link to={`/events/${ctx.eventId}/sessions/${block.sessionId}`}>{block.sessionTitle}</Link>
            {block.sessionCode && ` (${block.sessionCode})`}
            {ordinal && ` · block ${ordinal.n} of ${ordinal.of}`}
            {block.isPoster && " · posters"}
          </Text>
          {ctx.actions && (
            <EntryMenu label={`Actions for block ${block.fullTitle}`}>
              <Menu.Item onClick={() => ctx.actions?.editBlock(block)}>Edit block</Menu.Item>
              {!block.isPoster && <Menu.Item onClick={() => ctx.actions?.fitBlock(block)}>Fit to content</Menu.Item>}
              {!block.isPoster && <Menu.Item onClick={() => ctx.actions?.addBreakIn(block)}>Add break here</Menu.Item>}
              <Menu.Item color="red" onClick={() => ctx.actions?.deleteBlock(block)}>
                Delete block
              </Menu.Item>
            </EntryMenu>
          )}
        </Group>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap" mt={2}>
          <Stack gap={2} miw={0} style={{ flex: "1 1 0" }}>
            <Title order={order} size="h5" id={headingId} c="inherit">
              {block.fullTitle}
            </Title>
            <Text size="xs">
              <Time at={block.startAt} until={block.endAt} format="time" />
              {block.location && ` · ${block.location.label}`}
            </Text>
            {ctx.showConflicts && block.roomDoubleBooked && (
              <Badge color="red" variant="filled" size="sm">
                Room double-booked
              </Badge>
            )}
          </Stack>
          {block.conveners.length > 0 && (
            <Stack gap={0} maw="45%" style={{ textAlign: "right" }} data-testid="block-conveners">
              <Text size="xs" fw={700}>
                {block.conveners.length === 1 ? "Convener" : "Conveners"}
              </Text>
              {block.conveners.map((p) => (
                <Text size="xs" key={`${p.name}|${p.affiliation}`}>
                  {p.affiliation ? `${p.name} (${p.affiliation})` : p.name}
                </Text>
              ))}
            </Stack>
          )}
        </Group>
      </div>
      <Stack gap="xs" className={classes.blockBody}>
        <MaterialLinks materials={block.materials} />
        {block.isPoster ? (
          <Posters block={block} eventId={ctx.eventId} />
        ) : block.children.length === 0 ? (
          <Text size="sm">Nothing scheduled in this block yet.</Text>
        ) : (
          <ol className={classes.children} aria-label={`Programme of ${block.fullTitle}`}>
            {block.children.map((c) =>
              c.kind === "contribution" ? (
                <ContributionItem key={c.id} c={c} ctx={ctx} />
              ) : (
                <BreakItem key={c.id} b={c} ctx={ctx} />
              ),
            )}
          </ol>
        )}
      </Stack>
    </article>
  );
}

/** A contribution or break at top level (outside any block). */
function TopEntry({ entry, ctx }: { entry: TimetableContribution | TimetableBreak; ctx: TimetableContext }) {
  const isBreak = entry.kind === "break";
  const colours = isBreak ? entry.colours : { text: "#202020", background: "#868e96" };
  const Heading = ctx.headingOrder === 4 ? "h4" : "h3";
  return (
    <div
      className={classes.topEntry}
      style={colourVars(colours)}
      data-testid={isBreak ? "timetable-break" : "timetable-contribution"}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs">
            <Time at={entry.startAt} until={entry.endAt} format="time" />
          </Text>
          <Text component={Heading} size="sm" fw={600} m={0} fs={isBreak ? "italic" : undefined}>
            {isBreak ? (
              `Break: ${entry.title}`
            ) : (
              <Link to={`/events/${ctx.eventId}/contributions/${entry.id}`} className={classes.entryLink}>
                {entry.title}
              </Link>
            )}
          </Text>
          {entry.kind === "contribution" && entry.speakers.length > 0 && (
            <Text size="xs">{people(entry.speakers)}</Text>
          )}
        </Stack>
        {ctx.actions && (
          <EntryMenu label={`Actions for ${isBreak ? "break" : "contribution"} ${entry.title}`}>
            {entry.kind === "contribution" ? (
              <Menu.Item onClick={() => ctx.actions?.unschedule(entry)}>Unschedule</Menu.Item>
            ) : (
              <Menu.Item color="red" onClick={() => ctx.actions?.deleteBreak(entry)}>
                Delete break
              </Menu.Item>
            )}
          </EntryMenu>
        )}
      </Group>
      {ctx.showConflicts &&
        "roomDoubleBooked" in entry &&
        (entry as { roomDoubleBooked: boolean }).roomDoubleBooked && (
          <Badge color="red" variant="filled" size="sm">
            Room double-booked
          </Badge>
        )}
    </div>
  );
}

function GroupView({ group, ctx }: { group: OverlapGroup<TimetableTopEntry>; ctx: TimetableContext }) {
  const labelId = useId();
  const parallel = group.columns > 1;
  return (
    <Stack gap={6} component="section" aria-labelledby={labelId}>
      <Text size="sm" fw={700} id={labelId}>
        <Time at={group.startAt} until={group.endAt} format="time" />
        {parallel && ` · ${group.columns} in parallel`}
      </Text>
      <div
        className={classes.group}
        style={{ "--tt-columns": group.columns, "--tt-rows": group.rows } as CSSProperties}
        // Wider than the screen when many blocks run in parallel: it scrolls, and every block has a link (its
        // session) that brings it into view by keyboard.
      >
        {group.entries.map((p) => (
          <div
            key={p.entry.id}
            className={classes.cell}
            style={{ "--tt-column": p.column, "--tt-row": p.row, "--tt-span": p.rows } as CSSProperties}
          >
            {p.entry.kind === "block" ? (
              <BlockCard block={p.entry} ctx={ctx} />
            ) : (
              <TopEntry entry={p.entry} ctx={ctx} />
            )}
          </div>
        ))}
      </div>
    </Stack>
  );
}

/**
 * A day of the event timetable: its entries cut into overlap groups, each a time grid with parallel entries side
 * by side in the server's columns and order (block order, then session code, then title).
 *
 * The first group is shown at once and the others just after, in a render React interrupts for input
 * (performance.md): a day of 400 contributions shows its first ones in one frame, not after all of them.
 */
export function DayView({
  entries,
  ctx,
  empty = "Nothing is scheduled on this day.",
}: {
  entries: TimetableTopEntry[];
  ctx: TimetableContext;
  /** What an empty day says (a filtered one: that nothing matches). */
  empty?: string;
}) {
  const groups = useMemo(() => overlapGroups(entries), [entries]);
  const shown = useDeferredValue(groups.length, 1);
  if (groups.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="lg">
      {groups.slice(0, shown).map((g) => (
        <GroupView key={`${g.startAt}-${g.entries[0]?.entry.id}`} group={g} ctx={ctx} />
      ))}
    </Stack>
  );
}
