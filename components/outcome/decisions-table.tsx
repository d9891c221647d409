import type { OutcomeReport } from '@/lib/outcome/types';
import { departmentVotesText, suggestedText, votesText } from '@/lib/outcome/text';
import { personWeeks } from '@/lib/plural';
import { formatShare } from '@/components/live/labels';
import { StatusBadge } from '@/components/ui/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import * as s from './table-styles';
import { ScrollBox } from '@/components/ui/scroll-box';

const muted = 'text-zinc-500 dark:text-zinc-400';

/** Every decision in agenda order, with its reason, notes and the tally it was taken on. */
export function DecisionsTable({ report }: { report: OutcomeReport }) {
  const { decisions, undecided, meeting } = report;
  return (
    <section aria-labelledby="decisions-heading" className={s.section}>
      <h2 id="decisions-heading" className="text-lg font-semibold">
        Decisions
      </h2>
      {decisions.length === 0 ? (
        <EmptyState title="The meeting decided no items" />
      ) : (
        <ScrollBox label="Decisions" className={s.tableWrap}>
          <table className={s.table}>
            <caption className={s.caption}>
              Every decision of {meeting.title}, in agenda order
              {meeting.weighted ? '; the tally was weighted so that each department counts equally' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={s.th}>
                  Item
                </th>
                <th scope="col" className={s.th}>
                  Decision
                </th>
                <th scope="col" className={s.th}>
                  Reason
                </th>
                <th scope="col" className={s.th}>
                  Notes
                </th>
                <th scope="col" className={s.th}>
                  Tally
                </th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr
                  key={d.itemId}
                  id={`decision-${d.itemId}`}
                  className="scroll-mt-4 target:bg-indigo-50 dark:target:bg-indigo-950/40"
                >
                  <th scope="row" className={`${s.td} text-left font-medium`}>
                    {d.title}
                    <span className={`block text-xs font-normal ${muted}`}>
                      {d.theme ?? 'No theme'} · {d.weeks === null ? 'Not estimated' : personWeeks(d.weeks)} · requested
                      by {d.requestor}
                    </span>
                  </th>
                  <td className={`${s.td} whitespace-nowrap`}>
                    <StatusBadge status={d.outcome} belowCut={d.aboveCut === false} />
                    {d.position !== null && (
                      <span className="block text-xs">
                        Rank {d.position}, {d.aboveCut ? 'above the cut line' : 'below the cut line'}
                      </span>
                    )}
                  </td>
                  <td className={`${s.td} max-w-xs whitespace-pre-line`}>
                    {d.reason || <span className={muted}>—</span>}
                  </td>
                  <td className={`${s.td} max-w-sm space-y-1`}>
                    {d.decisionNote && (
                      <p className="whitespace-pre-line">
                        <span className="font-medium">On the decision:</span> {d.decisionNote}
                      </p>
                    )}
                    {d.notes && (
                      <p className="whitespace-pre-line">
                        <span className="font-medium">Meeting notes:</span> {d.notes}
                      </p>
                    )}
                    {!d.decisionNote && !d.notes && <span className={muted}>—</span>}
                  </td>
                  <td className={`${s.td} min-w-48 text-xs`}>
                    <p>
                      Suggested: <span className="font-medium">{suggestedText(d)}</span>
                      {d.suggested !== null && d.suggested !== d.outcome && ' (decided otherwise)'}
                    </p>
                    <p className="tabular-nums">
                      {votesText(d.tally)} · {d.tally.turnout.voted} of {d.tally.turnout.eligible} voted
                    </p>
                    {d.tally.total > 0 && <p className={muted}>{departmentVotesText(d.tally)}</p>}
                    {meeting.weighted && d.tally.total > 0 && (
                      <p className={`tabular-nums ${muted}`}>
                        Weighted: {formatShare(d.tally.weighted.shares.accept)} accept,{' '}
                        {formatShare(d.tally.weighted.shares.reject)} reject,{' '}
                        {formatShare(d.tally.weighted.shares.defer)} defer
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {undecided.length > 0 && (
        <p className="text-sm">
          <span className="font-medium">Not decided in the meeting:</span> {undecided.map((u) => u.title).join('; ')}.
        </p>
      )}
    </section>
  );
}
