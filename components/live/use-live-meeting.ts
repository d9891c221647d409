'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveState } from '@/lib/live/state';

export type Connection = 'connecting' | 'live' | 'reconnecting';
export type SendResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
export type Send = (command: Record<string, unknown>) => Promise<SendResult>;

const RECREATE_MS = 3000;

/**
 * The live meeting in the browser: the state the server rendered, kept current by the meeting's
 * event stream (one EventSource per page). Each event only says "something changed": the page
 * then reads the whole state again (GET …/live), which the server projects for this viewer — so
 * hidden votes never reach the browser, and one code path handles every kind of change. Fetches
 * are coalesced (at most one in flight, one queued), and a state older than the one shown is
 * dropped, so replies arriving out of order cannot move the page backwards.
 */
export function useLiveMeeting(initial: LiveState) {
  const meetingId = initial.meeting.id;
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<Connection>('connecting');
  const shown = useRef(initial.lastEventId);
  const fetching = useRef(false);
  const again = useRef(false);

  const apply = useCallback((next: LiveState) => {
    if (next.lastEventId < shown.current) return;
    shown.current = next.lastEventId;
    setState(next);
  }, []);

  const refresh = useCallback(async () => {
    if (fetching.current) {
      again.current = true;
      return;
    }
    fetching.current = true;
    try {
      do {
        again.current = false;
        const response = await fetch(`/api/meetings/${meetingId}/live`, { cache: 'no-store' });
        if (response.ok) apply(await response.json());
      } while (again.current);
    } catch {
      // Offline for a moment: the stream's reconnect triggers another refresh.
    } finally {
      fetching.current = false;
    }
  }, [apply, meetingId]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const open = () => {
      source = new EventSource(`/api/meetings/${meetingId}/events?lastEventId=${shown.current}`);
      source.onopen = () => {
        setConnection('live');
        // After a drop, catch up at once rather than wait for the next event.
        if (dropped) void refresh();
        dropped = false;
      };
      source.onmessage = (message) => {
        if (Number(message.lastEventId) > shown.current) void refresh();
      };
      source.onerror = () => {
        dropped = true;
        setConnection('reconnecting');
        // The browser retries by itself unless the server answered with an error (e.g. while it
        // restarts): then the source is closed for good and we open a new one, from what we show.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, RECREATE_MS);
        }
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [meetingId, refresh]);

  const send: Send = useCallback(async (command) => {
    try {
      const response = await fetch(`/api/meetings/${meetingId}/live`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(command),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        apply(body as LiveState);
        return { ok: true };
      }
      // Refused: show what is true now (e.g. someone else moved the item meanwhile).
      void refresh();
      return { ok: false, error: body.error ?? `The server refused (${response.status}).`, fieldErrors: body.fieldErrors };
    } catch {
      return { ok: false, error: 'Could not reach the server. Check your connection and try again.' };
    }
  }, [apply, meetingId, refresh]);

  return { state, connection, send, setState };
}
