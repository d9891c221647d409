'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { useEventStream } from '@/components/live/use-event-stream';

const COALESCE_MS = 150;

/**
 * Keeps a change request page current: the request's event stream is only a cue, and each burst of
 * events re-renders the page on the server (router.refresh), so every screen shows the same
 * responses, evaluation and decision without a reload — the page is its own meeting room. Refreshes
 * are coalesced (one per burst, never two in flight), and the stream starts after the last event
 * the page was rendered with, so opening the page does not refresh it again at once.
 */
export function LiveRefresh({ changeRequestId, lastEventId }: { changeRequestId: number; lastEventId: number }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const seen = useRef(lastEventId);
  const timer = useRef<Awaited<ReturnType<typeof setTimeout>> | undefined>(undefined);
  // A render after a refresh brings a newer lastEventId: a reconnect resumes from there.
  useEffect(() => {
    seen.current = Math.max(seen.current, lastEventId);
  }, [lastEventId]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const refresh = () => {
    if (timer.current !== undefined) return; // one refresh per burst of events
    timer.current = setTimeout(() => {
      timer.current = undefined;
      startTransition(() => router.refresh());
    }, COALESCE_MS);
  };
  const connection = useEventStream(`/api/change-requests/${changeRequestId}/events`, {
    resumeFrom: () => seen.current,
    onEvent: (id) => {
      if (Number.isInteger(id) && id <= seen.current) return;
      if (Number.isInteger(id)) seen.current = id;
      refresh();
    },
    onReconnected: refresh,
  });

  const text =
    connection === 'live' ? 'Live updates on' : connection === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  return (
    <p role="status" className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <span
        aria-hidden="true"
        className={`inline-block size-2 rounded-full ${connection === 'live' ? 'bg-emerald-500' : 'bg-amber-500'}`}
      />
      {text}
    </p>
  );
}
