'use client';
import { useEffect, useRef } from 'react';
import type { RankedItem } from '@/lib/live-meeting/state.server';

export type RankControl = 'up' | 'down' | 'position' | 'drag';

export function rankControlId(itemId: number, control: Exclude<RankControl, 'drag'>) {
  return `rank-${itemId}-${control}`;
}

/**
 * Keeps keyboard focus on the moved item's control while its row changes place (a moved DOM node
 * loses focus) and until the server has answered. At the top or the bottom, where that arrow is
 * disabled, focus goes to the other arrow. Focus the person moved elsewhere meanwhile is left alone.
 */
export function useFocusAfterMove(items: RankedItem[], pending: boolean) {
  const listRef = useRef<HTMLOListElement>(null);
  const target = useRef<{ itemId: number; control: RankControl } | null>(null);
  useEffect(() => {
    const want = target.current;
    if (!want) return;
    if (!pending) target.current = null;
    if (want.control === 'drag') return;
    const active = document.activeElement;
    const focusLost = !active || active === document.body || listRef.current?.contains(active);
    if (!focusLost) return;
    const other = want.control === 'up' ? 'down' : 'up';
    const el = document.getElementById(rankControlId(want.itemId, want.control)) as HTMLButtonElement | null;
    const fallback = document.getElementById(rankControlId(want.itemId, other)) as HTMLButtonElement | null;
    const next = el && !el.disabled ? el : fallback;
    if (next && next !== active) next.focus();
  }, [items, pending]);
  return {
    listRef,
    follow: (itemId: number, control: RankControl) => {
      target.current = { itemId, control };
    },
  };
}
