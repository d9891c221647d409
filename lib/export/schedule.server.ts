import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { departments, items } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { getSchedule } from '@/lib/schedule/schedule.server';
import type { Cell, ExportTable } from './table';

export const SCHEDULE_HEADER = [
  'Id',
  'Rank',
  'Item',
  'Period',
  'Owner',
  'Kickoff',
  'Status',
  'Person-weeks',
  'Theme',
  'Department',
  'Requestor',
  'Sponsor',
  'Open flags',
] as const;

/**
 * The delivery schedule as a table, in rank order (unranked items last), read under the schedule
 * page's own rule (lib/schedule/access.server.ts): the backlog roles always, everyone once published.
 */
export async function scheduleExport(
  actor: ActingUser,
  cycleId: number,
): Promise<{ cycleName: string; table: ExportTable }> {
  const view = await getSchedule(actor, cycleId);
  const periodName = new Map(view.periods.map((p) => [p.id, p.name]));
  const ids = view.items.map((i) => i.id);
  const departmentOf = new Map(
    (ids.length === 0
      ? []
      : await db
          .select({ id: items.id, name: departments.name })
          .from(items)
          .innerJoin(departments, eq(departments.id, items.departmentId))
          .where(inArray(items.id, ids))
    ).map((r) => [r.id, r.name]),
  );
  let place = 0;
  const rows = view.items.map((i): Cell[] => [
    i.id,
    i.rank === null ? null : ++place,
    i.title,
    i.periodId === null ? null : (periodName.get(i.periodId) ?? null),
    i.owner,
    i.kickoffOn,
    STATUS_LABEL[i.status],
    i.weeks,
    i.theme,
    departmentOf.get(i.id) ?? null,
    i.requestor,
    i.sponsor,
    i.openFlags,
  ]);
  return { cycleName: view.cycle.name, table: { header: SCHEDULE_HEADER, rows } };
}
