'use client';
import { Fragment } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { RankedItem } from '@/lib/live-meeting/state.server';
import type { HonestCut } from '@/lib/ranking/what-if';
import { formatWeeks, personWeeks, plural } from '@/lib/plural';
import { MoveToMenu } from './move-to-menu';
import { PositionInput } from './ranking-inputs';
import { rankControlId, type RankControl } from './use-rank-focus';

export type MoveVia = Exclude<RankControl, 'drag'> | 'drag';

type Props = {
  /** Keeps the ids of two boards on one page apart. */
  board: string;
  label: string;
  items: RankedItem[];
  cut: HonestCut;
  capacityWeeks: number;
  canMove: boolean;
  large?: boolean;
  listRef?: React.Ref<HTMLOListElement>;
  /** A move is on its way to the server. */
  busy?: boolean;
  onMove: (item: RankedItem, toIndex: number, via: MoveVia) => void;
};

/**
 * A ranked list with the cut line, sortable by mouse or touch (drag the handle), by keyboard (focus
 * the handle, Space, arrows, Space — announced with the item and its position) and through each
 * row's "Move to…" menu, which needs no dragging at all.
 */
export function SortableRanking({
  board,
  label,
  items,
  cut,
  capacityWeeks,
  canMove,
  large,
  listRef,
  busy,
  onMove,
}: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: unknown) => items.find((i) => i.id === id)?.title ?? 'The item';
  const positionOf = (id: unknown) => items.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(active.id)} at position ${positionOf(active.id)} of ${items.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over position ${positionOf(over.id)} of ${items.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped at position ${positionOf(over.id)} of ${items.length}.` : undefined,
    onDragCancel: ({ active }) =>
      `Moving ${titleOf(active.id)} was cancelled; it stays at position ${positionOf(active.id)}.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = items.find((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over?.id);
    if (item && to >= 0 && to !== items.indexOf(item)) onMove(item, to, 'drag');
  };
  const stillFit = items.filter((i) => cut.stillFitIds.includes(i.id)).map((i) => i.title);
  const list = (
    <ol
      ref={listRef}
      aria-label={label}
      aria-busy={busy || undefined}
      className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {items.map((item, index) => (
        <Fragment key={item.id}>
          {index === cut.fitCount && <CutLine cut={cut} capacity={capacityWeeks} stillFit={stillFit} />}
          <Row
            board={board}
            item={item}
            index={index}
            count={items.length}
            fitCount={cut.fitCount}
            canMove={canMove}
            large={large}
            onMove={onMove}
          />
        </Fragment>
      ))}
      {cut.fitCount === items.length && <CutLine cut={cut} capacity={capacityWeeks} stillFit={[]} />}
    </ol>
  );
  if (!canMove) return list;
  return (
    <DndContext
      id={`dnd-${board}`}
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move an item, press Space, then the up and down arrows; Space again drops it, Escape cancels. Or use its "Move to…" menu.',
        },
      }}
    >
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        {list}
      </SortableContext>
    </DndContext>
  );
}

function Row({
  board,
  item,
  index,
  count,
  fitCount,
  canMove,
  large,
  onMove,
}: {
  board: string;
  item: RankedItem;
  index: number;
  count: number;
  fitCount: number;
  canMove: boolean;
  large?: boolean;
  onMove: Props['onMove'];
}) {
  const sortable = useSortable({ id: item.id, disabled: !canMove });
  const style = canMove
    ? { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }
    : undefined;
  return (
    <li
      ref={canMove ? sortable.setNodeRef : undefined}
      style={style}
      aria-label={item.title}
      className={`flex flex-wrap items-center gap-2 px-3 py-2 ${large ? 'text-xl' : 'text-sm'} ${index >= fitCount ? 'bg-zinc-50 text-zinc-500 dark:bg-zinc-900/50 dark:text-zinc-400' : 'bg-white dark:bg-zinc-950'} ${sortable.isDragging ? 'relative z-10 shadow-lg ring-2 ring-indigo-500' : ''}`}
    >
      {canMove && (
        <button
          type="button"
          ref={sortable.setActivatorNodeRef}
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={`Drag ${item.title} (position ${index + 1} of ${count})`}
          className="cursor-grab touch-none rounded px-1 text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-800"
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span className="w-8 font-semibold tabular-nums">{index + 1}.</span>
      <span className="min-w-0 grow break-words">
        {item.title}
        {item.theme && <span className="text-zinc-500 dark:text-zinc-400"> · {item.theme}</span>}
      </span>
      <span className="tabular-nums">{item.weeks === null ? 'not estimated' : `${formatWeeks(item.weeks)} pw`}</span>
      {canMove && (
        <span className="flex items-center gap-1">
          <PositionInput
            id={rankControlId(board, item.id, 'position')}
            item={item}
            position={index + 1}
            onMove={(to) => onMove(item, to - 1, 'position')}
          />
          <MoveToMenu
            id={rankControlId(board, item.id, 'menu')}
            title={item.title}
            index={index}
            count={count}
            fitCount={fitCount}
            onMove={(to) => onMove(item, to, 'menu')}
          />
        </span>
      )}
    </li>
  );
}

function CutLine({ cut, capacity, stillFit }: { cut: HonestCut; capacity: number; stillFit: string[] }) {
  const fit = cut.fitCount;
  const below = cut.acceptedCount - fit;
  return (
    // A list may only hold list items: the line is one, holding the separator.
    <li>
      <div
        role="separator"
        aria-label="Cut line"
        className="border-y-2 border-dashed border-red-500 bg-red-50 px-3 py-1 text-xs font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-200"
      >
        Cut line — the {plural(fit, 'item')} above {fit === 1 ? 'fits' : 'fit'} {personWeeks(capacity)}
        {below > 0 ? `; ${below} below ${below === 1 ? 'does' : 'do'} not` : ''}
        {stillFit.length > 0 && (
          <span className="block font-normal">
            {formatWeeks(cut.unusedWeeks)} pw unused above the line — would still fit: {stillFit.join(', ')} (a hint:
            nothing moves by itself)
          </span>
        )}
      </div>
    </li>
  );
}
