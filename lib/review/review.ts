/**
 * The sums of a cycle's review: planned against delivered, how good the estimates were, whether the
 * key outcomes were met and the non-functional share reached. Pure, so each rule is unit-tested
 * without a database; review.server.ts loads the rows.
 */
import type { DeliveryKind } from '@/db/schema/delivery';
import type { Cycle, Kind } from '@/db/schema/backlog';
import { nfrShare, type NfrShare } from '@/lib/capacity/nfr-share';

/** Delivered: a final record stands. Partial: only milestones stand. None: nothing stands. */
export type DeliveryState = 'delivered' | 'partial' | 'none';

export function deliveryState(records: readonly { kind: DeliveryKind; undoneAt: string | null }[]): DeliveryState {
  // An undone record is kept for the history but no longer counts.
  const standing = records.filter((r) => r.undoneAt === null);
  if (standing.some((r) => r.kind === 'final')) return 'delivered';
  return standing.length > 0 ? 'partial' : 'none';
}

export type ReviewItem = {
  id: number;
  title: string;
  kind: Kind;
  themeId: number | null;
  /** Effective estimate in person-weeks (size table or explicit weeks); null when not estimated. */
  weeks: number | null;
  actualWeeks: number | null;
  /** Accepted above the cut line as the outcome was published. */
  planned: boolean;
  delivery: DeliveryState;
};

export type Tally = { items: number; weeks: number };

export type PlannedVsDelivered = {
  planned: Tally;
  /** Every delivered item, planned or not. */
  delivered: Tally;
  /** Delivered items that were not planned (accepted below the cut line and done anyway). */
  deliveredUnplanned: number;
  /** Items with milestones delivered but no final delivery. */
  partial: Tally;
};

const add = (t: Tally, weeks: number | null): Tally => ({ items: t.items + 1, weeks: t.weeks + (weeks ?? 0) });
const zero = (): Tally => ({ items: 0, weeks: 0 });

export function plannedVsDelivered(items: readonly ReviewItem[]): PlannedVsDelivered {
  let planned = zero();
  let delivered = zero();
  let partial = zero();
  let deliveredUnplanned = 0;
  for (const item of items) {
    if (item.planned) planned = add(planned, item.weeks);
    if (item.delivery === 'delivered') {
      delivered = add(delivered, item.weeks);
      if (!item.planned) deliveredUnplanned += 1;
    }
    if (item.delivery === 'partial') partial = add(partial, item.weeks);
  }
  return { planned, delivered, deliveredUnplanned, partial };
}

/** The same sums per theme, in the order of `themes`, then items without a theme (id null) if any. */
export function byTheme(
  items: readonly ReviewItem[],
  themes: readonly { id: number; name: string }[],
): ({ id: number | null; name: string } & PlannedVsDelivered)[] {
  const groups: { id: number | null; name: string }[] = [...themes];
  if (items.some((i) => i.themeId === null || !themes.some((t) => t.id === i.themeId)))
    groups.push({ id: null, name: 'No theme' });
  const known = new Set(themes.map((t) => t.id));
  return groups.map((g) => ({
    ...g,
    ...plannedVsDelivered(
      items.filter((i) => (g.id === null ? i.themeId === null || !known.has(i.themeId) : i.themeId === g.id)),
    ),
  }));
}

export type EstimateAccuracy = {
  rows: { id: number; title: string; estimate: number; actual: number; errorPercent: number }[];
  /** Delivered items with both an estimate and an actual effort, of all delivered items. */
  measured: number;
  delivered: number;
  /** Sum of actual ÷ sum of estimate (1.2 = 20 % more effort than estimated); null without rows. */
  ratio: number | null;
  /** Mean absolute percentage error of the estimates, in percent; null without rows. */
  meanAbsolutePercentError: number | null;
};

export function estimateAccuracy(items: readonly ReviewItem[]): EstimateAccuracy {
  const delivered = items.filter((i) => i.delivery === 'delivered');
  const rows = delivered
    .filter((i) => i.weeks !== null && i.weeks > 0 && i.actualWeeks !== null)
    .map((i) => ({
      id: i.id,
      title: i.title,
      estimate: i.weeks!,
      actual: i.actualWeeks!,
      errorPercent: (Math.abs(i.actualWeeks! - i.weeks!) / i.weeks!) * 100,
    }));
  const sumEstimate = rows.reduce((s, r) => s + r.estimate, 0);
  const sumActual = rows.reduce((s, r) => s + r.actual, 0);
  return {
    rows,
    measured: rows.length,
    delivered: delivered.length,
    ratio: rows.length ? sumActual / sumEstimate : null,
    meanAbsolutePercentError: rows.length ? rows.reduce((s, r) => s + r.errorPercent, 0) / rows.length : null,
  };
}

export type MetricVerdict = 'met' | 'not_met' | 'not_measured' | 'no_target';

export type ThemeMetricValues = {
  metricName: string | null;
  metricBaseline: number | null;
  metricTarget: number | null;
  metricActual: number | null;
};

/**
 * Met when the measured value reaches the target in the direction from baseline to target: a metric
 * meant to fall (churn 5 % → 3 %) is met at 3 % or less. Without a baseline, higher is taken as better.
 */
export function metricVerdict(m: ThemeMetricValues): MetricVerdict {
  if (!m.metricName?.trim() || m.metricTarget === null) return 'no_target';
  if (m.metricActual === null) return 'not_measured';
  const falling = m.metricBaseline !== null && m.metricTarget < m.metricBaseline;
  const met = falling ? m.metricActual <= m.metricTarget : m.metricActual >= m.metricTarget;
  return met ? 'met' : 'not_met';
}

export const VERDICT_LABEL: Record<MetricVerdict, string> = {
  met: 'Met',
  not_met: 'Not met',
  not_measured: 'Not measured',
  no_target: 'No target',
};

/**
 * Non-functional work delivered against capacity and the cycle's target. Delivered work counts its
 * estimate, as the plan did, so the share reads against the one the outcome promised.
 */
export function deliveredNfrShare(
  items: readonly ReviewItem[],
  capacityWeeks: number,
  targetPercent: number | null,
): NfrShare {
  return nfrShare(
    items.filter((i) => i.delivery === 'delivered').map((i) => ({ kind: i.kind, weeks: i.weeks })),
    capacityWeeks,
    targetPercent,
  );
}

/** A review exists once the outcome is published; before that there is nothing to compare with. */
export const REVIEWABLE: readonly Cycle['status'][] = ['published', 'closed'];
