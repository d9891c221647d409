'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyVoteEvent } from '@/lib/live-meeting/apply-event';
import { isVoteAck, laterAck, withOwnVote, type VoteAck } from '@/lib/live-meeting/vote-ack';
import { presenceOf } from '@/lib/realtime/presence';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { useEventStream } from './use-event-stream';

export type { Connection } from './use-event-stream';
export type SendResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
export type Send = (command: Record<string, unknown>) => Promise<SendResult>;

/**
 * The live meeting in the browser: the state the server rendered, kept current by the meeting's
 * event stream (one EventSource per page). A vote — the common event — is applied to the state
 * here (lib/live-meeting/apply-event.ts); any other event makes the page read the whole state again
 * (GET …/live), which the server projects for this viewer, so hidden votes never reach the
 * browser. Fetches are coalesced (at most one in flight, one queued), and a state older than the
 * one shown is dropped, so replies arriving out of order cannot move the page backwards. While a
 * fetch is under way, events are not applied locally: the next fetch covers them.
 */
export function useLiveMeeting(initial: LiveState) {
  const meetingId = initial.meeting.id;
  const [state, setState] = useState(initial);
  const shown = useRef(initial);
  const fetching = useRef(false);
  const again = useRef(false);
  // The voter's latest vote as the server acknowledged it: a state projected before that vote gets it.
  const ownVote = useRef<VoteAck | null>(null);

  const apply = useCallback((next: LiveState) => {
    if (next.lastEventId < shown.current.lastEventId) return;
    shown.current = withOwnVote(next, ownVote.current);
    setState(shown.current);
  }, []);

  // The server renders the page again after a planning action (e.g. the agenda was saved):
  // take that state too, unless the stream has already brought a newer one.
  useEffect(() => apply(initial), [apply, initial]);

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

  /** Shows a change before the server confirms it (a ranking move); the server's answer replaces it. */
  const optimistic = useCallback((update: (s: LiveState) => LiveState) => {
    shown.current = update(shown.current);
    setState(shown.current);
  }, []);

  const connection = useEventStream(`/api/meetings/${meetingId}/events`, {
    resumeFrom: () => shown.current.lastEventId,
    onEvent: (id, data) => {
      const message = JSON.parse(data);
      // Who is connected: not an event of the log (no id), and the whole room every time.
      const present = presenceOf(message);
      if (present) return optimistic((s) => ({ ...s, room: { ...s.room, present } }));
      if (id <= shown.current.lastEventId) return;
      const applied = fetching.current ? null : applyVoteEvent(shown.current, message);
      if (applied) apply(applied);
      else void refresh();
    },
    onReconnected: () => void refresh(),
  });

  const send: Send = useCallback(
    async (command) => {
      try {
        const response = await fetch(`/api/meetings/${meetingId}/live`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(command),
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          if (isVoteAck(body)) {
            // A vote is answered with an ack only: the stream brings the vote to everybody.
            ownVote.current = laterAck(ownVote.current, body);
            apply(withOwnVote(shown.current, ownVote.current, true));
          } else apply(body as LiveState);
          return { ok: true };
        }
        // Refused: show what is true now (e.g. someone else moved the item meanwhile).
        void refresh();
        return {
          ok: false,
          error: body.error ?? `The server refused (${response.status}).`,
          fieldErrors: body.fieldErrors,
        };
      } catch {
        return { ok: false, error: 'Could not reach the server. Check your connection and try again.' };
      }
    },
    [apply, meetingId, refresh],
  );

  return { state, connection, send, optimistic };
}
