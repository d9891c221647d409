'use client';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { OUTCOME_LABEL } from './labels';

/** The agenda with each item's decision so far; the current one is marked (not by colour alone). */
export function AgendaList({ state }: { state: LiveState }) {
  const consent = new Set(state.preparation.consent.items.map((c) => c.itemId));
  return (
    <nav aria-label="Agenda">
      <h2 className="mb-2 text-sm font-semibold">Agenda</h2>
      <ol className="space-y-1 text-sm wrap-anywhere">
        {/* The consent agenda is one entry: its items are not discussed one by one unless pulled out. */}
        {consent.size > 0 && <li className="rounded px-2 py-1">Consent agenda ({consent.size})</li>}
        {state.agenda
          .filter((item) => !consent.has(item.itemId))
          .map((item, i) => {
            const current = item.itemId === state.meeting.currentItemId;
            return (
              <li
                key={item.itemId}
                aria-current={current ? 'step' : undefined}
                className={`rounded px-2 py-1 ${current ? 'bg-indigo-100 font-semibold dark:bg-indigo-950' : ''}`}
              >
                {i + 1}. {item.title}
                {current && <span className="sr-only"> (now)</span>}
                {item.decision && (
                  <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                    {OUTCOME_LABEL[item.decision.outcome]}
                  </span>
                )}
              </li>
            );
          })}
      </ol>
    </nav>
  );
}
