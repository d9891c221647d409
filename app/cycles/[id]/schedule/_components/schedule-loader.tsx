'use client';
import { useCallback, useEffect, useState } from 'react';
import type { ScheduleWire } from '@/lib/schedule/wire';
import { Button } from '@/components/ui/button';
import { ScheduleBoard } from './schedule-board';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: ScheduleWire };

/**
 * The page ships only the schedule's heading; the board's data come from the JSON route (as the
 * backlog's rows do, docs/decisions/0005): with 2,000 items, embedding them made every page view
 * serialise them twice. `stamp` changes each time the server renders the page — after every
 * action of the board — so the data are read again then; the board keeps showing the previous
 * data meanwhile.
 */
export function ScheduleLoader({ cycleId, stamp }: { cycleId: number; stamp: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const res = await fetch(`/api/cycles/${cycleId}/schedule`, {
          signal,
          headers: { accept: 'application/json' },
          cache: 'no-store',
        });
        const body = await res.json().catch(() => ({}));
        if (!res.ok) throw new Error((body as { error?: string }).error ?? `The server answered ${res.status}.`);
        setState({ kind: 'ready', data: body as ScheduleWire });
      } catch (error) {
        if (signal?.aborted) return;
        setState({ kind: 'error', message: (error as Error).message });
      }
    },
    [cycleId],
  );

  useEffect(() => {
    const controller = new AbortController();
    // Fetching on mount (and on each new render of the page) is the point: the data are not in the page.
    void load(controller.signal);
    return () => controller.abort();
  }, [load, stamp]);

  if (state.kind === 'loading') {
    return (
      <p
        role="status"
        className="rounded-md border border-zinc-200 p-6 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
      >
        Loading the schedule…
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <div
        role="alert"
        aria-label="Schedule could not load"
        className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        <p>The schedule could not be loaded: {state.message}</p>
        <Button variant="secondary" onClick={() => void load()}>
          Try again
        </Button>
      </div>
    );
  }
  return <ScheduleBoard data={state.data} />;
}
