import type { CardMovedData, MapCardView, MapPlace, MapState } from '@/lib/story-map/types';

/**
 * Applying one map event to the state a page shows, without asking the server. Only the frequent,
 * self-contained changes are applied here (a card moved, culled, brought back); for anything else —
 * or a move that does not fit what the page shows — it returns null and the page re-reads the map.
 * Applying an event twice leaves the state as once: the page may hear of its own moves again.
 */

export type MapEvent = { id: number; type: string; data: Record<string, unknown>; actorId?: number | null };

/** Puts a card at `to`, with `order` (the destination cell's cards) deciding positions. */
export function placeCard(state: MapState, itemId: number, to: MapPlace, version: number, order: number[]): MapState {
  const rank = new Map(order.map((id, position) => [id, position]));
  const cards = state.cards.map((c): MapCardView => {
    if (c.itemId === itemId)
      return {
        ...c,
        stepId: to?.stepId ?? null,
        sliceId: to?.sliceId ?? null,
        version,
        position: rank.get(itemId) ?? 0,
      };
    const inDestination = to && c.stepId === to.stepId && c.sliceId === to.sliceId;
    return inDestination && rank.has(c.itemId) ? { ...c, position: rank.get(c.itemId)! } : c;
  });
  return { ...state, cards };
}

export function applyMapEvent(state: MapState, event: MapEvent): MapState | null {
  const data = event.data ?? {};
  const itemId = Number(data.itemId);
  switch (event.type) {
    case 'map.card_moved': {
      const moved = data as unknown as CardMovedData;
      if (!state.cards.some((c) => c.itemId === itemId)) return null;
      if (moved.to && !placeExists(state, moved.to)) return null;
      return placeCard(state, itemId, moved.to, moved.version, moved.order ?? []);
    }
    case 'map.card_culled': {
      const card = state.cards.find((c) => c.itemId === itemId);
      if (!card) return state.culled.some((c) => c.itemId === itemId) ? state : null;
      const culled = {
        ...card,
        version: Number(data.version),
        reason: String(data.reason ?? ''),
        culledBy: String(data.culledBy ?? 'someone'),
        culledAt: String(data.culledAt ?? ''),
      };
      return {
        ...state,
        cards: state.cards.filter((c) => c.itemId !== itemId),
        culled: [...state.culled, culled],
      };
    }
    case 'map.card_restored': {
      const card = state.culled.find((c) => c.itemId === itemId);
      if (!card) return state.cards.some((c) => c.itemId === itemId) ? state : null;
      const to = (data.to ?? null) as MapPlace;
      const placed = to && placeExists(state, to);
      const { reason: _r, culledBy: _b, culledAt: _a, ...rest } = card;
      const back: MapCardView = {
        ...rest,
        stepId: placed ? to.stepId : null,
        sliceId: placed ? to.sliceId : null,
        version: Number(data.version),
        position: Number.MAX_SAFE_INTEGER,
      };
      return { ...state, culled: state.culled.filter((c) => c.itemId !== itemId), cards: [...state.cards, back] };
    }
    default:
      return null;
  }
}

function placeExists(state: MapState, place: NonNullable<MapPlace>): boolean {
  return (
    state.slices.some((s) => s.id === place.sliceId) &&
    state.activities.some((a) => a.steps.some((s) => s.id === place.stepId))
  );
}

/** The cards of a cell in order; (null, null) is the tray, ordered by title. */
export function cardsIn(state: MapState, stepId: number | null, sliceId: number | null): MapCardView[] {
  if (stepId === null || sliceId === null)
    return state.cards
      .filter((c) => c.stepId === null || c.sliceId === null)
      .sort((a, b) => a.title.localeCompare(b.title) || a.itemId - b.itemId);
  return state.cards
    .filter((c) => c.stepId === stepId && c.sliceId === sliceId)
    .sort((a, b) => a.position - b.position || a.itemId - b.itemId);
}
