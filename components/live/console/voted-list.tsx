'use client';
import type { LiveItem, LiveState } from '@/lib/live-meeting/state.server';

/**
 * Who has voted on the current item and who has not: names only. While votes are hidden the server
 * sends the voters' names without their choices, so nothing here can give a choice away.
 */
export function VotedList({ state, item }: { state: LiveState; item: LiveItem }) {
  const votedIds = new Set(
    item.tally.hidden ? item.tally.voters.map((v) => v.userId) : item.tally.votes.map((v) => v.userId),
  );
  const voters = state.attendees.filter((a) => a.role === 'voter');
  const voted = voters.filter((v) => votedIds.has(v.userId));
  const waiting = voters.filter((v) => !votedIds.has(v.userId));
  return (
    <section aria-label="Who has voted" className="grid grid-cols-2 gap-3 text-sm">
      <div>
        <h3 className="font-semibold">Voted ({voted.length})</h3>
        <ul aria-label="Voted" className="wrap-anywhere">
          {voted.map((v) => (
            <li key={v.userId}>{v.name}</li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">Not yet ({waiting.length})</h3>
        <ul aria-label="Not voted yet" className="wrap-anywhere">
          {waiting.map((v) => (
            <li key={v.userId}>
              {v.name} <span className="text-zinc-600 dark:text-zinc-400">({v.departmentName})</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
