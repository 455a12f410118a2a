import { Badge, Menu, Text } from "@mantine/core";
import { type CSSProperties, memo, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type {
  TimetableBlock,
  TimetableBreak,
  TimetableContribution,
  TimetableTopEntry,
} from "../../../../../shared/schemas/timetable";
import { clockRangeIn, dayLabel } from "../../local-time";
import { assignColumns, boxOf, isEmptyDraft, NO_DRAFT } from "../../timetable-editing";
import classes from "../../timetable-editor.module.css";
import { beforeOfBlock, beforeOfChild, beforeOfTop, previewOf, reorderOf, type Target } from "../../timetable-gestures";
import { DotsIcon } from "../icons";
import type { ActiveDraft, EntryContext, EntryDraft } from "./editor-types";

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

/**
 * An entry's ⋯ menu, mounted when first opened: a day of the editor has hundreds of entries, and a closed Mantine
 * menu for each made every render of the day several times slower (performance.md).
 */
function LazyEntryMenu({ label, children }: { label: string; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  const [opened, setOpened] = useState(false);
  const target = useRef<HTMLButtonElement>(null);
  // The button clicked was replaced by the menu's own: it takes the focus before the menu opens, so that the
  // menu gives the focus back to it when it closes (keyboard users stay where they were).
  useEffect(() => {
    if (!mounted) return;
    target.current?.focus();
    setOpened(true);
  }, [mounted]);
  if (mounted)
    return (
      <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
        <Menu.Target>
          <button type="button" ref={target} className={classes.menuButton} aria-label={label}>
            <DotsIcon />
          </button>
        </Menu.Target>
        <Menu.Dropdown>{children}</Menu.Dropdown>
      </Menu>
    );
  // A plain button until then: the grid draws hundreds of them.
  return (
    <button
      type="button"
      className={classes.menuButton}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => setMounted(true)}
    >
      <DotsIcon />
    </button>
  );
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
  stacked = false,
  ctx,
  children,
}: {
  handle: { target: Target; label: string; days: boolean } | false;
  menu: { label: string; items: ReactNode[] };
  /** Handle and menu on a line of their own above the text (a block's narrow head), not beside it. */
  stacked?: boolean;
  ctx: EntryContext;
  children: ReactNode;
}) {
  const grip = handle && (
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
  );
  const actions = menu.items.length > 0 && <LazyEntryMenu label={menu.label}>{menu.items}</LazyEntryMenu>;
  // Plain elements, not Mantine's layout components: a day of the editor draws them for hundreds of entries.
  if (stacked)
    return (
      <div>
        <div className={classes.headTools}>
          {grip || <span />}
          {actions}
        </div>
        {children}
      </div>
    );
  return (
    <div className={classes.entryRow}>
      {grip}
      <div className={classes.entryText}>{children}</div>
      {/* Over the text's end, shown when the entry is hovered or focused: the title keeps the width. */}
      {actions && <span className={classes.entryActions}>{actions}</span>}
    </div>
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

/** Where a box stands across the grid's lanes (or its block's width): CSS lengths, unset to fill. */
interface Across {
  left?: string;
  width?: string;
}

/**
 * A block on the grid with what is scheduled in it. Memoised with plain props (the editor's context is stable):
 * while an entry is dragged, only the boxes it concerns render again.
 */
export const BlockBox = memo(function BlockBox({
  block,
  day,
  reorderable,
  left: boxLeft,
  width: boxWidth,
  originMs,
  active,
  dragging,
  over,
  ordinalN,
  ordinalOf,
  ctx,
}: Across & {
  block: TimetableBlock;
  day: string;
  /** Stands by the parallel order (no room of its own), so Move left/right apply. */
  reorderable: boolean;
  /** The grid's start: the block is placed from there. */
  originMs: number;
  /** The draft on the block or on one of its entries, the entry being dragged among them, the drag over it. */
  active: ActiveDraft | null;
  dragging: string | null;
  over: { refusal: string | null } | null;
  /** "block 2 of 3" of its session. */
  ordinalN: number;
  ordinalOf: number;
  ctx: EntryContext;
}) {
  const target = useMemo(() => ctx.targetOf(beforeOfBlock(block), block.fullTitle, null, day), [ctx, block, day]);
  const mayBlock = ctx.permissions.block(block);
  const mayInside = ctx.permissions.inside(block) && !block.isPoster;
  const reorder = mayBlock && reorderable && block.columns > 1;
  // The day's entries as they are now: a block's column changes whenever its parallel order does.
  const siblings = reorder ? ctx.entriesOn(day) : [];
  const left = reorder ? reorderOf(siblings, block.id, "left") : null;
  const right = reorder ? reorderOf(siblings, block.id, "right") : null;
  const own = active?.id === block.id ? active : null;
  const { menus } = ctx;
  const menuItems = actionItems([
    mayBlock && { label: "Set exact time…", run: () => ctx.openTimeDialog(target) },
    mayBlock && menus.editBlock && { label: "Edit block", run: () => menus.editBlock?.(block) },
    mayBlock && menus.fitBlock && !block.isPoster && { label: "Fit to content", run: () => menus.fitBlock?.(block) },
    mayBlock &&
      menus.rescheduleBlock &&
      !block.isPoster && { label: "Reschedule…", run: () => menus.rescheduleBlock?.(block) },
    ctx.permissions.inside(block) &&
      menus.newContributionIn && { label: "New contribution here…", run: () => menus.newContributionIn?.(block) },
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
  const held = dragging === block.id;
  const style = {
    ...boxOf(block, own?.draft ?? null, originMs),
    left: boxLeft,
    width: boxWidth,
    "--tt-bg": block.colours.background,
    "--tt-text": block.colours.text,
  } as CSSProperties;
  return (
    <article
      className={classes.block}
      style={style}
      // Poster blocks take dropped contributions too (as posters), though nothing moves inside them.
      data-drop-block={ctx.permissions.inside(block) ? block.id : undefined}
      data-testid="editor-block"
      data-block-id={block.id}
      data-entry-id={block.id}
      data-dragging={held ? "" : undefined}
      data-live={own?.live ? "" : undefined}
      data-over={over && !held && !over.refusal ? "" : undefined}
      data-refused={over && !held && over.refusal ? "" : undefined}
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
          stacked
          ctx={ctx}
        >
          <div
            className={classes.title}
            style={{ "--clamp": 3 } as CSSProperties}
            title={block.fullTitle}
            data-entry-title
          >
            {block.fullTitle}
          </div>
          <div className={classes.line}>
            {timesOf(block, ctx.zone)}
            {ordinalOf > 1 ? ` · ${ordinalN} of ${ordinalOf}` : ""}
            {/* In a room's lane the lane names the room. */}
            {block.location && reorderable ? ` · ${block.location.label}` : ""}
          </div>
        </EntryHead>
        <DraftBadge entry={block} active={own} block={null} ctx={ctx} />
      </div>
      <div className={classes.lane}>
        {block.isPoster ? (
          <PosterList block={block} ctx={ctx} />
        ) : (
          assignColumns(block.children).map(({ entry: child, column, columns }) => (
            // Inside a block that is being moved, entries move with it: they are placed from the block's start.
            <EntryBox
              key={child.id}
              entry={child}
              parent={block}
              day={day}
              may={mayInside}
              originMs={Date.parse(block.startAt)}
              {...(columns > 1 ? { left: `${(column / columns) * 100}%`, width: `${100 / columns}%` } : {})}
              active={active?.id === child.id ? active : null}
              dragging={dragging === child.id}
              ctx={ctx}
              className={classes.child}
              colours={child.kind === "break" ? child.colours : null}
            />
          ))
        )}
      </div>
      {mayBlock && <ResizeEdge target={target} ctx={ctx} />}
    </article>
  );
});

/** A contribution or break on the grid, at the top level or inside its block (memoised as BlockBox is). */
export const EntryBox = memo(function EntryBox({
  entry,
  parent,
  day,
  may,
  left,
  width,
  originMs,
  active,
  dragging,
  ctx,
  className,
  colours,
}: Across & {
  entry: TimetableContribution | TimetableBreak;
  /** The block it is in, if any. */
  parent: TimetableBlock | null;
  day: string;
  may: boolean;
  /** Where its times are measured from: the grid's start, or its block's. */
  originMs: number;
  active: ActiveDraft | null;
  dragging: boolean;
  ctx: EntryContext;
  className: string | undefined;
  colours: { text: string; background: string } | null;
}) {
  const target = useMemo(
    () =>
      ctx.targetOf(
        parent ? beforeOfChild(entry, parent) : beforeOfTop(entry as TimetableTopEntry),
        entry.title,
        parent,
        day,
        entry.kind === "contribution" ? entry.sessionId : undefined,
      ),
    [ctx, entry, parent, day],
  );
  const style: CSSProperties = {
    ...boxOf(entry, active?.draft ?? null, originMs),
    ...(left !== undefined ? { left, width, right: "auto" } : {}),
  };
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
  // Under 40 px (20 minutes) there is room for one line.
  const short = typeof style.height === "number" && style.height < 40;
  return (
    <article
      className={className}
      style={
        {
          ...style,
          // Its height on the grid, through the stylesheet: when hovered or focused it grows to show itself whole.
          height: undefined,
          "--h": typeof style.height === "number" ? `${style.height}px` : style.height,
          ...(colours ? { "--tt-bg": colours.background, "--tt-text": colours.text } : {}),
        } as CSSProperties
      }
      data-kind={entry.kind}
      data-short={short ? "" : undefined}
      data-entry-id={entry.id}
      data-testid={`editor-${entry.kind}`}
      data-dragging={dragging ? "" : undefined}
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
        {/* The title first: a short entry has room for one line, and shows the rest when hovered or focused. */}
        <div
          className={classes.title}
          style={{ "--clamp": short ? 1 : 2, fontStyle: isBreak ? "italic" : undefined } as CSSProperties}
          title={entry.title}
          data-entry-title
        >
          {isBreak ? `Break: ${entry.title}` : entry.title}
        </div>
        <div className={classes.line}>{timesOf(entry, ctx.zone)}</div>
      </EntryHead>
      <DraftBadge entry={entry} active={active} block={parent} ctx={ctx} />
      {may && <ResizeEdge target={target} ctx={ctx} />}
    </article>
  );
});

/**
 * A poster block's posters by board number, each with its menu (edit, unschedule): a poster has the block's
 * times, so it is listed rather than placed on the grid.
 */
function PosterList({ block, ctx }: { block: TimetableBlock; ctx: EntryContext }) {
  const { menus } = ctx;
  const may = ctx.permissions.inside(block);
  const posters = block.children.filter((c): c is TimetableContribution => c.kind === "contribution");
  return (
    <div className={classes.posters}>
      <Text size="xs" fw={600} px={4}>
        {posters.length === 1 ? "1 poster" : `${posters.length} posters`}
      </Text>
      <ul aria-label={`Posters of ${block.fullTitle}`}>
        {posters.map((poster) => {
          const items = actionItems([
            menus.editContribution && { label: "Edit contribution", run: () => menus.editContribution?.(poster) },
            may && menus.unschedule && { label: "Unschedule", run: () => menus.unschedule?.(poster) },
          ]);
          return (
            <li key={poster.id} data-testid="editor-poster" data-entry-id={poster.id}>
              <Text size="xs" lineClamp={2} title={poster.title} data-entry-title style={{ flex: 1 }}>
                {poster.boardNumber ? `${poster.boardNumber} · ` : ""}
                {poster.title}
              </Text>
              {items.length > 0 && <LazyEntryMenu label={`Actions for poster ${poster.title}`}>{items}</LazyEntryMenu>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
