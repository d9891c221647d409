import type { ChangeRequestDetail } from '@/lib/changes/details.server';
import { LocalTime } from '@/components/items/item-history';

/**
 * A decided request's outcome: approved (and whether the rule was met), declined with
 * its reason, or withdrawn. An approval against the rule shows its justification prominently, as it
 * does everywhere the outcome shows.
 */
export function OutcomePanel({ d }: { d: ChangeRequestDetail }) {
  const cr = d.changeRequest;
  if (cr.status !== 'approved' && cr.status !== 'declined' && cr.status !== 'withdrawn') return null;
  const by = d.decidedBy?.name ?? 'someone';
  const when = cr.decidedAt ? (
    <>
      {' '}
      on <LocalTime iso={cr.decidedAt} />
    </>
  ) : null;
  const against = cr.status === 'approved' && cr.ruleMet === false;
  const tone =
    cr.status === 'approved'
      ? against
        ? 'border-amber-400 bg-amber-50 dark:bg-amber-950/40'
        : 'border-cyan-500 bg-cyan-50 dark:bg-cyan-950/40'
      : 'border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900';
  return (
    <section aria-labelledby="outcome-heading" className={`space-y-2 rounded-lg border-2 p-4 text-sm ${tone}`}>
      <h2 id="outcome-heading" className="text-lg font-semibold">
        Outcome
      </h2>
      {cr.status === 'approved' && (
        <>
          <p className="font-medium">
            {against ? 'Approved against the rule' : 'Approved: the rule was met'} — by {by}
            {when}. The change was applied to the schedule.
          </p>
          {against && (
            <div className="rounded-md border border-amber-300 bg-white px-3 py-2 dark:border-amber-700 dark:bg-zinc-900">
              <p className="font-medium">Justification</p>
              <p className="whitespace-pre-wrap">{cr.decisionNote}</p>
            </div>
          )}
        </>
      )}
      {cr.status === 'declined' && (
        <>
          <p className="font-medium">
            Declined by {by}
            {when}.{cr.ruleMet !== null && ` The rule was ${cr.ruleMet ? 'met' : 'not met'}.`}
          </p>
          <p>
            <span className="font-medium">Reason:</span> <span className="whitespace-pre-wrap">{cr.decisionNote}</span>
          </p>
        </>
      )}
      {cr.status === 'withdrawn' && (
        <p className="font-medium">
          Withdrawn by {by}
          {when}.{cr.decisionNote && <span className="font-normal"> {cr.decisionNote}</span>}
        </p>
      )}
    </section>
  );
}
