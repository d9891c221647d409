import 'server-only';
import { REVIEWABLE } from './review';
import { and, asc, eq, ne } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { cycles, themes, type Cycle } from '@/db/schema';
import { assertCan, can } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadCycle } from '@/lib/backlog/list.server';
import { formatMetric } from '@/lib/cycles/theme-metric';
import type { NfrShare } from '@/lib/capacity/nfr-share';
import { loadReviewItems, type LoadedItem } from './load.server';
import {
  byTheme,
  deliveredNfrShare,
  estimateAccuracy,
  metricVerdict,
  plannedVsDelivered,
  type EstimateAccuracy,
  type MetricVerdict,
  type PlannedVsDelivered,
} from './review';

export type ReviewTheme = PlannedVsDelivered & {
  id: number | null;
  name: string;
  /** "Checkout conversion: 2.1 % → 3 %", null without a metric. */
  metric: string | null;
  metricName: string | null;
  metricUnit: string | null;
  metricActual: number | null;
  verdict: MetricVerdict;
};

export type CycleReview =
  | { state: 'not_ready'; cycle: Pick<Cycle, 'id' | 'name' | 'status'> }
  | {
      state: 'ready';
      cycle: Pick<Cycle, 'id' | 'name' | 'status' | 'capacityWeeks' | 'nfrTargetPercent'>;
      closed: boolean;
      totals: PlannedVsDelivered;
      themes: ReviewTheme[];
      accuracy: EstimateAccuracy;
      nfr: NfrShare;
      items: LoadedItem[];
      /** Items the pm may still offer to another cycle (only once the cycle is closed). */
      undelivered: LoadedItem[];
      /** Cycles in planning, where undelivered items may go. */
      targetCycles: { id: number; name: string }[];
      canManage: boolean;
    };

/**
 * The review of a cycle, for the backlog roles (`backlog.view`). A published cycle shows it as a
 * draft ("not closed yet"), so the pm can check it before closing; earlier cycles have none.
 */
export async function cycleReview(actor: ActingUser, cycleId: number): Promise<CycleReview> {
  assertCan(actor, 'backlog.view');
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    if (!REVIEWABLE.includes(cycle.status))
      return { state: 'not_ready', cycle: { id: cycle.id, name: cycle.name, status: cycle.status } };
    const all = await loadReviewItems(tx, cycle);
    const themeRows = await tx.select().from(themes).where(eq(themes.cycleId, cycleId)).orderBy(asc(themes.position));
    const metrics = new Map(themeRows.map((t) => [t.id, t]));
    const reviewThemes = byTheme(all, themeRows).map((g): ReviewTheme => {
      const t = g.id === null ? undefined : metrics.get(g.id);
      const values = {
        metricName: t?.metricName ?? null,
        metricBaseline: t?.metricBaseline ?? null,
        metricTarget: t?.metricTarget ?? null,
        metricActual: t?.metricActual ?? null,
      };
      return {
        ...g,
        metric: t ? formatMetric(t) : null,
        metricName: values.metricName,
        metricUnit: t?.metricUnit ?? null,
        metricActual: values.metricActual,
        verdict: metricVerdict(values),
      };
    });
    const closed = cycle.status === 'closed';
    const targetCycles = await tx
      .select({ id: cycles.id, name: cycles.name })
      .from(cycles)
      .where(and(eq(cycles.status, 'planning'), ne(cycles.id, cycleId)))
      .orderBy(asc(cycles.startsOn), asc(cycles.id));
    return {
      state: 'ready',
      cycle: {
        id: cycle.id,
        name: cycle.name,
        status: cycle.status,
        capacityWeeks: cycle.capacityWeeks,
        nfrTargetPercent: cycle.nfrTargetPercent,
      },
      closed,
      totals: plannedVsDelivered(all),
      themes: reviewThemes,
      accuracy: estimateAccuracy(all),
      nfr: deliveredNfrShare(all, cycle.capacityWeeks, cycle.nfrTargetPercent),
      items: all,
      undelivered: closed ? all.filter((i) => i.undelivered) : [],
      targetCycles,
      canManage: can(actor, 'cycle.manage'),
    };
  });
}
