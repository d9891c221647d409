import Link from '@/components/ui/link';
import type { ChangeRequestListRow } from '@/lib/changes/list.server';
import { LocalTime } from '@/components/items/item-history';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { ChangeStatusBadge, MODE_LABEL, UrgencyBadge, changeRequestHref } from './labels';
import { ScrollBox } from '@/components/ui/scroll-box';

/**
 * A cycle's change requests as a dense table: what, how urgent, where it stands,
 * who raised it, its session and its outcome — an approval against the rule always says so, with
 * its justification, wherever the outcome shows.
 */

export function OutcomeText({ row }: { row: Pick<ChangeRequestListRow, 'status' | 'ruleMet' | 'decisionNote'> }) {
  if (row.status === 'approved') {
    return row.ruleMet === false ? (
      <span>
        <strong className="font-medium text-amber-900 dark:text-amber-200">Approved against the rule</strong>
        {row.decisionNote && <span className="block">Justification: {row.decisionNote}</span>}
      </span>
    ) : (
      <span>Approved: the rule was met</span>
    );
  }
  if (row.status === 'declined') return <span>Declined{row.decisionNote ? `: ${row.decisionNote}` : ''}</span>;
  if (row.status === 'withdrawn') return <span>Withdrawn{row.decisionNote ? `: ${row.decisionNote}` : ''}</span>;
  return <span className="text-zinc-500 dark:text-zinc-400">Not decided yet</span>;
}

export function ChangeList({ rows, showCycle = false }: { rows: ChangeRequestListRow[]; showCycle?: boolean }) {
  const th = 'px-3 py-2';
  const td = 'px-3 py-2 align-top';
  return (
    <ScrollBox
      label="Change requests"
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Change requests</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400 dark:border-zinc-800">
          <tr>
            <th scope="col" className={th}>
              Change request
            </th>
            {showCycle && (
              <th scope="col" className={th}>
                Cycle
              </th>
            )}
            <th scope="col" className={th}>
              Urgency
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Raised
            </th>
            <th scope="col" className={th}>
              Session
            </th>
            <th scope="col" className={th}>
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/70">
              <td className={td}>
                <Link href={changeRequestHref(row.id)} className="font-medium">
                  #{row.id} {row.title}
                </Link>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {row.displacedCount === 0
                    ? 'Moves nothing'
                    : `Moves ${row.displacedCount} item${row.displacedCount === 1 ? '' : 's'}`}
                </span>
              </td>
              {showCycle && (
                <td className={td}>
                  <Link href={`/cycles/${row.cycleId}/changes`}>{row.cycleName}</Link>
                </td>
              )}
              <td className={td}>
                <UrgencyBadge urgency={row.urgency} />
              </td>
              <td className={td}>
                <ChangeStatusBadge status={row.status} />
              </td>
              <td className={td}>
                {row.raisedByName}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  <LocalTime iso={row.createdAt} />
                </span>
              </td>
              <td className={td}>
                {row.session ? (
                  <>
                    {MODE_LABEL[row.session.mode]}
                    {row.session.status === 'closed' ? ' (closed)' : ''}
                    {row.session.deadline && (
                      <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                        Deadline <MeetingTime iso={row.session.deadline} />
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">Not convened</span>
                )}
              </td>
              <td className={td}>
                <OutcomeText row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
