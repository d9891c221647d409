'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CulledCardView, MapCardView, MapPlace, MapState } from '@/lib/story-map/types';
import { CullDialog } from './cull-dialog';
import { CulledList } from './culled-list';
import { cardControlId } from './map-card';
import { MapGrid, type MoveVia } from './map-grid';
import { AddByName } from './name-controls';
import { useStoryMap } from './use-story-map';

const collapsedKey = (cycleId: number) => `quorum.map.collapsed.${cycleId}`;

/** A viewer's collapsed slices, kept in this browser only: a view preference, not the map's state. */
function useCollapsed(cycleId: number) {
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(collapsedKey(cycleId)) ?? '[]') as unknown;
      if (Array.isArray(saved)) setCollapsed(new Set(saved.filter((n): n is number => Number.isInteger(n))));
    } catch {
      // A broken preference is no preference.
    }
  }, [cycleId]);
  const toggle = useCallback(
    (sliceId: number) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(sliceId)) next.add(sliceId);
        localStorage.setItem(collapsedKey(cycleId), JSON.stringify([...next]));
        return next;
      }),
    [cycleId],
  );
  return { collapsed, toggle };
}

/** The story map page's live part: the grid, the tray, the culled list, and what they say back. */
export function StoryMap({ initial }: { initial: MapState }) {
  const { state, send, moveCard, connection } = useStoryMap(initial);
  const { collapsed, toggle } = useCollapsed(state.cycleId);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [culling, setCulling] = useState<MapCardView | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const focusAfter = useRef<string | null>(null);
  useEffect(() => setHydrated(true), []);
  // A moved card is drawn anew in its new cell: give the focus back to the control that moved it.
  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.getElementById(focusAfter.current);
    focusAfter.current = null;
    el?.focus();
  }, [state]);

  const say = (result: { ok: boolean; error?: string }, done?: string) =>
    setMessage(result.ok ? (done ? { text: done, error: false } : null) : { text: result.error!, error: true });

  const onMove = async (card: MapCardView, to: MapPlace, index: number, via: MoveVia) => {
    focusAfter.current = cardControlId(card.itemId, via);
    say(await moveCard(card.itemId, to, index));
  };
  const onCull = async (card: MapCardView, reason: string) => {
    const result = await send({ action: 'cull-card', itemId: card.itemId, version: card.version, reason });
    if (result.ok) setMessage({ text: `"${card.title}" is culled: not this cycle.`, error: false });
    else if (!result.fieldErrors?.reason) say(result);
    return result;
  };
  const onRestore = async (card: CulledCardView) =>
    say(await send({ action: 'restore-card', itemId: card.itemId }), `"${card.title}" is back on the map.`);

  return (
    <div className="space-y-4" data-map-hydrated={hydrated ? 'true' : undefined}>
      <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {connection === 'live' ? 'Live: changes by others appear here as they happen.' : 'Connecting for live changes…'}
      </p>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={`rounded-md px-3 py-2 text-sm ${message.error ? 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200' : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'}`}
        >
          {message.text}
        </p>
      )}
      {state.canEdit && (
        <div className="flex flex-wrap gap-4">
          <AddByName
            label="New activity"
            button="Add activity"
            onAdd={(name) => send({ action: 'add-activity', name })}
          />
          <AddByName label="New slice" button="Add slice" onAdd={(name) => send({ action: 'add-slice', name })} />
        </div>
      )}
      {state.activities.every((a) => a.steps.length === 0) && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Add an activity and its steps to place cards on the map; until then every item waits in the tray.
        </p>
      )}
      {state.slices.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This map has no slices yet: its first change adds This cycle, Next and Later.
        </p>
      )}
      <MapGrid
        state={state}
        send={send}
        collapsed={collapsed}
        onToggle={toggle}
        onMove={(c, to, i, via) => void onMove(c, to, i, via)}
        onCull={setCulling}
        confirmDelete={(text) => window.confirm(text)}
      />
      <CulledList culled={state.culled} canEdit={state.canEdit} onRestore={(c) => void onRestore(c)} />
      <CullDialog card={culling} onCull={onCull} onClose={() => setCulling(null)} />
    </div>
  );
}
