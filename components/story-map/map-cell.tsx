'use client';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { KeyboardEvent } from 'react';
import type { MapActivityView, MapCardView, MapPlace, MapSliceView } from '@/lib/story-map/types';
import { MapCard } from './map-card';

export const TRAY_ID = 'tray';
export const cellId = (stepId: number, sliceId: number) => `cell:${stepId}:${sliceId}`;

/** The place a droppable id names: a cell, the tray (null), or undefined for a card's id. */
export function placeOfDroppable(id: unknown): MapPlace | undefined {
  if (id === TRAY_ID) return null;
  const m = typeof id === 'string' ? /^cell:(\d+):(\d+)$/.exec(id) : null;
  return m ? { stepId: Number(m[1]), sliceId: Number(m[2]) } : undefined;
}

type Props = {
  id: string;
  label: string;
  cards: MapCardView[];
  canEdit: boolean;
  slices: MapSliceView[];
  activities: MapActivityView[];
  onMove: (card: MapCardView, to: MapPlace, index: number) => void;
  onCull: (card: MapCardView) => void;
  className?: string;
  /** Not a drop target for now (the moving card's own cell). */
  dropDisabled?: boolean;
  /** Where a card carried by keyboard would be dropped now. */
  carryTarget?: boolean;
  /** The card being carried by keyboard, if any. */
  carriedId?: number | null;
  carryKeys?: (card: MapCardView) => (event: KeyboardEvent<HTMLButtonElement>) => void;
};

/** A cell (step × slice) or the tray: a drop target holding its cards in order. */
export function MapCell({
  id,
  label,
  cards,
  canEdit,
  slices,
  activities,
  onMove,
  onCull,
  className = '',
  dropDisabled = false,
  carryTarget = false,
  carriedId = null,
  carryKeys,
}: Props) {
  const droppable = useDroppable({ id, disabled: !canEdit || dropDisabled, data: { where: label } });
  return (
    <SortableContext id={id} items={cards.map((c) => c.itemId)} strategy={verticalListSortingStrategy}>
      <ul
        ref={droppable.setNodeRef}
        aria-label={label}
        className={`min-h-16 space-y-2 rounded-md p-1.5 ${droppable.isOver || carryTarget ? 'bg-indigo-50 ring-2 ring-indigo-400 dark:bg-indigo-950/40' : 'border border-dashed border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900/40'} ${className}`}
      >
        {cards.map((card, index) => (
          <MapCard
            key={card.itemId}
            card={card}
            index={index}
            count={cards.length}
            where={label}
            canEdit={canEdit}
            slices={slices}
            activities={activities}
            onMove={onMove}
            onCull={onCull}
            carried={carriedId === card.itemId}
            onHandleKeyDown={carryKeys?.(card)}
          />
        ))}
      </ul>
    </SortableContext>
  );
}
