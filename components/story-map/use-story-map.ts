'use client';
import { useCallback, useRef, useState } from 'react';
import { useEventStream, type Connection } from '@/components/live/use-event-stream';
import type { MapPlace, MapState } from '@/lib/story-map/types';
import { applyMapEvent, cardsIn, placeCard, type MapEvent } from './apply-event';

export type SendResult =
  { ok: true; result: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
export type Send = (command: Record<string, unknown>) => Promise<SendResult>;

/** How many recent events are kept to re-apply over a re-read that started before they arrived. */
const RECENT = 100;

/**
 * The map a page shows, kept live: events from the map's stream are applied when they can be
 * (apply-event.ts), and otherwise the map is re-read. Writes go through `send`; a card move shows at
 * once and is undone by a re-read if the server refuses it.
 */
export function useStoryMap(initial: MapState) {
  const [state, setState] = useState(initial);
  const shown = useRef(initial);
  const recent = useRef<MapEvent[]>([]);
  const fetching = useRef(false);
  const again = useRef(false);
  const path = `/api/cycles/${initial.cycleId}/map`;

  const show = useCallback((next: MapState) => {
    shown.current = next;
    setState(next);
  }, []);

  /** Re-reads the map, then re-applies what arrived meanwhile after the state it read. */
  const refresh = useCallback(async () => {
    if (fetching.current) {
      again.current = true;
      return;
    }
    fetching.current = true;
    try {
      do {
        again.current = false;
        const response = await fetch(path, { cache: 'no-store' });
        if (!response.ok) continue;
        let next = (await response.json()) as MapState;
        for (const e of recent.current.filter((r) => r.id > next.lastEventId)) next = applyMapEvent(next, e) ?? next;
        show({ ...next, lastEventId: Math.max(next.lastEventId, shown.current.lastEventId) });
      } while (again.current);
    } catch {
      // Offline for a moment: the stream's reconnect brings another re-read.
    } finally {
      fetching.current = false;
    }
  }, [path, show]);

  const onEvent = useCallback(
    (id: number, text: string) => {
      if (id <= shown.current.lastEventId) return;
      let event: MapEvent;
      try {
        event = JSON.parse(text) as MapEvent;
      } catch {
        return;
      }
      recent.current = [...recent.current.slice(-RECENT + 1), event];
      const next = applyMapEvent(shown.current, event);
      if (next) show({ ...next, lastEventId: id });
      else {
        shown.current = { ...shown.current, lastEventId: id };
        void refresh();
      }
    },
    [refresh, show],
  );

  const connection: Connection = useEventStream(`${path}/events`, {
    resumeFrom: () => shown.current.lastEventId,
    onEvent,
    onReconnected: () => void refresh(),
  });

  const send: Send = useCallback(
    async (command) => {
      try {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(command),
        });
        const body = (await response.json().catch(() => ({}))) as {
          result?: unknown;
          state?: MapState;
          error?: string;
          fieldErrors?: Record<string, string[]>;
        };
        if (response.ok) {
          if (body.state && body.state.lastEventId >= shown.current.lastEventId) show(body.state);
          return { ok: true, result: body.result };
        }
        void refresh();
        return {
          ok: false,
          error: body.error ?? 'That did not work; the map now shows its current state.',
          fieldErrors: body.fieldErrors,
        };
      } catch {
        void refresh();
        return { ok: false, error: 'Quorum could not be reached; nothing was changed. Try again in a moment.' };
      }
    },
    [path, refresh, show],
  );

  /** Moves a card at once on this page, then asks the server; a refusal re-reads the map. */
  const moveCard = useCallback(
    async (itemId: number, to: MapPlace, index: number) => {
      const card = shown.current.cards.find((c) => c.itemId === itemId);
      if (!card) return { ok: false as const, error: 'This card is no longer on the map.' };
      const cell = to ? cardsIn(shown.current, to.stepId, to.sliceId).filter((c) => c.itemId !== itemId) : [];
      const order = cell.map((c) => c.itemId);
      if (to) order.splice(Math.min(index, order.length), 0, itemId);
      show(placeCard(shown.current, itemId, to, card.version + 1, order));
      return send({
        action: 'move-card',
        itemId,
        version: card.version,
        to,
        index: to ? Math.min(index, cell.length) : 0,
      });
    },
    [send, show],
  );

  return { state, send, moveCard, refresh, connection };
}
