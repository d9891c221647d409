'use client';
import Link from '@/components/ui/link';
import type { KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { KIND_LABEL } from '@/lib/backlog/labels';
import type { MapActivityView, MapCardView, MapPlace, MapSliceView } from '@/lib/story-map/types';
import { CardMoveMenu } from './card-move-menu';

export const cardControlId = (itemId: number, control: 'drag' | 'menu' | 'cull') => `map-card-${itemId}-${control}`;

type Props = {
  card: MapCardView;
  index: number;
  count: number;
  where: string;
  canEdit: boolean;
  slices: MapSliceView[];
  activities: MapActivityView[];
  onMove: (card: MapCardView, to: MapPlace, index: number) => void;
  onCull: (card: MapCardView) => void;
  /** Picked up by keyboard and being carried to another cell. */
  carried?: boolean;
  onHandleKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
};

/** One card: its item's title (a link), kind, estimate and theme, and — for editors — its controls. */
export function MapCard({
  card,
  index,
  count,
  where,
  canEdit,
  slices,
  activities,
  onMove,
  onCull,
  carried = false,
  onHandleKeyDown,
}: Props) {
  const sortable = useSortable({ id: card.itemId, disabled: !canEdit, data: { where } });
  const style = canEdit
    ? { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }
    : undefined;
  const place: MapPlace =
    card.stepId !== null && card.sliceId !== null ? { stepId: card.stepId, sliceId: card.sliceId } : null;
  return (
    <li
      ref={canEdit ? sortable.setNodeRef : undefined}
      style={style}
      aria-label={card.title}
      className={`rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900 ${sortable.isDragging || carried ? 'relative z-10 shadow-lg ring-2 ring-indigo-500' : ''}`}
    >
      <div className="flex items-start gap-1">
        {canEdit && (
          <button
            type="button"
            id={cardControlId(card.itemId, 'drag')}
            ref={sortable.setActivatorNodeRef}
            {...sortable.attributes}
            {...sortable.listeners}
            onKeyDown={onHandleKeyDown}
            aria-pressed={carried || sortable.isDragging}
            aria-label={`Drag ${card.title} (${where})`}
            className="cursor-grab touch-none rounded px-1 text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <Link href={`/items/${card.itemId}`} className="min-w-0 grow font-medium break-words">
          {card.title}
        </Link>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {KIND_LABEL[card.kind]} · {card.estimate ?? 'not estimated'}
        {card.theme && <> · {card.theme}</>}
      </p>
      {canEdit && (
        <div className="mt-1 flex flex-wrap justify-end gap-1">
          <CardMoveMenu
            id={cardControlId(card.itemId, 'menu')}
            title={card.title}
            place={place}
            index={index}
            count={count}
            slices={slices}
            activities={activities}
            onMove={(to, at) => onMove(card, to, at)}
          />
          <button
            type="button"
            id={cardControlId(card.itemId, 'cull')}
            onClick={() => onCull(card)}
            aria-label={`Not this cycle: ${card.title}`}
            className="rounded px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Not this cycle
          </button>
        </div>
      )}
    </li>
  );
}
