'use client';
import type { LiveState } from '@/lib/live-meeting/state.server';
import type { ItemScore } from '@/lib/ranking/borda';
import { formatWeeks, plural } from '@/lib/plural';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

const spread = (s: ItemScore) => (s.range === null ? '—' : `${s.range} (sd ${formatWeeks(s.stdDev ?? 0)})`);

/**
 * The facilitator's (and pms') view of the leaders' own orders: the Borda aggregate with the
 * spread of disagreement per item, overall and by department, each leader's order, and the
 * explicit step of adopting the aggregate as the room's starting order.
 */
export function AggregatePanel({ state, send }: { state: LiveState; send: Send }) {
  const { run, pending, error } = useCommand(send);
  const { aggregate, leaders, submitted, voters, canAdopt } = state.rankings;
  if (!aggregate) return null;
  const titles = new Map(state.ranking.items.map((i) => [i.id, i.title]));
  const title = (id: number) => titles.get(id) ?? `Item ${id}`;
  return (
    <section
      aria-labelledby="aggregate-heading"
      className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <h3 id="aggregate-heading" className="font-semibold">
        Leaders’ orders combined
      </h3>
      <p className="text-sm" role="status">
        {submitted} of {plural(voters, 'voter')} submitted an order.
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Borda count: with n items, an item gets n−1 points for a first place, n−2 for a second … 0 for last, summed over
        the leaders; an item accepted after a leader submitted shares the points of the places they left. Spread = the
        range (worst minus best position) and the standard deviation (sd) of the positions leaders gave it.
      </p>
      {aggregate.ballots > 0 && (
        <div className="overflow-x-auto">
          <table aria-label="Borda aggregate" className="min-w-full text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="pr-3">
                  #
                </th>
                <th scope="col" className="pr-3">
                  Item
                </th>
                <th scope="col" className="pr-3">
                  Points
                </th>
                <th scope="col" className="pr-3">
                  Spread
                </th>
                {aggregate.byDepartment.map((d) => (
                  <th key={d.departmentId} scope="col" className="pr-3">
                    {d.departmentName} ({d.ballots})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {aggregate.items.map((s, index) => (
                <tr key={s.itemId} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="pr-3 tabular-nums">{index + 1}.</td>
                  <th scope="row" className="pr-3 text-left font-normal">
                    {title(s.itemId)}
                  </th>
                  <td className="pr-3 tabular-nums">{formatWeeks(s.points)}</td>
                  <td className="pr-3 tabular-nums">{spread(s)}</td>
                  {aggregate.byDepartment.map((d) => {
                    const own = d.scores[index];
                    return (
                      <td key={d.departmentId} className="pr-3 tabular-nums">
                        {formatWeeks(own.points)} pts, spread {spread(own)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {leaders.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">Each leader’s order (only you and pms see these)</summary>
          <ul className="mt-1 space-y-1">
            {leaders.map((l) => (
              <li key={l.userId}>
                <strong>{l.name}</strong> ({l.departmentName}): {l.order.map(title).join(' › ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canAdopt && (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" disabled={pending} onClick={() => void run({ action: 'adopt-aggregate' })}>
            Adopt the combined order
          </Button>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            Rewrites the ranking to the order above, for everyone; you can still move items after.
          </span>
        </div>
      )}
      <CommandError error={error} />
    </section>
  );
}
