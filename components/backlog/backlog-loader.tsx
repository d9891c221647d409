'use client';

import { useCallback, useEffect, useState } from 'react';
import { rowExpander, toWireRow, type BacklogSqlRow } from '@/lib/backlog/rows';
import type { BacklogMeta, BacklogRow } from '@/lib/backlog/types';
import { Button } from '@/components/ui/button';
import { BacklogTable } from './backlog-table';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; rows: BacklogRow[] };

/**
 * The page ships only the cycle's meta; the rows come from the JSON route. With 5,000 items that
 * keeps the page's HTML small and fast, and the browser fetches the (compact) rows once.
 */
export function BacklogLoader({ meta }: { meta: BacklogMeta }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setState({ kind: 'loading' });
      try {
        const res = await fetch(`/api/cycles/${meta.cycleId}/items`, {
          signal,
          headers: { accept: 'application/json' },
        });
        const body = (await res.json().catch(() => ({}))) as { items?: BacklogSqlRow[]; error?: string };
        if (!res.ok || !body.items) throw new Error(body.error ?? `The server answered ${res.status}.`);
        const expand = rowExpander(meta);
        setState({ kind: 'ready', rows: body.items.map((r) => expand(toWireRow(r))) });
      } catch (error) {
        if (signal?.aborted) return;
        setState({ kind: 'error', message: (error as Error).message });
      }
    },
    [meta],
  );

  useEffect(() => {
    const controller = new AbortController();
    // Fetching on mount is the point of this component: the rows are not in the page.
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (state.kind === 'loading') {
    return (
      <p
        role="status"
        className="rounded-md border border-zinc-200 p-6 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
      >
        Loading the backlog…
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <div
        role="alert"
        aria-label="Backlog could not load"
        className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        <p>The backlog could not be loaded: {state.message}</p>
        <Button variant="secondary" onClick={() => void load()}>
          Try again
        </Button>
      </div>
    );
  }
  return <BacklogTable rows={state.rows} meta={meta} />;
}
