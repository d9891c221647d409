'use client';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { OUTCOME_LABEL } from '../labels';
import { useCommand, CommandError } from '../use-command';
import type { Send } from '../use-live-meeting';

/**
 * The facilitator's agenda: every item is a button that goes to it, and says where it stands —
 * its decision, "now", or to come — with its time box; under it, the agenda's total against the
 * meeting's length. The state is said in words, never by colour alone.
 */
export function AgendaNav({ state, send }: { state: LiveState; send: Send }) {
  const { run, pending, error } = useCommand(send);
  const { meeting, agenda, room } = state;
  const live = meeting.status === 'live';
  const minutes = new Map(room.timeBoxes.items.map((b) => [b.itemId, b.minutes]));
  const { totalMinutes, durationMinutes, overMinutes } = room.timeBoxes;
  return (
    <nav aria-label="Agenda" className="space-y-2">
      <h2 className="text-sm font-semibold">Agenda</h2>
      {/* A long agenda scrolls within its own box, so the rest of the console stays on one screen. */}
      <ol className="space-y-0.5 text-sm lg:max-h-[calc(100dvh-28rem)] lg:overflow-y-auto">
        {agenda.map((item, i) => {
          const current = item.itemId === meeting.currentItemId;
          const where = item.decision ? OUTCOME_LABEL[item.decision.outcome] : current ? 'Now' : 'To come';
          return (
            // aria-current on the entry, as on the voters' agenda: the current item's button is disabled.
            <li key={item.itemId} aria-current={current ? 'step' : undefined}>
              <button
                type="button"
                disabled={pending || !live || current}
                onClick={() => run({ action: 'go', to: item.itemId, version: meeting.version })}
                className={`block w-full rounded-md px-2 py-0.5 text-left focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-default ${current ? 'bg-indigo-100 font-semibold dark:bg-indigo-950' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
              >
                <span className="block truncate">
                  {i + 1}. {item.title}
                </span>
                <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                  {where} · {minutes.get(item.itemId) ?? 0} min
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p
        className={`text-xs ${overMinutes > 0 ? 'font-medium text-red-700 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-400'}`}
      >
        Agenda: {totalMinutes} min of a {durationMinutes}-minute meeting
        {overMinutes > 0 && ` — ${overMinutes} min over`}
      </p>
      <CommandError error={error} />
    </nav>
  );
}
