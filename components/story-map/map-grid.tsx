'use client';
import {
  closestCenter,
  DndContext,
  PointerSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useState, type KeyboardEvent } from 'react';
import type { MapCardView, MapPlace, MapState } from '@/lib/story-map/types';
import { ScrollBox } from '@/components/ui/scroll-box';
import { cardsIn } from './apply-event';
import { BackboneHeader } from './backbone-header';
import { cellId, MapCell, placeOfDroppable, TRAY_ID } from './map-cell';
import { carryStep, isCarryKey } from '@/lib/story-map/keyboard-carry';
import { SliceHeader } from './slice-header';
import type { Send } from './use-story-map';

export type MoveVia = 'drag' | 'menu';

type Props = {
  state: MapState;
  send: Send;
  collapsed: Set<number>;
  onToggle: (sliceId: number) => void;
  onMove: (card: MapCardView, to: MapPlace, index: number, via: MoveVia) => void;
  onCull: (card: MapCardView) => void;
  confirmDelete: (message: string) => boolean;
};

/** Cards before cells: dropping on a card puts the moved one at its place, on a cell at its end. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length === 0) return closestCenter(args);
  return [...hits.filter((h) => typeof h.id === 'number'), ...hits.filter((h) => typeof h.id !== 'number')];
};

/**
 * The grid: the backbone across the top, a lane per slice with a cell under each step, and the tray.
 * Cards move by mouse or touch (drag the handle), by keyboard (focus the handle, Space, arrows, Space —
 * announced with the card and where it is), and through each card's "Move to…" menu. The keyboard carries
 * a card over the grid's cells (lib/story-map/keyboard-carry.ts) rather than by pixels, as dnd-kit's
 * keyboard sensor would: on a grid of lists that sensor kept landing the card where it already was.
 */
export function MapGrid({ state, send, collapsed, onToggle, onMove, onCull, confirmDelete }: Props) {
  // The card's own cell (or the tray) is no drop target while it moves: the keyboard's arrows would
  // otherwise land on it first, and dropping a card where it already is changes nothing.
  const [dragFrom, setDragFrom] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
  );
  const [carry, setCarry] = useState<{ itemId: number; to: MapPlace; lastStepId: number | null } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const steps = state.activities.flatMap((a) => a.steps.map((s) => ({ ...s, activity: a.name })));
  const columns = state.activities.reduce((n, a) => n + Math.max(1, a.steps.length), 0);
  const sliceName = new Map(state.slices.map((s) => [s.id, s.name]));
  const stepName = new Map(steps.map((s) => [s.id, `${s.activity} › ${s.name}`]));
  const placeName = (p: MapPlace) => (p ? `${stepName.get(p.stepId)}, ${sliceName.get(p.sliceId)}` : 'the tray');
  const cardById = (id: unknown) => state.cards.find((c) => c.itemId === id);
  const placeOfCard = (c: MapCardView): MapPlace =>
    c.stepId !== null && c.sliceId !== null ? { stepId: c.stepId, sliceId: c.sliceId } : null;
  /** Where a drop over `id` lands: the card's cell at its index, or a cell's (or the tray's) end. */
  const target = (id: unknown): { to: MapPlace; index: number } | null => {
    const place = placeOfDroppable(id);
    if (place !== undefined)
      return { to: place, index: place ? cardsIn(state, place.stepId, place.sliceId).length : 0 };
    const over = cardById(id);
    if (!over) return null;
    const to = placeOfCard(over);
    return { to, index: to ? cardsIn(state, to.stepId, to.sliceId).findIndex((c) => c.itemId === over.itemId) : 0 };
  };
  const titleOf = (id: unknown) => cardById(id)?.title ?? 'The card';
  const describe = (id: unknown) => {
    const t = target(id);
    return t ? (t.to ? `${placeName(t.to)}, position ${t.index + 1}` : 'the tray') : 'nowhere';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(active.id)} from ${placeName(placeOfCard(cardById(active.id)!))}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${describe(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} dropped in ${describe(over.id)}.` : undefined),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled; it stays where it was.`,
  };
  const carryGrid = {
    steps: steps.map((s) => s.id),
    slices: state.slices.filter((s) => !collapsed.has(s.id)).map((s) => s.id),
  };
  const carryKeys = (card: MapCardView) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const pickOrDrop = event.key === ' ' || event.key === 'Enter';
    if (carry?.itemId !== card.itemId) {
      if (!pickOrDrop) return;
      event.preventDefault();
      setCarry({ itemId: card.itemId, to: placeOfCard(card), lastStepId: card.stepId });
      setAnnouncement(
        `Picked up ${card.title} from ${placeName(placeOfCard(card))}. The arrow keys choose a cell, Space drops it, Escape cancels.`,
      );
      return;
    }
    if (isCarryKey(event.key)) {
      event.preventDefault();
      const to = carryStep(carryGrid, carry.to, event.key, carry.lastStepId);
      setCarry({ ...carry, to, lastStepId: to?.stepId ?? carry.lastStepId });
      setAnnouncement(`${card.title}: over ${placeName(to)}.`);
    } else if (pickOrDrop) {
      event.preventDefault();
      setCarry(null);
      const from = placeOfCard(card);
      if (JSON.stringify(from) === JSON.stringify(carry.to)) {
        setAnnouncement(`${card.title} stays where it was.`);
        return;
      }
      setAnnouncement(`${card.title} dropped in ${placeName(carry.to)}.`);
      const index = carry.to ? cardsIn(state, carry.to.stepId, carry.to.sliceId).length : 0;
      onMove(card, carry.to, index, 'drag');
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setCarry(null);
      setAnnouncement(`Moving ${card.title} was cancelled; it stays where it was.`);
    }
  };
  const carriedTo = (place: MapPlace) => carry !== null && JSON.stringify(carry.to) === JSON.stringify(place);
  const containerOf = (c: MapCardView) => {
    const p = placeOfCard(c);
    return p ? cellId(p.stepId, p.sliceId) : TRAY_ID;
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragFrom(null);
    const card = cardById(active.id);
    const t = over ? target(over.id) : null;
    if (!card || !t) return;
    const from = placeOfCard(card);
    const same = JSON.stringify(from) === JSON.stringify(t.to);
    const fromIndex = from ? cardsIn(state, from.stepId, from.sliceId).indexOf(card) : 0;
    if (same && (t.to === null || fromIndex === t.index)) return;
    onMove(card, t.to, t.index, 'drag');
  };
  const cell = (stepId: number, sliceId: number) => (
    <MapCell
      key={cellId(stepId, sliceId)}
      id={cellId(stepId, sliceId)}
      dropDisabled={dragFrom === cellId(stepId, sliceId)}
      carryTarget={carriedTo({ stepId, sliceId })}
      carriedId={carry?.itemId ?? null}
      carryKeys={carryKeys}
      label={placeName({ stepId, sliceId })}
      cards={cardsIn(state, stepId, sliceId)}
      canEdit={state.canEdit}
      slices={state.slices}
      activities={state.activities}
      onMove={(c, to, i) => onMove(c, to, i, 'menu')}
      onCull={onCull}
    />
  );
  const grid = { gridTemplateColumns: `repeat(${Math.max(1, columns)}, minmax(11rem, 1fr))` };
  return (
    <DndContext
      id={`map-${state.cycleId}`}
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={({ active }) => {
        const card = cardById(active.id);
        setDragFrom(card ? containerOf(card) : null);
      }}
      onDragCancel={() => setDragFrom(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move a card, press Space on its handle, then the arrow keys to choose another cell (left and right: steps; up and down: slices, with the tray below them); Space again drops it, Escape cancels. Or use its "Move to…" menu.',
        },
      }}
    >
      <p role="status" aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      <ScrollBox label="Story map" className="space-y-3 pb-2">
        {columns > 0 && (
          <div className="grid gap-2" style={grid}>
            <BackboneHeader
              activities={state.activities}
              canEdit={state.canEdit}
              send={send}
              confirmDelete={confirmDelete}
            />
          </div>
        )}
        {state.slices.map((slice, index) => {
          const inSlice =
            state.cards.filter((c) => c.sliceId === slice.id && c.stepId !== null).length +
            state.culled.filter((c) => c.sliceId === slice.id).length;
          return (
            <section key={slice.id} aria-labelledby={`slice-${slice.id}-heading`} className="space-y-2">
              <SliceHeader
                slice={slice}
                index={index}
                count={state.slices.length}
                cardCount={inSlice}
                collapsed={collapsed.has(slice.id)}
                canEdit={state.canEdit}
                send={send}
                onToggle={() => onToggle(slice.id)}
                confirmDelete={confirmDelete}
              />
              {!collapsed.has(slice.id) && columns > 0 && (
                <div className="grid gap-2" style={grid}>
                  {state.activities.flatMap((a) =>
                    a.steps.length === 0
                      ? [<div key={`gap-${a.id}-${slice.id}`} aria-hidden="true" />]
                      : a.steps.map((s) => cell(s.id, slice.id)),
                  )}
                </div>
              )}
            </section>
          );
        })}
      </ScrollBox>
      <section aria-labelledby="map-tray-heading" className="space-y-2">
        <h2 id="map-tray-heading" className="text-lg font-semibold">
          Tray <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">(not placed yet)</span>
        </h2>
        <MapCell
          id={TRAY_ID}
          dropDisabled={dragFrom === TRAY_ID}
          carryTarget={carriedTo(null)}
          carriedId={carry?.itemId ?? null}
          carryKeys={carryKeys}
          label="the tray"
          cards={cardsIn(state, null, null)}
          canEdit={state.canEdit}
          slices={state.slices}
          activities={state.activities}
          onMove={(c, to, i) => onMove(c, to, i, 'menu')}
          onCull={onCull}
          className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2 space-y-0"
        />
      </section>
    </DndContext>
  );
}
