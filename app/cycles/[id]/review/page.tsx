import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { nfrShareText, nfrUnestimatedText } from '@/lib/capacity/nfr-share';
import { cycleReview } from '@/lib/review/review.server';
import { VERDICT_LABEL } from '@/lib/review/review';
import { EmptyState } from '@/components/ui/empty-state';
import * as s from '@/components/outcome/table-styles';
import { CloseCycleForm } from './_components/close-cycle-form';
import {
  DELIVERY_LABEL,
  EstimateAccuracySection,
  PlannedVsDeliveredTable,
  ReviewItemsTable,
} from './_components/delivery-tables';
import { MetricActualForm } from './_components/metric-actual-form';
import { UndeliveredForm } from './_components/undelivered-form';

export const metadata: Metadata = { title: 'Review · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * The cycle's review: planned against delivered, estimate accuracy, key outcomes against their
 * targets, the non-functional share reached, and (once closed) what becomes of undelivered items.
 * Backlog roles read it; the pm closes the cycle, records measured values and disposes of items.
 */
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const review = await readForPage(() => cycleReview(user, cycleId));
  const back = (
    <p className="text-sm">
      <Link href={`/cycles/${cycleId}`}>← Back to the {review.cycle.name} backlog</Link>
    </p>
  );
  if (review.state === 'not_ready')
    return (
      <div className="max-w-3xl space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">{review.cycle.name} review</h1>
        <EmptyState title="No review yet">
          A cycle is reviewed once its outcome is published; {review.cycle.name} is {review.cycle.status}.
        </EmptyState>
      </div>
    );
  const measured = review.themes.filter((t) => t.metric !== null);
  const { nfr } = review;
  return (
    <div className="max-w-6xl space-y-8">
      <header className="space-y-2">
        {back}
        <h1 className="text-2xl font-semibold">{review.cycle.name} review</h1>
        {review.closed ? (
          <p className="text-sm">This cycle is closed: the review is final.</p>
        ) : (
          <p className="text-sm">
            <strong className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              Not closed yet
            </strong>{' '}
            This is a draft: delivery may still change it until the cycle is closed.
          </p>
        )}
        {review.canManage && !review.closed && <CloseCycleForm cycleId={cycleId} cycleName={review.cycle.name} />}
      </header>

      <section aria-labelledby="delivered-heading" className={s.section}>
        <h2 id="delivered-heading" className="text-lg font-semibold">
          Planned and delivered
        </h2>
        <p className="text-sm tabular-nums">
          {review.totals.delivered.items} of {review.totals.planned.items} planned items delivered
          {review.totals.deliveredUnplanned > 0 && ` (and ${review.totals.deliveredUnplanned} not planned)`};{' '}
          {review.totals.partial.items} partially delivered (milestones only).
        </p>
        <PlannedVsDeliveredTable totals={review.totals} themes={review.themes} />
        <ReviewItemsTable items={review.items} themes={review.themes} />
      </section>

      <EstimateAccuracySection accuracy={review.accuracy} />

      <section aria-labelledby="outcomes-heading" className={s.section}>
        <h2 id="outcomes-heading" className="text-lg font-semibold">
          Key outcomes
        </h2>
        {measured.length === 0 ? (
          <p className="text-sm">No theme of this cycle has a metric to measure.</p>
        ) : (
          <ul className="space-y-3">
            {measured.map((t) => (
              <li key={t.id} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
                <h3 className="font-medium">{t.name}</h3>
                <p className="text-sm">
                  {t.metric}. Measured: {t.metricActual ?? 'not yet'}
                  {t.metricActual !== null && t.metricUnit ? ` ${t.metricUnit}` : ''}.{' '}
                  <strong>{VERDICT_LABEL[t.verdict]}</strong>
                </p>
                {review.canManage && t.id !== null && (
                  <MetricActualForm
                    cycleId={cycleId}
                    themeId={t.id}
                    metricName={t.metricName ?? t.name}
                    metricUnit={t.metricUnit}
                    value={t.metricActual}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="nfr-heading" className={s.section}>
        <h2 id="nfr-heading" className="text-lg font-semibold">
          Non-functional share
        </h2>
        <p className="text-sm">{nfrShareText(nfr, 'delivered')}</p>
        {nfrUnestimatedText(nfr) && <p className="text-xs">{nfrUnestimatedText(nfr)}</p>}
      </section>

      {review.closed && (
        <section aria-labelledby="undelivered-heading" className={s.section}>
          <h2 id="undelivered-heading" className="text-lg font-semibold">
            Not delivered
          </h2>
          {review.undelivered.length === 0 ? (
            <p className="text-sm">Nothing is left to offer to the next cycle.</p>
          ) : review.canManage ? (
            <UndeliveredForm
              cycleId={cycleId}
              targets={review.targetCycles}
              items={review.undelivered.map((i) => ({
                id: i.id,
                title: i.title,
                requestor: i.requestor,
                state: DELIVERY_LABEL[i.delivery],
              }))}
            />
          ) : (
            <p className="text-sm">
              {review.undelivered.length} item{review.undelivered.length === 1 ? ' waits' : 's wait'} for a product
              manager to carry {review.undelivered.length === 1 ? 'it' : 'them'} over, drop or re-request.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
