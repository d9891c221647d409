import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadCycle } from '@/lib/backlog/list.server';
import { CHANGE_REQUEST_STATUS_LABEL, MODE_LABEL, URGENCY_LABEL } from '@/lib/changes/labels';
import { listChangeRequests, type ChangeRequestListRow } from '@/lib/changes/list.server';
import type { Cell, ExportTable } from './table';

export const CHANGES_HEADER = [
  'Id',
  'Title',
  'Urgency',
  'Status',
  'Raised by',
  'Raised at',
  'Why now',
  'Incoming item id',
  'Items moved',
  'Session',
  'Session deadline',
  'Decided at',
  'Outcome',
  'Decision note',
] as const;

/** The outcome as the change list words it: an approval against the rule always says so. */
export function outcomeWord(row: Pick<ChangeRequestListRow, 'status' | 'ruleMet'>): string {
  switch (row.status) {
    case 'approved':
      return row.ruleMet === false ? 'Approved against the rule' : 'Approved: the rule was met';
    case 'declined':
      return 'Declined';
    case 'withdrawn':
      return 'Withdrawn';
    default:
      return 'Not decided yet';
  }
}

/**
 * A cycle's change requests, newest first, as the cycle's change list shows them, under the same
 * rule (lib/changes/common.server.ts: the backlog roles); 404 for an unknown cycle.
 */
export async function changesExport(
  actor: ActingUser,
  cycleId: number,
): Promise<{ cycleName: string; table: ExportTable }> {
  const list = await listChangeRequests(actor, cycleId);
  const cycle = await loadCycle(db, cycleId);
  const whyNow = new Map(
    (list.length === 0
      ? []
      : await db
          .select({ id: changeRequests.id, whyNow: changeRequests.whyNow })
          .from(changeRequests)
          .where(
            inArray(
              changeRequests.id,
              list.map((r) => r.id),
            ),
          )
    ).map((r) => [r.id, r.whyNow]),
  );
  const rows = list.map((r): Cell[] => [
    r.id,
    r.title,
    URGENCY_LABEL[r.urgency],
    CHANGE_REQUEST_STATUS_LABEL[r.status],
    r.raisedByName,
    r.createdAt,
    whyNow.get(r.id) ?? '',
    r.incomingItemId,
    r.displacedCount,
    r.session ? MODE_LABEL[r.session.mode] : null,
    r.session?.deadline ?? null,
    r.decidedAt,
    outcomeWord(r),
    r.decisionNote,
  ]);
  return { cycleName: cycle.name, table: { header: CHANGES_HEADER, rows } };
}
