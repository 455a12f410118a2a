import { Badge, Group, Menu, Stack, Text } from "@mantine/core";
import type { CSSProperties, ReactNode } from "react";
import type {
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../../../shared/schemas/timetable";
import { clockRangeIn, dayLabel } from "../../local-time";
import { assignColumns, boxOf, isEmptyDraft, NO_DRAFT } from "../../timetable-editing";
import classes from "../../timetable-editor.module.css";
import { beforeOfBlock, beforeOfChild, previewOf, reorderOf, type Target } from "../../timetable-gestures";
import { EntryMenu } from "../timetable-view";
import type { EntryContext, EntryDraft } from "./editor-types";

type Action = { label: string; run: () => void; danger?: boolean };

/** An entry's menu items: the actions the person may take (falsy ones are left out). */
function actionItems(actions: (Action | false | null | undefined | 0 | "")[]): ReactNode[] {
  return actions
    .filter((a): a is Action => Boolean(a))
    .map((a) => (
      <Menu.Item key={a.label} color={a.danger ? "red" : undefined} onClick={a.run}>
        {a.label}
      </Menu.Item>
    ));
}

const timesOf = (entry: { startAt: string; endAt: string }, zone: string) =>
  clockRangeIn(Date.parse(entry.startAt), Date.parse(entry.endAt), zone);

/**
 * An entry's first lines: its handle when the person may move it (a button that takes the keyboard, named with
 * the entry and its times; ←/→ only for blocks), what it says, and its menu when there is something to do.
 */
function EntryHead({
  handle,
  menu,
  ctx,
  children,
}: {
  handle: { target: Target; label: string; days: boolean } | false;
  menu: { label: string; items: ReactNode[] };
  ctx: EntryContext;
  children: ReactNode;
}) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      {handle && (
        <button
          type="button"
          data-grip
          className={classes.handle}
          aria-label={handle.label}
          aria-describedby={ctx.helpId}
          onKeyDown={(e) => ctx.onHandleKey(e, handle.target, { move: true, days: handle.days })}
          onBlur={() => ctx.dropKeyDraft(handle.target.before.id)}
          onPointerDown={(e) => ctx.startPointer(e, handle.target, "move")}
        >
          ⠿
        </button>
      )}
      <Stack gap={0} miw={0} style={{ flex: 1 }}>
        {children}
      </Stack>
      {menu.items.length > 0 && <EntryMenu label={menu.label}>{menu.items}</EntryMenu>}
    </Group>
  );
}

/** The times a draft would give the entry, and what it would change beyond it. */
function DraftBadge({
  entry,
  active,
  block,
  ctx,
}: {
  entry: { startAt: string; endAt: string };
  active: EntryDraft | null;
  /** The block it is in (for an entry inside one). */
  block: TimetableBlock | null;
  ctx: EntryContext;
}) {
  if (!active || isEmptyDraft(active.draft)) return null;
  const { times, hints } = previewOf(entry, active.draft, { event: ctx.event, block, zone: ctx.zone });
  return (
    <Badge
      className={classes.draftBadge}
      color={hints.length ? "orange.9" : "dark"}
      size="sm"
      data-testid="draft-times"
      title={hints.join("; ") || undefined}
    >
      {active.draft.day ? `${dayLabel(active.draft.day, { short: true })}, ` : ""}
      {times}
      {hints.length ? ` · ${hints.join("; ")}` : ""}
    </Badge>
  );
}

function ResizeEdge({ target, ctx }: { target: Target; ctx: EntryContext }) {
  return (
    <div
      className={classes.resize}
      data-testid="resize-edge"
      aria-hidden
      onPointerDown={(e) => ctx.startPointer(e, target, "resize")}
    />
  );
}

/** A block on the grid with what is scheduled in it; `siblings` are the day's top-level entries (parallel order). */
export function BlockBox({
  block,
  day,
  siblings,
  style,
  active,
  ctx,
}: {
  block: TimetableBlock;
  day: string;
  siblings: TimetableTopEntry[];
  style: CSSProperties;
  active: EntryDraft | null;
  ctx: EntryContext;
}) {
  const target = ctx.targetOf(beforeOfBlock(block), block.fullTitle, null, day);
  const mayBlock = ctx.permissions.block(block);
  const mayInside = ctx.permissions.inside(block) && !block.isPoster;
  const ordinal = ctx.ordinals.get(block.id);
  const left = mayBlock && block.columns > 1 ? reorderOf(siblings, block.id, "left") : null;
  const right = mayBlock && block.columns > 1 ? reorderOf(siblings, block.id, "right") : null;
  const { menus } = ctx;
  const menuItems = actionItems([
    mayBlock && { label: "Set exact time…", run: () => ctx.openTimeDialog(target) },
    mayBlock && menus.editBlock && { label: "Edit block", run: () => menus.editBlock?.(block) },
    mayBlock && menus.fitBlock && !block.isPoster && { label: "Fit to content", run: () => menus.fitBlock?.(block) },
    left && {
      label: "Move left",
      run: () => void ctx.send(left.change, target, `Moved “${block.fullTitle}” left`, NO_DRAFT, [left.undo]),
    },
    right && {
      label: "Move right",
      run: () => void ctx.send(right.change, target, `Moved “${block.fullTitle}” right`, NO_DRAFT, [right.undo]),
    },
    mayInside && menus.addBreakIn && { label: "Add break here", run: () => menus.addBreakIn?.(block) },
    mayBlock && menus.deleteBlock && { label: "Delete block", danger: true, run: () => menus.deleteBlock?.(block) },
  ]);
  const dragging = ctx.dragging === block.id;
  return (
    <article
      className={classes.block}
      style={{ ...style, "--tt-bg": block.colours.background, "--tt-text": block.colours.text } as CSSProperties}
      // Poster blocks take dropped contributions too (as posters), though nothing moves inside them.
      data-drop-block={ctx.permissions.inside(block) ? block.id : undefined}
      data-testid="editor-block"
      data-block-id={block.id}
      data-entry-id={block.id}
      data-dragging={dragging ? "" : undefined}
      data-live={active?.live ? "" : undefined}
      data-over={ctx.overBlockId === block.id && !dragging ? "" : undefined}
      aria-label={`Block ${block.fullTitle}`}
      onPointerDown={(e) => mayBlock && ctx.startPointer(e, target, "move")}
    >
      <div className={classes.blockHead}>
        <EntryHead
          handle={
            mayBlock && {
              target,
              label: `Move or resize block “${block.fullTitle}”, ${timesOf(block, ctx.zone)}`,
              days: true,
            }
          }
          menu={{ label: `Actions for block ${block.fullTitle}`, items: menuItems }}
          ctx={ctx}
        >
          <Text size="xs" fw={700} lineClamp={2} title={block.fullTitle}>
            {block.fullTitle}
          </Text>
          <Text size="xs">
            {timesOf(block, ctx.zone)}
            {ordinal && ordinal.of > 1 ? ` · ${ordinal.n} of ${ordinal.of}` : ""}
            {block.location ? ` · ${block.location.label}` : ""}
          </Text>
        </EntryHead>
        <DraftBadge entry={block} active={active} block={null} ctx={ctx} />
      </div>
      <div className={classes.lane}>
        {block.isPoster ? (
          <Text size="xs" p={4}>
            {block.children.length === 1 ? "1 poster" : `${block.children.length} posters`}
          </Text>
        ) : (
          assignColumns(block.children).map(({ entry: child, column, columns }) => {
            const childActive = ctx.draftOf(child.id);
            // Inside a block that is being moved, entries move with it: they are placed from the block's start.
            const pos = {
              ...boxOf(child, childActive?.draft ?? null, Date.parse(block.startAt)),
              ...(columns > 1
                ? { left: `${(column / columns) * 100}%`, width: `${100 / columns}%`, right: "auto" }
                : {}),
            };
            return (
              <EntryBox
                key={child.id}
                entry={child}
                target={ctx.targetOf(beforeOfChild(child, block), child.title, block, day)}
                may={mayInside}
                style={pos}
                active={childActive}
                ctx={ctx}
                className={classes.child}
                colours={child.kind === "break" ? child.colours : null}
                parent={block}
              />
            );
          })
        )}
      </div>
      {mayBlock && <ResizeEdge target={target} ctx={ctx} />}
    </article>
  );
}

/** A contribution or break on the grid, at the top level or inside its block. */
export function EntryBox({
  entry,
  target,
  may,
  style,
  active,
  ctx,
  className,
  colours,
  parent = null,
}: {
  entry: TimetableContribution | TimetableBreak;
  /** The block it is in, if any. */
  parent?: TimetableBlock | null;
  target: Target;
  may: boolean;
  style: CSSProperties;
  active: EntryDraft | null;
  ctx: EntryContext;
  className: string | undefined;
  colours: { text: string; background: string } | null;
}) {
  const isBreak = entry.kind === "break";
  const { menus } = ctx;
  const items = actionItems([
    may && { label: "Set exact time…", run: () => ctx.openTimeDialog(target) },
    entry.kind === "contribution" &&
      menus.editContribution && { label: "Edit contribution", run: () => menus.editContribution?.(entry) },
    may &&
      entry.kind === "contribution" &&
      menus.unschedule && { label: "Unschedule", run: () => menus.unschedule?.(entry) },
    may &&
      entry.kind === "break" &&
      menus.deleteBreak && { label: "Delete break", danger: true, run: () => menus.deleteBreak?.(entry) },
  ]);
  const what = isBreak ? "break" : "contribution";
  return (
    <article
      className={className}
      style={
        {
          ...style,
          ...(colours ? { "--tt-bg": colours.background, "--tt-text": colours.text } : {}),
        } as CSSProperties
      }
      data-kind={entry.kind}
      data-entry-id={entry.id}
      data-testid={`editor-${entry.kind}`}
      data-dragging={ctx.dragging === entry.id ? "" : undefined}
      data-live={active?.live ? "" : undefined}
      aria-label={`${isBreak ? "Break" : "Contribution"} ${entry.title}`}
      onPointerDown={(e) => may && ctx.startPointer(e, target, "move")}
    >
      <EntryHead
        handle={
          may && {
            target,
            label: `Move or resize ${what} “${entry.title}”, ${timesOf(entry, ctx.zone)}`,
            days: false,
          }
        }
        menu={{ label: `Actions for ${what} ${entry.title}`, items }}
        ctx={ctx}
      >
        <Text size="xs" lineClamp={1}>
          {timesOf(entry, ctx.zone)}
        </Text>
        <Text size="xs" fw={600} lineClamp={2} fs={isBreak ? "italic" : undefined} title={entry.title}>
          {isBreak ? `Break: ${entry.title}` : entry.title}
        </Text>
      </EntryHead>
      <DraftBadge entry={entry} active={active} block={parent} ctx={ctx} />
      {may && <ResizeEdge target={target} ctx={ctx} />}
    </article>
  );
}
