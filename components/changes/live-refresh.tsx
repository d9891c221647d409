'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';

type Connection = 'connecting' | 'live' | 'reconnecting';

const COALESCE_MS = 150;
const RECREATE_MS = 3000;

/**
 * Keeps a change request page current: the request's event stream is only a cue, and each burst of
 * events re-renders the page on the server (router.refresh), so every screen shows the same
 * responses, evaluation and decision without a reload — the page is its own meeting room. Refreshes
 * are coalesced (one per burst, never two in flight), and the stream starts after the last event
 * the page was rendered with, so opening the page does not refresh it again at once.
 */
export function LiveRefresh({ changeRequestId, lastEventId }: { changeRequestId: number; lastEventId: number }) {
  const router = useRouter();
  const [connection, setConnection] = useState<Connection>('connecting');
  const [, startTransition] = useTransition();
  const seen = useRef(lastEventId);
  // A render after a refresh brings a newer lastEventId: a reconnect resumes from there.
  useEffect(() => {
    seen.current = Math.max(seen.current, lastEventId);
  }, [lastEventId]);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const refresh = () => {
      if (timer !== undefined) return; // one refresh per burst of events
      timer = setTimeout(() => {
        timer = undefined;
        startTransition(() => router.refresh());
      }, COALESCE_MS);
    };
    const open = () => {
      source = new EventSource(`/api/change-requests/${changeRequestId}/events?lastEventId=${seen.current}`);
      source.onopen = () => {
        setConnection('live');
        // After a drop, catch up at once rather than wait for the next event.
        if (dropped) refresh();
        dropped = false;
      };
      source.onmessage = (message) => {
        const id = Number(message.lastEventId);
        if (Number.isInteger(id) && id <= seen.current) return;
        if (Number.isInteger(id)) seen.current = id;
        refresh();
      };
      source.onerror = () => {
        dropped = true;
        setConnection('reconnecting');
        // The browser retries by itself unless the server answered with an error (e.g. while it
        // restarts): then the source is closed for good and a new one is opened.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, RECREATE_MS);
        }
      };
    };
    open();
    return () => {
      clearTimeout(timer);
      clearTimeout(retry);
      source?.close();
    };
  }, [changeRequestId, router]);

  const text = connection === 'live' ? 'Live updates on' : connection === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  return (
    <p role="status" className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${connection === 'live' ? 'bg-emerald-500' : 'bg-amber-500'}`} />
      {text}
    </p>
  );
}
