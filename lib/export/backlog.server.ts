import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { db } from '@/db/client';
import { items } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/backlog/labels';
import { backlogMeta, listBacklogTuples } from '@/lib/backlog/list.server';
import { rowExpander, toWireRow } from '@/lib/backlog/rows';
import type { BacklogRow } from '@/lib/backlog/types';
import { rowsInView } from '@/lib/backlog/view-rows';
import { orderByRank } from '@/lib/ranking/order';
import { assertKnownIds, parseViewQuery } from './backlog-query';
import type { Cell, ExportTable } from './table';

/**
 * The backlog export: the rows the backlog table shows for the view in the query string, in its
 * order, with every field an import needs to make the same items again. Its headers are what the
 * import recognises, so an export re-imported into an empty cycle gives the same items.
 */
export const BACKLOG_HEADER = [
  'Id',
  'Rank',
  'Title',
  'Description',
  'Business benefit',
  'Estimate',
  'Kind',
  'Status',
  'Theme',
  'Department',
  'Modules',
  'SME',
  'Sponsor',
  'Requestor',
  'Cycle',
] as const;

/** "M", "2.5 weeks", "1 week", or empty: the estimate as the pm gave it, exact (not rounded). */
export function estimateText(row: Pick<BacklogRow, 'estimateSize' | 'estimateWeeks'>): string | null {
  if (row.estimateSize) return row.estimateSize;
  if (row.estimateWeeks === null) return null;
  return `${row.estimateWeeks} ${row.estimateWeeks === 1 ? 'week' : 'weeks'}`;
}

/** What the table's rows leave out: long texts, the free-text sponsor, the rank and the SME as written. */
async function extrasOf(cycleId: number) {
  const rows = await db
    .select({
      id: items.id,
      description: items.description,
      businessBenefit: items.businessBenefit,
      sponsorSuggestion: items.sponsorSuggestion,
      sme: items.sme,
      rank: items.rank,
    })
    .from(items)
    .where(and(eq(items.cycleId, cycleId), ne(items.status, 'draft')));
  // The rank column is the item's place in the cycle's ranking (1 = first), empty when unranked.
  const ranked = orderByRank(rows.filter((r): r is typeof r & { rank: string } => r.rank !== null));
  const place = new Map(ranked.map((r, i) => [r.id, i + 1]));
  return new Map(rows.map((r) => [r.id, { ...r, place: place.get(r.id) ?? null }]));
}

/** The table of a cycle's backlog under the view in `params`; `backlog.view`, like the page. */
export async function backlogExport(
  actor: ActingUser,
  cycleId: number,
  params: URLSearchParams,
): Promise<{ cycleName: string; table: ExportTable }> {
  assertCan(actor, 'backlog.view');
  const view = parseViewQuery(params);
  const meta = await backlogMeta(actor, cycleId);
  assertKnownIds(view, meta);
  const expand = rowExpander(meta);
  const rows = rowsInView(
    (await listBacklogTuples(actor, cycleId)).map((t) => expand(toWireRow(t))),
    view,
  );
  const extras = await extrasOf(cycleId);
  const table = rows.map((r): Cell[] => {
    const extra = extras.get(r.id);
    return [
      r.id,
      extra?.place ?? null,
      r.title,
      extra?.description ?? '',
      extra?.businessBenefit ?? '',
      estimateText(r),
      KIND_LABEL[r.kind],
      STATUS_LABEL[r.status],
      r.themeName,
      r.departmentName,
      r.moduleNames.join('; '),
      extra?.sme ?? r.sme,
      r.sponsorName ?? extra?.sponsorSuggestion ?? '',
      r.requestorName,
      meta.cycleName,
    ];
  });
  return { cycleName: meta.cycleName, table: { header: BACKLOG_HEADER, rows: table } };
}
