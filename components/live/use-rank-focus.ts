'use client';
import { useEffect, useRef } from 'react';
import type { RankedItem } from '@/lib/live-meeting/state.server';

export type RankControl = 'menu' | 'position' | 'drag';

/** A control's id; `board` keeps two boards on one page (the room's ranking, my own order) apart. */
export function rankControlId(board: string, itemId: number, control: Exclude<RankControl, 'drag'>) {
  return `${board}-${itemId}-${control}`;
}

/**
 * Keeps keyboard focus on the moved item's control while its row changes place (a moved DOM node
 * loses focus) and until the server has answered. Focus the person moved elsewhere meanwhile is
 * left alone. A drag restores focus to its handle by itself (dnd-kit).
 */
export function useFocusAfterMove(board: string, items: RankedItem[], pending: boolean) {
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
    const el = document.getElementById(rankControlId(board, want.itemId, want.control));
    if (el && el !== active) el.focus();
  }, [board, items, pending]);
  return {
    listRef,
    follow: (itemId: number, control: RankControl) => {
      target.current = { itemId, control };
    },
  };
}
