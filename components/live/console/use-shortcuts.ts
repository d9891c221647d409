'use client';
import { useEffect, useRef } from 'react';
import type { LiveItem, LiveState } from '@/lib/live-meeting/state.server';
import type { Send } from '../use-live-meeting';
import { shortcutOf } from './shortcuts';

const DECISION_FORM = 'form[aria-label="Record the decision"]';

/**
 * The facilitator's shortcuts on the whole page. Accept/reject/defer never decide by themselves:
 * they choose the outcome in the decision form (a click on its radio, so the form's own state
 * follows) and put focus on its submit button, so recording stays one deliberate Enter.
 */
export function useFacilitatorShortcuts(opts: {
  state: LiveState;
  current: LiveItem | undefined;
  send: Send;
  onHelp: () => void;
  onRefused: (message: string | null) => void;
}) {
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action) return;
      // A modal (the help itself, a confirmation) owns the keyboard while open.
      if (document.querySelector('dialog[open]')) return;
      const { state, current, send, onHelp, onRefused } = latest.current;
      const live = state.meeting.status === 'live';
      event.preventDefault();
      const refused = (result: Awaited<ReturnType<Send>>) => onRefused(result.ok ? null : result.error);
      switch (action) {
        case 'help':
          onHelp();
          return;
        case 'next':
        case 'previous':
          if (live) void send({ action: 'go', to: action, version: state.meeting.version }).then(refused);
          return;
        case 'reveal':
          if (current && state.settings.votesVisibility === 'hidden' && !current.revealed)
            void send({ action: 'reveal', itemId: current.itemId }).then(refused);
          return;
        default: {
          const form = document.querySelector<HTMLFormElement>(DECISION_FORM);
          const radio = form?.querySelector<HTMLInputElement>(`input[name="outcome"][value="${action}"]`);
          if (!form || !radio) return onRefused('There is no decision to record on this item.');
          radio.click();
          // After React has re-rendered the choice (the button is disabled while nothing is chosen).
          setTimeout(() => form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus(), 0);
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
