import 'server-only';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { items, mapActivities, mapCards, mapSteps, themes, users, type ItemStatus } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import type { Executor } from '@/lib/events/log.server';
import { lastEventIdOf } from '@/lib/realtime/replay.server';
import { formatWeeks } from '@/lib/plural';
import { assertMayViewMap, slicesOf } from './common.server';
import type { MapCardView, MapState } from './types';

/** Items that are not on a map: gone from the cycle in all but name. Drafts are their requestor's alone. */
export const OFF_MAP_STATUSES: ItemStatus[] = ['withdrawn', 'merged', 'draft'];

/** The cycle's items as the map shows them, with where each sits (null: the tray). */
export async function mapCardRows(tx: Executor, cycleId: number) {
  return tx
    .select({
      itemId: items.id,
      title: items.title,
      kind: items.kind,
      estimateSize: items.estimateSize,
      estimateWeeks: items.estimateWeeks,
      theme: themes.name,
      stepId: mapCards.stepId,
      sliceId: mapCards.sliceId,
      position: mapCards.position,
      version: mapCards.version,
      culledAt: mapCards.culledAt,
      cullReason: mapCards.cullReason,
      culledBy: users.name,
    })
    .from(items)
    .leftJoin(mapCards, eq(mapCards.itemId, items.id))
    .leftJoin(themes, eq(themes.id, items.themeId))
    .leftJoin(users, eq(users.id, mapCards.culledBy))
    .where(and(eq(items.cycleId, cycleId), notInArray(items.status, OFF_MAP_STATUSES)))
    .orderBy(asc(mapCards.position), asc(items.id));
}

/** The backbone: activities left to right, each with its steps. */
export async function backboneOf(tx: Executor, cycleId: number): Promise<MapState['activities']> {
  const activities = await tx
    .select({ id: mapActivities.id, name: mapActivities.name, position: mapActivities.position })
    .from(mapActivities)
    .where(eq(mapActivities.cycleId, cycleId))
    .orderBy(asc(mapActivities.position), asc(mapActivities.id));
  const ids = activities.map((a) => a.id);
  const steps = ids.length
    ? await tx
        .select({
          id: mapSteps.id,
          activityId: mapSteps.activityId,
          name: mapSteps.name,
          position: mapSteps.position,
        })
        .from(mapSteps)
        .where(inArray(mapSteps.activityId, ids))
        .orderBy(asc(mapSteps.position), asc(mapSteps.id))
    : [];
  return activities.map((a) => ({ ...a, steps: steps.filter((s) => s.activityId === a.id) }));
}

function estimateLabel(size: string | null, weeks: number | null): string | null {
  if (size) return size;
  return weeks === null ? null : `${formatWeeks(weeks)} pw`;
}

/**
 * The whole map as its page shows it. `lastEventId` is read first: a page that opens the stream from
 * it may hear again of a change it already shows, which applying twice leaves as it is, but it never
 * misses one.
 */
export async function mapState(actor: ActingUser, cycleId: number): Promise<MapState> {
  const cycle = await assertMayViewMap(db, actor, cycleId);
  const lastEventId = await lastEventIdOf({ type: 'cycle_map', id: cycleId });
  const [activities, slices, rows] = [
    await backboneOf(db, cycleId),
    await slicesOf(db, cycleId),
    await mapCardRows(db, cycleId),
  ];
  const stepIds = new Set(activities.flatMap((a) => a.steps.map((s) => s.id)));
  const sliceIds = new Set(slices.map((s) => s.id));
  const cards: MapCardView[] = [];
  const culled: MapState['culled'] = [];
  for (const r of rows) {
    const card: MapCardView = {
      itemId: r.itemId,
      title: r.title,
      kind: r.kind,
      estimate: estimateLabel(r.estimateSize, r.estimateWeeks),
      theme: r.theme,
      stepId: r.stepId !== null && stepIds.has(r.stepId) ? r.stepId : null,
      sliceId: r.sliceId !== null && sliceIds.has(r.sliceId) ? r.sliceId : null,
      position: r.position ?? 0,
      version: r.version ?? 0,
    };
    if (r.culledAt)
      culled.push({ ...card, reason: r.cullReason ?? '', culledBy: r.culledBy ?? 'someone', culledAt: r.culledAt });
    else cards.push(card);
  }
  return {
    cycleId,
    cycleName: cycle.name,
    lastEventId,
    canEdit: can(actor, 'map.edit'),
    activities,
    slices: slices.map(({ id, name, role, position }) => ({ id, name, role, position })),
    cards,
    culled,
  };
}
