import 'server-only';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { alias } from '@/db/alias';
import { dialect, transaction, tuples } from '@/db/client';
import { sqlPieces } from '@/db/dialect';
import { changeRequests, items, scheduleFlags, users, type Cycle, type SchedulePeriod, type Size } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { can } from '@/lib/auth/permissions';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { loadCycle } from '@/lib/backlog/list.server';
import { orderByRank } from '@/lib/ranking/order';
import { assertCanSeeSchedule, lastPublication, lastSnapshot, canResolveFlag } from './access.server';
import { periodsOf } from './periods.server';
import { movedRows } from './moved';
import { changesSince, snapshotOf } from './snapshot';
import {
  SCHEDULE_STATUSES,
  type ScheduleFlagView,
  type ScheduleItem,
  type SchedulePeriodView,
  type ScheduleView,
} from './types';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * The delivery schedule of a cycle: its accepted items in rank order,
 * each with a period, an owner and a kickoff day, and their delivery status. Read in a fixed handful
 * of queries whatever the number of items (a 2,000-item cycle must open fast).
 */

/** Who can own an item's delivery. */
export const OWNER_ROLES = ['engineer', 'pm'] as const;

const authors = alias(users, 'authors');
const resolvers = alias(users, 'resolvers');

/**
 * The one statement behind the schedule's rows. Raw, not through the ORM: mapping 2,000 joined rows
 * cost ten times the query itself. `+i.status` keeps SQLite on the cycle's index (the status index
 * matches most of the table).
 */
const q = sqlPieces(dialect);
const ITEMS_SQL = `select i.id, i.title, i.rank, i.status, i.theme_id, t.name, i.estimate_size, i.estimate_weeks,
  i.requestor_id, r.name, i.sponsor_id, sp.name, e.period_id, e.owner_id, o.name, e.kickoff_on, coalesce(e.version, 0),
  (select ${q.count()} from schedule_flags f where f.item_id = i.id and f.resolved_at is null), i.actual_weeks
from items i
  left join themes t on t.id = i.theme_id
  join users r on r.id = i.requestor_id
  left join users sp on sp.id = i.sponsor_id
  left join schedule_entries e on e.item_id = i.id
  left join users o on o.id = e.owner_id
where i.cycle_id = ? and ${q.noIndex('i.status')} in (${SCHEDULE_STATUSES.map((st) => `'${st}'`).join(', ')})`;

type ItemsRow = [
  number,
  string,
  string | null,
  ScheduleItem['status'],
  number | null,
  string | null,
  Size | null,
  number | null,
  number,
  string,
  number | null,
  string | null,
  number | null,
  number | null,
  string | null,
  string | null,
  number,
  number,
  number | null,
];

/**
 * The cycle's accepted-to-delivered items with their entries, in rank order (unranked last, by id).
 * Inside a caller's transaction the statement reads that transaction's state.
 */
export async function scheduleItems(cycle: Cycle): Promise<ScheduleItem[]> {
  const rows = (await tuples(ITEMS_SQL, [cycle.id])) as ItemsRow[];
  const mapped = rows.map(
    ([
      id,
      title,
      rank,
      status,
      themeId,
      theme,
      estimateSize,
      estimateWeeks,
      requestorId,
      requestor,
      sponsorId,
      sponsor,
      periodId,
      ownerId,
      owner,
      kickoffOn,
      entryVersion,
      openFlags,
      actualWeeks,
    ]): ScheduleItem => ({
      id,
      title,
      rank,
      status,
      themeId,
      theme,
      weeks: effectiveWeeks({ estimateSize, estimateWeeks }, cycle.sizeWeeks),
      requestorId,
      requestor,
      sponsorId,
      sponsor,
      periodId,
      ownerId,
      owner,
      kickoffOn,
      entryVersion,
      openFlags,
      actualWeeks,
    }),
  );
  const ranked = mapped.filter((r): r is ScheduleItem & { rank: string } => r.rank !== null);
  return [...orderByRank(ranked), ...mapped.filter((r) => r.rank === null).sort((a, b) => a.id - b.id)];
}

const EPSILON = 1e-9; // 0.1 + 0.2 weeks fill a 0.3-week period exactly

function loads(periods: SchedulePeriod[], list: ScheduleItem[]) {
  const sums = new Map<number | null, { load: number; items: number }>();
  for (const item of list) {
    const s = sums.get(item.periodId) ?? { load: 0, items: 0 };
    s.load += item.weeks ?? 0;
    s.items++;
    sums.set(item.periodId, s);
  }
  const views: SchedulePeriodView[] = periods.map(({ cycleId: _c, ...p }) => {
    const s = sums.get(p.id) ?? { load: 0, items: 0 };
    return { ...p, ...s, over: s.load > p.capacityWeeks + EPSILON };
  });
  return { periods: views, unassigned: sums.get(null) ?? { load: 0, items: 0 } };
}

/** The cycle's change requests approved after `since` (every approved one when it is null). */
async function approvedSince(tx: Executor, cycleId: number, since: string | null) {
  return (
    await tx
      .select({
        id: changeRequests.id,
        decidedAt: changeRequests.decidedAt,
        incomingItemId: changeRequests.incomingItemId,
        displaced: changeRequests.displaced,
      })
      .from(changeRequests)
      .where(
        and(
          eq(changeRequests.cycleId, cycleId),
          eq(changeRequests.status, 'approved'),
          since === null ? undefined : gt(changeRequests.decidedAt, since),
        ),
      )
  ).flatMap((cr) => (cr.decidedAt === null ? [] : [{ ...cr, decidedAt: cr.decidedAt }]));
}

export const periodNames = (periods: SchedulePeriod[]) => new Map(periods.map((p) => [p.id, p.name]));

/** The schedule page's content; see lib/schedule/access.server.ts for who may read it. 404 for an unknown cycle. */
/** What the schedule page shows above the board (the board reads the rest): the same access rule. */
export async function scheduleHeading(
  actor: ActingUser,
  cycleId: number,
): Promise<Pick<ScheduleView, 'cycle' | 'lastPublication'>> {
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const last = await lastPublication(tx, cycleId);
    assertCanSeeSchedule(actor, last !== null);
    return {
      cycle: {
        id: cycle.id,
        name: cycle.name,
        capacityWeeks: cycle.capacityWeeks,
        startsOn: cycle.startsOn,
        endsOn: cycle.endsOn,
      },
      lastPublication: last && { at: last.at, by: last.by },
    };
  });
}

export async function getSchedule(actor: ActingUser, cycleId: number): Promise<ScheduleView> {
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const last = await lastPublication(tx, cycleId);
    assertCanSeeSchedule(actor, last !== null);
    const canPublish = can(actor, 'schedule.publish');
    const periods = await periodsOf(tx, cycleId);
    const list = await scheduleItems(cycle);
    const ownerOf = new Map(list.map((i) => [i.id, i.ownerId]));
    const flags: ScheduleFlagView[] = (
      await tx
        .select({
          id: scheduleFlags.id,
          itemId: scheduleFlags.itemId,
          kind: scheduleFlags.kind,
          body: scheduleFlags.body,
          author: authors.name,
          createdAt: scheduleFlags.createdAt,
          resolvedAt: scheduleFlags.resolvedAt,
          resolvedBy: resolvers.name,
          resolutionNote: scheduleFlags.resolutionNote,
        })
        .from(scheduleFlags)
        .innerJoin(items, eq(items.id, scheduleFlags.itemId))
        .innerJoin(authors, eq(authors.id, scheduleFlags.authorId))
        .leftJoin(resolvers, eq(resolvers.id, scheduleFlags.resolvedBy))
        .where(and(eq(items.cycleId, cycleId), inArray(items.status, SCHEDULE_STATUSES)))
        .orderBy(asc(scheduleFlags.id))
    ).map((f) => ({
      ...f,
      canResolve: f.resolvedAt === null && canResolveFlag(actor, ownerOf.get(f.itemId) ?? null),
    }));
    const ownerList = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, OWNER_ROLES)))
      .orderBy(asc(users.name), asc(users.id));
    return {
      cycle: {
        id: cycle.id,
        name: cycle.name,
        capacityWeeks: cycle.capacityWeeks,
        startsOn: cycle.startsOn,
        endsOn: cycle.endsOn,
      },
      ...loads(periods, list),
      items: list,
      owners: ownerList,
      flags,
      lastPublication: last && { at: last.at, by: last.by },
      // Only those who publish need the diff; skipping it spares everyone else reading the last snapshot.
      unpublishedChanges: canPublish
        ? changesSince(await lastSnapshot(tx, last?.id), snapshotOf(list, periodNames(periods)))
        : [],
      moved: movedRows(await approvedSince(tx, cycleId, last?.at ?? null)),
      viewer: {
        id: actor.id,
        canEdit: can(actor, 'schedule.edit'),
        canPublish,
        canSeeChanges: can(actor, 'backlog.view'),
      },
    };
  });
}
