'use client';
import type { ItemTally } from '@/lib/live-meeting/state.server';
import { CHOICES } from '@/lib/live-meeting/tally';
import { CHOICE_LABEL, formatShare, OUTCOME_LABEL, resultLabel } from './labels';

/**
 * The tally of one item: counts overall and by department, the department-weighted result when
 * the meeting uses it, and who voted what. While votes are hidden the server sends only a count,
 * so that is all this can show.
 */
export function TallyView({
  tally,
  weighted,
  large = false,
}: {
  tally: ItemTally;
  weighted: boolean;
  large?: boolean;
}) {
  if (tally.hidden) {
    return (
      <section aria-label="Tally" className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <p className={large ? 'text-2xl' : 'text-sm'} aria-live="polite">
          <strong>
            {tally.voted} of {tally.eligible}
          </strong>{' '}
          voters have voted. Votes are hidden until the facilitator reveals them.
        </p>
      </section>
    );
  }
  const { tally: t, suggested, votes } = tally;
  return (
    <section aria-label="Tally" className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <ul
        aria-label="Votes overall"
        className={`flex flex-wrap gap-4 ${large ? 'text-3xl' : 'text-lg'} font-semibold tabular-nums`}
      >
        {CHOICES.map((c) => (
          <li key={c}>
            {CHOICE_LABEL[c]}: <span data-testid={`count-${c}`}>{t.counts[c]}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm" aria-live="polite">
        {t.turnout.voted} of {t.turnout.eligible} voters have voted. One person, one vote: {resultLabel(t.plainResult)}.
        {weighted && <> Department-weighted: {resultLabel(t.weighted.result)}.</>}
        {suggested && (
          <>
            {' '}
            Suggested decision: <strong>{OUTCOME_LABEL[suggested]}</strong>.
          </>
        )}
      </p>
      {t.byDepartment.length > 0 && (
        <table className="w-full text-sm">
          <caption className="text-left text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Votes by department
          </caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-2">
                Department
              </th>
              {CHOICES.map((c) => (
                <th key={c} scope="col" className="py-1 pr-2 tabular-nums">
                  {CHOICE_LABEL[c]}
                </th>
              ))}
              <th scope="col" className="py-1 pr-2">
                Voted
              </th>
            </tr>
          </thead>
          <tbody>
            {t.byDepartment.map((d) => (
              <tr key={d.departmentId} className="border-t border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {d.departmentName}
                </th>
                {CHOICES.map((c) => (
                  <td key={c} className="py-1 pr-2 tabular-nums">
                    {d.counts[c]}
                  </td>
                ))}
                <td className="py-1 pr-2 tabular-nums">
                  {d.voted} of {d.voters}
                </td>
              </tr>
            ))}
          </tbody>
          {weighted && (
            <tfoot>
              <tr className="border-t border-zinc-300 dark:border-zinc-700">
                <th scope="row" className="py-1 pr-2 text-left">
                  Weighted (each department counts 1)
                </th>
                {CHOICES.map((c) => (
                  <td key={c} className="py-1 pr-2 tabular-nums">
                    {formatShare(t.weighted.shares[c])}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {votes.length > 0 && (
        <ul aria-label="Who voted what" className="space-y-1 text-sm">
          {votes.map((v) => (
            <li key={v.userId}>
              <span className="font-medium">{v.name}</span> ({v.departmentName}): {CHOICE_LABEL[v.choice]}
              {v.comment && <span className="text-zinc-600 dark:text-zinc-400"> — “{v.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
