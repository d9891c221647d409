import 'server-only';
import { and, asc, eq, inArray, isNull, max, ne, notInArray, or } from 'drizzle-orm';
import { changeToken, db } from '@/db/client';
import { isInTransaction } from '@/db/handle';
import { cycles, deliveryRecords, items, schedulePeriods, schedulePublications, themes } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { visibleStatuses } from '@/lib/backlog/visible-status.server';
import { changelogOf } from './changelog';
import { laneOf, roadmapOf, shippedSince } from './lanes';
import type { Roadmap, RoadmapEntry, RoadmapPeriod, RoadmapStatus } from './types';

const ROADMAP_STATUSES: RoadmapStatus[] = ['accepted', 'scheduled', 'in_delivery', 'delivered', 'deferred'];

/**
 * Whom the roadmap is written for: someone with no backlog access who attended no meeting. Every
 * reader — a pm, a requestor, or a link reader without an account — sees what this person sees, so
 * nothing reaches the roadmap before it is published for everyone.
 */
const PUBLIC_READER: ActingUser = {
  id: 0,
  name: '',
  email: '',
  role: 'requestor',
  departmentId: 0,
  departmentName: '',
  timeZone: null,
};

export const todayUtc = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/**
 * The roadmap for a signed-in reader. Anyone signed in may read it (requestors included): it holds
 * only what every one of them may already see, the same for all.
 */
export async function roadmapFor(viewer: ActingUser, today = todayUtc()): Promise<Roadmap> {
  void viewer;
  return roadmapFrom(await publishedEntries({ sharedOnly: false, recent: true }, today), today);
}

const roadmaps = new WeakMap<RoadmapEntry[], Roadmap>();
/** roadmapOf, worked out once for each read that readers share (see lastRead). */
export function roadmapFrom(entries: RoadmapEntry[], today: string): Roadmap {
  let roadmap = roadmaps.get(entries);
  if (roadmap?.today !== today) roadmaps.set(entries, (roadmap = roadmapOf(entries, today)));
  return roadmap;
}

/**
 * The published items of the roadmap's cycles, in cycle, theme and rank order: those whose latest
 * decision was made in a meeting whose outcome is published, with their status as the public may
 * see it (see visibleStatuses: "scheduled" and later only once the schedule has been published), the
 * period of the last published schedule, and the final delivery's day. With `sharedOnly`, only the
 * cycles an admin lets read-only links show. With `recent` (the roadmap, not the changelog), the
 * delivered items of cycles that ended before the shipped window are not read at all: the roadmap
 * would leave them out anyway, and in a company's history they are most of the rows.
 */
export async function publishedEntries(
  scope: { sharedOnly: boolean; recent?: boolean },
  today: string,
): Promise<RoadmapEntry[]> {
  if (isInTransaction(db)) return readPublishedEntries(scope, today);
  const key = `${scope.sharedOnly}:${scope.recent === true}`;
  const token = await changeToken();
  const kept = lastRead.get(key);
  if (kept?.token === token && kept.today === today) return kept.entries;
  const entries = readPublishedEntries(scope, today);
  lastRead.set(key, { token, today, entries });
  entries.catch(() => lastRead.get(key)?.entries === entries && lastRead.delete(key));
  return entries;
}

/**
 * The last read of each scope, with its day and the database's change token when it began. The
 * roadmap is the same for every reader, and a company's history makes it the heaviest read most
 * people make: readers share one read until anything is committed (or the day changes), and
 * concurrent readers share the pending one.
 */
const lastRead = new Map<string, { token: string; today: string; entries: Promise<RoadmapEntry[]> }>();

async function readPublishedEntries(
  scope: { sharedOnly: boolean; recent?: boolean },
  today: string,
): Promise<RoadmapEntry[]> {
  const cycleRows = await db
    .select({ id: cycles.id, name: cycles.name, startsOn: cycles.startsOn, endsOn: cycles.endsOn })
    .from(cycles)
    .where(scope.sharedOnly ? eq(cycles.sharedOnRoadmap, true) : undefined)
    .orderBy(asc(cycles.startsOn), asc(cycles.id));
  if (cycleRows.length === 0) return [];
  const cycleIds = cycleRows.map((c) => c.id);
  const itemRows = await db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      decisionReason: items.decisionReason,
      cycleId: items.cycleId,
      themeId: items.themeId,
      rank: items.rank,
    })
    .from(items)
    .where(
      and(
        inArray(items.cycleId, cycleIds),
        inArray(items.status, ROADMAP_STATUSES),
        recentOnly(scope, cycleRows, today),
      ),
    );
  if (itemRows.length === 0) return [];
  const views = await visibleStatuses(PUBLIC_READER, itemRows);
  const published = itemRows.filter((i) => {
    const view = views.get(i.id)!;
    return view.decidedIn?.published === true && ROADMAP_STATUSES.includes(view.status as RoadmapStatus);
  });
  const [themeRows, periodsByItem, deliveredOn] = await Promise.all([
    db
      .select({ id: themes.id, name: themes.name, position: themes.position })
      .from(themes)
      .where(inArray(themes.cycleId, cycleIds)),
    lastPublishedPeriods(cycleIds),
    finalDeliveries(published.filter((i) => views.get(i.id)!.status === 'delivered').map((i) => i.id)),
  ]);
  const themeById = new Map(themeRows.map((t) => [t.id, t]));
  const cycleOrder = new Map(cycleIds.map((id, n) => [id, n]));
  const cycleById = new Map(cycleRows.map((c) => [c.id, c]));
  const position = (themeId: number | null) =>
    themeId === null ? Infinity : (themeById.get(themeId)?.position ?? Infinity);
  published.sort(
    (a, b) =>
      cycleOrder.get(a.cycleId!)! - cycleOrder.get(b.cycleId!)! ||
      position(a.themeId) - position(b.themeId) ||
      (a.rank ?? '~').localeCompare(b.rank ?? '~') ||
      a.id - b.id,
  );
  return published.map((i) => {
    const c = cycleById.get(i.cycleId!)!;
    const status = views.get(i.id)!.status as RoadmapStatus;
    const entry = {
      title: i.title,
      theme: i.themeId === null ? null : (themeById.get(i.themeId)?.name ?? null),
      cycle: { name: c.name, startsOn: c.startsOn, endsOn: c.endsOn },
      status,
      period: status === 'deferred' ? null : (periodsByItem.get(i.id) ?? null),
      deliveredOn: status === 'delivered' ? (deliveredOn.get(i.id) ?? null) : null,
    };
    return { ...entry, lane: laneOf(entry, today) };
  });
}

/** With `recent`: no delivered item of a cycle that ended before the shipped window. */
function recentOnly(scope: { recent?: boolean }, cycleRows: { id: number; endsOn: string }[], today: string) {
  if (!scope.recent) return undefined;
  const since = shippedSince(today);
  const old = cycleRows.filter((c) => c.endsOn < since).map((c) => c.id);
  return old.length ? or(notInArray(items.cycleId, old), ne(items.status, 'delivered')) : undefined;
}

/** Each item's period on its cycle's last published schedule, with the period's dates where it still exists. */
async function lastPublishedPeriods(cycleIds: number[]): Promise<Map<number, RoadmapPeriod>> {
  const latest = await db
    .select({ id: max(schedulePublications.id) })
    .from(schedulePublications)
    .where(inArray(schedulePublications.cycleId, cycleIds))
    .groupBy(schedulePublications.cycleId);
  const ids = latest.map((r) => r.id).filter((id): id is number => id !== null);
  if (ids.length === 0) return new Map();
  const [publications, periods] = await Promise.all([
    db
      .select({ cycleId: schedulePublications.cycleId, snapshot: schedulePublications.snapshot })
      .from(schedulePublications)
      .where(inArray(schedulePublications.id, ids)),
    db
      .select({
        cycleId: schedulePeriods.cycleId,
        name: schedulePeriods.name,
        startsOn: schedulePeriods.startsOn,
        endsOn: schedulePeriods.endsOn,
      })
      .from(schedulePeriods)
      .where(inArray(schedulePeriods.cycleId, cycleIds)),
  ]);
  const dates = new Map(periods.map((p) => [`${p.cycleId}:${p.name}`, p]));
  const out = new Map<number, RoadmapPeriod>();
  for (const pub of publications) {
    for (const s of pub.snapshot) {
      if (s.period === null) continue;
      const p = dates.get(`${pub.cycleId}:${s.period}`);
      out.set(s.itemId, { name: s.period, startsOn: p?.startsOn ?? null, endsOn: p?.endsOn ?? null });
    }
  }
  return out;
}

/** The day of each item's latest final delivery that was not undone. */
async function finalDeliveries(itemIds: number[]): Promise<Map<number, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ itemId: deliveryRecords.itemId, deliveredOn: max(deliveryRecords.deliveredOn) })
    .from(deliveryRecords)
    .where(
      and(
        inArray(deliveryRecords.itemId, itemIds),
        eq(deliveryRecords.kind, 'final'),
        isNull(deliveryRecords.undoneAt),
      ),
    )
    .groupBy(deliveryRecords.itemId);
  return new Map(rows.filter((r) => r.deliveredOn !== null).map((r) => [r.itemId, r.deliveredOn!]));
}

/** The changelog for a signed-in reader (see roadmapFor). */
export async function changelogFor(viewer: ActingUser, today = todayUtc()) {
  void viewer;
  return changelogOf(await publishedEntries({ sharedOnly: false }, today));
}
