import Link from '@/components/ui/link';
import * as s from '@/components/outcome/table-styles';
import { ScrollBox } from '@/components/ui/scroll-box';
import { formatWeeks } from '@/lib/plural';
import { DISPOSED_LABEL } from '@/lib/review/disposals';
import type { LoadedItem } from '@/lib/review/load.server';
import type { ReviewTheme } from '@/lib/review/review.server';
import type { DeliveryState, EstimateAccuracy, PlannedVsDelivered } from '@/lib/review/review';

export const DELIVERY_LABEL: Record<DeliveryState, string> = {
  delivered: 'Delivered',
  partial: 'Partially delivered (milestones only)',
  none: 'Not delivered',
};

const weeks = (n: number | null) => (n === null ? '—' : formatWeeks(n));
const percent = (n: number) => `${Math.round(n)} %`;

function Th({ children, right = false }: { children: React.ReactNode; right?: boolean }) {
  return (
    <th scope="col" className={`${s.th} ${right ? 'text-right' : ''}`}>
      {children}
    </th>
  );
}

function SumCells({ sums }: { sums: PlannedVsDelivered }) {
  const n = `${s.td} text-right tabular-nums`;
  return (
    <>
      <td className={n}>{sums.planned.items}</td>
      <td className={n}>{formatWeeks(sums.planned.weeks)}</td>
      <td className={n}>{sums.delivered.items}</td>
      <td className={n}>{formatWeeks(sums.delivered.weeks)}</td>
      <td className={n}>{sums.partial.items}</td>
    </>
  );
}

/** Planned against delivered, overall and per theme. */
export function PlannedVsDeliveredTable({ totals, themes }: { totals: PlannedVsDelivered; themes: ReviewTheme[] }) {
  return (
    <ScrollBox label="Planned and delivered by theme" className={s.tableWrap}>
      <table className={s.table}>
        <caption className={s.caption}>
          Planned: accepted above the cut line as published. Delivered: a final delivery stands. Partially delivered:
          milestones only.
        </caption>
        <thead>
          <tr>
            <Th>Theme</Th>
            <Th right>Planned items</Th>
            <Th right>Planned person-weeks</Th>
            <Th right>Delivered items</Th>
            <Th right>Delivered person-weeks</Th>
            <Th right>Partially delivered items</Th>
          </tr>
        </thead>
        <tbody>
          {themes.map((t) => (
            <tr key={t.id ?? 'none'}>
              <th scope="row" className={`${s.td} text-left font-medium`}>
                {t.name}
              </th>
              <SumCells sums={t} />
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className={`${s.td} text-left`}>
              Overall
            </th>
            <SumCells sums={totals} />
          </tr>
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Every item the review counts, with its delivery and what became of it. */
export function ReviewItemsTable({ items, themes }: { items: LoadedItem[]; themes: ReviewTheme[] }) {
  const themeName = new Map(themes.map((t) => [t.id, t.name]));
  return (
    <ScrollBox label="Items of the cycle" className={s.tableWrap}>
      <table className={s.table}>
        <caption className={s.caption}>Accepted items and their delivery</caption>
        <thead>
          <tr>
            <Th>Item</Th>
            <Th>Theme</Th>
            <Th>Plan</Th>
            <Th right>Estimate (person-weeks)</Th>
            <Th right>Actual (person-weeks)</Th>
            <Th>Delivery</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td className={`${s.td} font-medium`}>
                <Link href={`/items/${i.id}`}>{i.title}</Link>
              </td>
              <td className={s.td}>{themeName.get(i.themeId) ?? 'No theme'}</td>
              <td className={s.td}>{i.planned ? 'Planned' : 'Below the cut line'}</td>
              <td className={`${s.td} text-right tabular-nums`}>{weeks(i.weeks)}</td>
              <td className={`${s.td} text-right tabular-nums`}>{weeks(i.actualWeeks)}</td>
              <td className={s.td}>
                {DELIVERY_LABEL[i.delivery]}
                {i.disposal && ` — ${DISPOSED_LABEL[i.disposal].toLowerCase()}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Estimate against actual effort, where the actual effort was recorded. */
export function EstimateAccuracySection({ accuracy }: { accuracy: EstimateAccuracy }) {
  return (
    <section aria-labelledby="accuracy-heading" className={s.section}>
      <h2 id="accuracy-heading" className="text-lg font-semibold">
        Estimate accuracy
      </h2>
      <p className="text-sm">
        {accuracy.measured} of {accuracy.delivered} delivered item{accuracy.delivered === 1 ? ' has' : 's have'} an
        actual effort.
        {accuracy.ratio !== null && accuracy.meanAbsolutePercentError !== null && (
          <>
            {' '}
            Actual effort was {percent(accuracy.ratio * 100)} of the estimate overall; estimates were off by{' '}
            {percent(accuracy.meanAbsolutePercentError)} on average (mean absolute percentage error).
          </>
        )}
      </p>
      {accuracy.rows.length > 0 && (
        <ScrollBox label="Estimate and actual effort" className={s.tableWrap}>
          <table className={s.table}>
            <caption className={s.caption}>Delivered items with an actual effort</caption>
            <thead>
              <tr>
                <Th>Item</Th>
                <Th right>Estimate</Th>
                <Th right>Actual</Th>
                <Th right>Off by</Th>
              </tr>
            </thead>
            <tbody>
              {accuracy.rows.map((r) => (
                <tr key={r.id}>
                  <td className={`${s.td} font-medium`}>{r.title}</td>
                  <td className={`${s.td} text-right tabular-nums`}>{formatWeeks(r.estimate)}</td>
                  <td className={`${s.td} text-right tabular-nums`}>{formatWeeks(r.actual)}</td>
                  <td className={`${s.td} text-right tabular-nums`}>{percent(r.errorPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
