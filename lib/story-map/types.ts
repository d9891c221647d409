import type { Kind, SliceRole } from '@/db/schema';

/** The story map as a page shows it, and the events that change it. Browser-safe. */

export type MapCardView = {
  itemId: number;
  title: string;
  kind: Kind;
  /** A t-shirt size or "n pw"; null when not estimated. */
  estimate: string | null;
  theme: string | null;
  /** Both null (or either): the card is in the tray. */
  stepId: number | null;
  sliceId: number | null;
  position: number;
  /** 0 for an item that has never been placed (it has no card row yet). */
  version: number;
};

export type CulledCardView = MapCardView & { reason: string; culledBy: string; culledAt: string };

export type MapStepView = { id: number; activityId: number; name: string; position: number };
export type MapActivityView = { id: number; name: string; position: number; steps: MapStepView[] };
export type MapSliceView = { id: number; name: string; role: SliceRole; position: number };

export type MapState = {
  cycleId: number;
  cycleName: string;
  /** The last map event the state includes: the live stream resumes after it. */
  lastEventId: number;
  canEdit: boolean;
  activities: MapActivityView[];
  slices: MapSliceView[];
  cards: MapCardView[];
  culled: CulledCardView[];
};

/** Where a card goes: a cell (step × slice), or the tray (null). */
export type MapPlace = { stepId: number; sliceId: number } | null;

/** What `map.card_moved` records: enough for an open page to apply the move without a re-read. */
export type CardMovedData = {
  itemId: number;
  title: string;
  from: MapPlace;
  to: MapPlace;
  version: number;
  /** The destination cell's cards in their new order (empty for the tray, which is not ordered). */
  order: number[];
};
