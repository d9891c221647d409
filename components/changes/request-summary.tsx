import Link from '@/components/ui/link';
import type { ChangeRequestDetail } from '@/lib/changes/details.server';
import { overrunsText } from '@/lib/changes/capacity';
import { personWeeks } from '@/lib/meetings/format';
import { LocalTime } from '@/components/items/item-history';
import { StatusBadge } from '@/components/ui/status-badge';
import { UrgencyBadge } from './labels';

/** What the request asks for: what comes in and where, what moves, why now, how urgent, by whom. */
export function RequestSummary({ d }: { d: ChangeRequestDetail }) {
  const cr = d.changeRequest;
  const periodName = (id: number | null) =>
    id === null ? 'no period' : (d.periods.find((p) => p.id === id)?.name ?? 'a period');
  // The item it goes before, while the effect is known (undecided); decided requests say the position.
  const at = d.preview?.order.findIndex((row) => row.change === 'in') ?? -1;
  const next = at >= 0 ? d.preview!.order.slice(at + 1).find((row) => row.change !== 'in') : undefined;
  const where = d.preview
    ? next
      ? `before ${next.title}`
      : 'at the end of the order'
    : `at position ${cr.incomingPosition + 1} of the order`;
  return (
    <section
      aria-labelledby="request-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="request-heading" className="text-lg font-semibold">
        The request
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm wrap-anywhere sm:grid-cols-[10rem_minmax(0,1fr)]">
        <dt className="text-zinc-500 dark:text-zinc-400">What comes in</dt>
        <dd>
          <Link href={`/items/${d.incoming.id}`} className="font-medium">
            {d.incoming.title}
          </Link>{' '}
          <StatusBadge status={d.incoming.status} />
          <span className="block text-zinc-600 dark:text-zinc-400">
            {d.incoming.weeks === null ? 'Not estimated' : personWeeks(d.incoming.weeks)} · goes {where}, in{' '}
            {periodName(cr.incomingPeriodId)}
          </span>
          <span className="block text-zinc-600 dark:text-zinc-400">
            Requestor {d.incoming.requestor.name} · sponsor {d.incoming.sponsor?.name ?? 'none yet'}
          </span>
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">What moves</dt>
        <dd>
          {d.displaced.length === 0 ? (
            'Nothing moves out or later.'
          ) : (
            <ul className="space-y-0.5">
              {d.displaced.map((m) => (
                <li key={m.itemId}>
                  <Link href={`/items/${m.itemId}`}>{m.title}</Link>{' '}
                  {m.action === 'out'
                    ? 'moves out of the schedule (back to deferred)'
                    : `moves later, to ${periodName(m.toPeriodId)}`}
                  {m.sponsor && <span className="text-zinc-500 dark:text-zinc-400"> · sponsor {m.sponsor.name}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Capacity</dt>
        <dd>
          {cr.overCapacity ? (
            <>
              <strong className="font-medium text-red-800 dark:text-red-300">
                Over capacity: {overrunsText(cr.overCapacity)}
              </strong>{' '}
              — confirmed by {d.raisedBy.name}
            </>
          ) : (
            'Within the capacity of every period'
          )}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Why now</dt>
        <dd className="whitespace-pre-wrap">{cr.whyNow}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Urgency</dt>
        <dd>
          <UrgencyBadge urgency={cr.urgency} />
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Raised</dt>
        <dd>
          by {d.raisedBy.name} on <LocalTime iso={cr.createdAt} />
        </dd>
      </dl>
    </section>
  );
}
