/**
 * The effect of a change request on a schedule, shown before it is submitted and again while it is
 * decided: the new order, the load per period, and what falls below the cut line.
 * Pure, so the raise form, the change request page and the server's checks agree.
 *
 * Semantics of a proposal:
 * - `incomingPosition` is a 0-based index into the CURRENT order: the incoming item goes before the
 *   item now at that index (`order.length` = at the end). Displaced items do not shift it.
 * - 'out' takes an item out of the order (it goes back to deferred); 'later' keeps its rank and moves
 *   it to a later period.
 */
import type { Displacement, ItemStatus } from '@/db/schema';
import type { FieldErrors } from '@/lib/errors';
import { cutLine, type CutLine } from '@/lib/ranking/order';

export type ScheduleItem = {
  id: number;
  title: string;
  weeks: number | null;
  periodId: number | null;
  status: ItemStatus;
};
export type PreviewPeriod = { id: number; name: string; capacityWeeks: number; position: number };

export type Proposal = {
  /** `id` null: a new item, created when the request is raised. */
  incoming: { id: number | null; title: string; weeks: number | null };
  incomingPosition: number;
  incomingPeriodId: number | null;
  displaced: readonly Displacement[];
};

export type OrderRow = {
  id: number | null;
  title: string;
  weeks: number | null;
  periodId: number | null;
  /** Null for the incoming item. */
  status: ItemStatus | null;
  belowCut: boolean;
  change: 'in' | 'later' | null;
};

export type PeriodLoad = {
  periodId: number;
  name: string;
  before: number;
  after: number;
  capacityWeeks: number;
  over: boolean;
};

export type Preview = {
  order: OrderRow[];
  /** Items the proposal takes out of the schedule. */
  removed: number[];
  loadByPeriod: PeriodLoad[];
  cut: { before: CutLine; after: CutLine };
  /** Items above the cut line today that the proposal pushes below it. */
  newlyBelowCut: number[];
  /** Why the proposal cannot be applied to this schedule as it stands (empty when it can). */
  errors: FieldErrors;
};

/** Items that may no longer move: delivered work is done, work in delivery cannot be taken out. */
const OUT_REFUSED: Partial<Record<ItemStatus, string>> = {
  delivered: 'is already delivered; it cannot be moved out or later',
  in_delivery: 'is already in delivery; it can move to a later period but not out',
};

/** Field errors of a proposal against the schedule as it is now. */
export function checkProposal(
  schedule: readonly ScheduleItem[],
  periods: readonly PreviewPeriod[],
  p: Proposal,
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (!Number.isInteger(p.incomingPosition) || p.incomingPosition < 0 || p.incomingPosition > schedule.length) {
    add('incomingPosition', `Choose a position from 1 to ${schedule.length + 1}.`);
  }
  const periodById = new Map(periods.map((period) => [period.id, period]));
  if (p.incomingPeriodId !== null && !periodById.has(p.incomingPeriodId))
    add('incomingPeriodId', 'Choose a period of this cycle.');
  const byId = new Map(schedule.map((item) => [item.id, item]));
  if (p.incoming.id !== null && byId.has(p.incoming.id)) add('incomingItemId', 'This item is already in the schedule.');

  const seen = new Set<number>();
  for (const d of p.displaced) {
    const item = byId.get(d.itemId);
    if (!item) {
      add('displaced', `Item #${d.itemId} is not in the schedule (any more).`);
      continue;
    }
    if (seen.has(d.itemId)) {
      add('displaced', `"${item.title}" is listed twice.`);
      continue;
    }
    seen.add(d.itemId);
    if (item.status === 'delivered' || (d.action === 'out' && item.status === 'in_delivery')) {
      add('displaced', `"${item.title}" ${OUT_REFUSED[item.status]}.`);
      continue;
    }
    if (d.action === 'later') {
      const to = d.toPeriodId == null ? undefined : periodById.get(d.toPeriodId);
      const from = item.periodId === null ? undefined : periodById.get(item.periodId);
      if (!to) add('displaced', `Choose the period "${item.title}" moves to.`);
      else if (from && to.position <= from.position)
        add('displaced', `"${item.title}" is in ${from.name}: choose a period after it.`);
    }
  }
  return errors;
}

function loadOf(rows: readonly { periodId: number | null; weeks: number | null }[]): Map<number, number> {
  const load = new Map<number, number>();
  for (const r of rows) if (r.periodId !== null) load.set(r.periodId, (load.get(r.periodId) ?? 0) + (r.weeks ?? 0));
  return load;
}

/**
 * The proposal applied to `schedule` (already in rank order). Displacements of items that are not in
 * the schedule are skipped rather than thrown, so a page can still show the rest with `errors`.
 */
export function previewProposal(
  schedule: readonly ScheduleItem[],
  periods: readonly PreviewPeriod[],
  capacityWeeks: number,
  p: Proposal,
): Preview {
  const action = new Map(p.displaced.map((d) => [d.itemId, d]));
  const position = Math.min(Math.max(Math.trunc(p.incomingPosition) || 0, 0), schedule.length);
  const incoming: OrderRow = {
    id: p.incoming.id,
    title: p.incoming.title,
    weeks: p.incoming.weeks,
    periodId: p.incomingPeriodId,
    status: null,
    belowCut: false,
    change: 'in',
  };
  const order: OrderRow[] = [];
  const removed: number[] = [];
  schedule.forEach((item, index) => {
    if (index === position) order.push(incoming);
    const d = action.get(item.id);
    if (d?.action === 'out' && item.status !== 'delivered' && item.status !== 'in_delivery') {
      removed.push(item.id);
      return;
    }
    const later = d?.action === 'later' && item.status !== 'delivered' && d.toPeriodId != null;
    order.push({
      ...item,
      periodId: later ? d.toPeriodId! : item.periodId,
      belowCut: false,
      change: later ? 'later' : null,
    });
  });
  if (position === schedule.length) order.push(incoming);

  const before = cutLine(schedule, capacityWeeks);
  const after = cutLine(order, capacityWeeks);
  order.forEach((row, index) => (row.belowCut = index >= after.fitCount));
  const wasAbove = new Set(schedule.slice(0, before.fitCount).map((item) => item.id));
  const newlyBelowCut = order
    .filter((row) => row.belowCut && row.id !== null && row.change !== 'in' && wasAbove.has(row.id))
    .map((row) => row.id!);

  const loadBefore = loadOf(schedule);
  const loadAfter = loadOf(order);
  const loadByPeriod = [...periods]
    .sort((a, b) => a.position - b.position)
    .map((period) => {
      const afterWeeks = loadAfter.get(period.id) ?? 0;
      return {
        periodId: period.id,
        name: period.name,
        before: loadBefore.get(period.id) ?? 0,
        after: afterWeeks,
        capacityWeeks: period.capacityWeeks,
        over: afterWeeks > period.capacityWeeks + 1e-9,
      };
    });

  return {
    order,
    removed,
    loadByPeriod,
    cut: { before, after },
    newlyBelowCut,
    errors: checkProposal(schedule, periods, p),
  };
}
