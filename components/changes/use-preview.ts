'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangePreview } from '@/lib/changes/requests.server';
import { DEFERRED_MISSING, deferredNotChosen, raiseInput, type FlatValues } from '@/lib/changes/raise-input';

const DEBOUNCE_MS = 300;

export type PreviewState = {
  data: ChangePreview | null;
  /** Why there is no fresh preview (the server refused, or the form lacks what the preview needs). */
  note: string | null;
  pending: boolean;
};

/**
 * The raise (or amend) form's live effect preview: `schedule()` after any change; 300 ms after the
 * last one the form is read (so fields shown or hidden by that change are already in or out of it)
 * and POSTed to the preview route at `url`. An older request is aborted and a late answer to it ignored, so the
 * preview always shows the form as it is now.
 */
export function usePreview(url: string, read: () => FlatValues | null) {
  const [state, setState] = useState<PreviewState>({ data: null, note: null, pending: true });
  const timer = useRef<Awaited<ReturnType<typeof setTimeout>> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const seq = useRef(0);

  const run = useCallback(async () => {
    const values = read();
    if (!values) return;
    inFlight.current?.abort();
    const mine = ++seq.current;
    if (deferredNotChosen(values)) {
      setState({ data: null, note: `${DEFERRED_MISSING} The effect shows once you have.`, pending: false });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(raiseInput(values)),
        signal: controller.signal,
      });
      const body = await response.json().catch(() => ({}));
      if (mine !== seq.current) return;
      if (response.ok) setState({ data: body as ChangePreview, note: null, pending: false });
      else
        setState((prev) => ({
          data: prev.data,
          note: body.error ?? `The preview failed (${response.status}).`,
          pending: false,
        }));
    } catch {
      if (controller.signal.aborted || mine !== seq.current) return;
      setState((prev) => ({
        data: prev.data,
        note: 'Could not reach the server to update the preview. Check your connection.',
        pending: false,
      }));
    }
  }, [url, read]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    setState((prev) => (prev.pending ? prev : { ...prev, pending: true }));
    timer.current = setTimeout(() => void run(), DEBOUNCE_MS);
  }, [run]);

  useEffect(() => {
    // The first preview: the effect of the form's defaults (or of what a refused submit echoed).
    schedule();
    return () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, [schedule]);

  return { ...state, schedule };
}
