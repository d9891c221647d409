'use client';

import { useRef, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import type { BacklogMeta } from '@/lib/backlog/types';
import { parseView, serialiseView, type BacklogView } from './url-state';

type Known = Pick<BacklogMeta, 'themes' | 'departments' | 'modules'>;

/**
 * The table's view lives in the query string so it can be shared and survives a reload.
 * React state is the source of truth while the page is open (so typing never waits for the
 * router); the URL is written with history.replaceState, which Next syncs into useSearchParams.
 */
export function useUrlView(known: Known) {
  const searchParams = useSearchParams();
  const key = searchParams.toString();
  const [view, setView] = useState(() => parseView(new URLSearchParams(key), known));
  const [seenKey, setSeenKey] = useState(key);
  // Query strings this hook wrote itself; Next may report them late, after newer keystrokes,
  // and adopting such a stale one would undo what the user just typed.
  const written = useRef(new Set<string>());

  // The URL changed under us (a link to this page with other parameters): adopt it.
  if (key !== seenKey) {
    setSeenKey(key);
    if (!written.current.has(key)) setView(parseView(new URLSearchParams(key), known));
  }

  function update(patch: Partial<BacklogView>) {
    const next = { ...view, ...patch };
    setView(next);
    const qs = serialiseView(next, new URLSearchParams(window.location.search));
    if (written.current.size > 100) written.current.clear();
    written.current.add(new URLSearchParams(qs).toString());
    const { pathname, hash } = window.location;
    window.history.replaceState(null, '', `${pathname}${qs ? `?${qs}` : ''}${hash}`);
  }

  return { view, update };
}
