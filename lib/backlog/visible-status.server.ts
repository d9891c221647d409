import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { decisions, meetingAttendees, meetings, outcomePublications, schedulePublications } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { ItemStatus } from '@/lib/backlog/constants';
import type { Executor } from '@/lib/events/log.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import type { VisibleStatus } from './visible-status';

type ItemLike = { id: number; status: ItemStatus; decisionReason: string | null; cycleId: number | null };

/**
 * Why part of an item is hidden from a viewer: `decision` — the meeting that decided it has not
 * published its outcome, and the viewer was not in it; `schedule` — the cycle's delivery schedule has
 * not been published, so the item's period, owner and "scheduled" are not announced yet.
 */
export type Hidden = 'decision' | 'schedule' | null;

export type StatusView = {
  status: VisibleStatus;
  decisionReason: string | null;
  hidden: Hidden;
  /** The deciding meeting, for the viewer: null while the decision is hidden. */
  decidedIn: { meetingId: number; meetingTitle: string; cycleId: number; published: boolean } | null;
  /** When the hidden meeting went live: history from then on that reveals the decision is left out. */
  hiddenSince: string | null;
};

const DELIVERY: readonly ItemStatus[] = ['scheduled', 'in_delivery', 'delivered'];

/**
 * The one rule for what a viewer may see of an item's status, decision reason and deciding meeting.
 * Backlog readers (`backlog.view`) see everything. Anyone else (a requestor, a sponsor) sees a decision
 * only once the deciding meeting's outcome is published, unless they attended or facilitated it: until
 * then the item is "under review", with no reason. Likewise "scheduled" and later stay "accepted" until
 * the cycle's schedule has been published once. Every read path that shows an item's status to
 * someone who is not a backlog reader goes through here.
 */
export async function visibleStatuses(
  viewer: ActingUser,
  rows: ItemLike[],
  tx: Executor = db,
): Promise<Map<number, StatusView>> {
  const out = new Map<number, StatusView>();
  if (rows.length === 0) return out;
  const decided = await latestDecisions(
    tx,
    rows.map((r) => r.id),
  );
  const insider = can(viewer, 'backlog.view');
  const attended = insider ? new Set<number>() : await meetingsAttended(tx, viewer, [...decided.values()]);
  const scheduleOut = insider ? new Set<number>() : await cyclesWithSchedule(tx, rows);
  for (const r of rows) {
    const d = decided.get(r.id);
    const decidedIn = d
      ? { meetingId: d.meetingId, meetingTitle: d.meetingTitle, cycleId: d.cycleId, published: d.published }
      : null;
    if (insider) {
      out.set(r.id, { status: r.status, decisionReason: r.decisionReason, hidden: null, decidedIn, hiddenSince: null });
    } else if (d && !d.published && !attended.has(d.meetingId)) {
      out.set(r.id, {
        status: 'under_review',
        decisionReason: null,
        hidden: 'decision',
        decidedIn: null,
        hiddenSince: d.startedAt ?? d.decidedAt,
      });
    } else if (DELIVERY.includes(r.status) && (r.cycleId === null || !scheduleOut.has(r.cycleId))) {
      out.set(r.id, {
        status: 'accepted',
        decisionReason: r.decisionReason,
        hidden: 'schedule',
        decidedIn,
        hiddenSince: null,
      });
    } else {
      out.set(r.id, { status: r.status, decisionReason: r.decisionReason, hidden: null, decidedIn, hiddenSince: null });
    }
  }
  return out;
}

/** One item's status as `viewer` may see it (see visibleStatuses). */
export async function visibleStatus(viewer: ActingUser, item: ItemLike, tx: Executor = db): Promise<StatusView> {
  return (await visibleStatuses(viewer, [item], tx)).get(item.id)!;
}

type Latest = {
  meetingId: number;
  meetingTitle: string;
  cycleId: number;
  published: boolean;
  startedAt: string | null;
  decidedAt: string;
};

/** Each item's latest decision and whether its meeting's outcome is published. */
async function latestDecisions(tx: Executor, itemIds: number[]): Promise<Map<number, Latest>> {
  const rows = await tx
    .select({
      itemId: decisions.itemId,
      meetingId: decisions.meetingId,
      decidedAt: decisions.decidedAt,
      meetingTitle: meetings.title,
      cycleId: meetings.cycleId,
      startedAt: meetings.startedAt,
      publishedAt: outcomePublications.publishedAt,
    })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(outcomePublications, eq(outcomePublications.meetingId, decisions.meetingId))
    .where(inArray(decisions.itemId, itemIds))
    .orderBy(asc(decisions.decidedAt), asc(decisions.id));
  // Oldest first, so a later decision on the same item replaces an earlier one.
  return new Map(rows.map(({ itemId, publishedAt, ...r }) => [itemId, { ...r, published: publishedAt !== null }]));
}

/** The meetings among `decided` that the viewer attended or facilitated: they saw the decision made. */
async function meetingsAttended(tx: Executor, viewer: ActingUser, decided: Latest[]): Promise<Set<number>> {
  const ids = [...new Set(decided.filter((d) => !d.published).map((d) => d.meetingId))];
  if (ids.length === 0) return new Set();
  const facilitated = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(inArray(meetings.id, ids), eq(meetings.facilitatorId, viewer.id)));
  const attended = await tx
    .select({ id: meetingAttendees.meetingId })
    .from(meetingAttendees)
    .where(and(inArray(meetingAttendees.meetingId, ids), eq(meetingAttendees.userId, viewer.id)));
  return new Set([...facilitated, ...attended].map((r) => r.id));
}

/** The cycles among the items' whose delivery schedule has been published at least once. */
async function cyclesWithSchedule(tx: Executor, rows: ItemLike[]): Promise<Set<number>> {
  const ids = [...new Set(rows.filter((r) => DELIVERY.includes(r.status)).map((r) => r.cycleId))].filter(
    (id): id is number => id !== null,
  );
  if (ids.length === 0) return new Set();
  const published = await tx
    .selectDistinct({ cycleId: schedulePublications.cycleId })
    .from(schedulePublications)
    .where(inArray(schedulePublications.cycleId, ids));
  return new Set(published.map((r) => r.cycleId));
}

type HistoryEvent = { at: string; type: string; data: Record<string, unknown> };

const DECISION_FIELDS = ['status', 'decisionReason', 'rank'];

/**
 * An item's history as `view` allows: while the decision is hidden, the changes since its meeting went
 * live that touch the status, reason or rank are left out; while the schedule is hidden, the schedule
 * changes and the moves into delivery are.
 */
export function visibleHistory<E extends HistoryEvent>(view: StatusView, events: E[]): E[] {
  if (view.hidden === null) return events;
  return events.filter((e) => {
    const changes = (e.data.changes ?? {}) as Record<string, { to?: unknown }>;
    if (view.hidden === 'decision') {
      const since = view.hiddenSince ?? '';
      if (e.at < since) return true;
      return e.type !== 'item.schedule_changed' && !DECISION_FIELDS.some((f) => f in changes);
    }
    if (e.type === 'item.schedule_changed') return false;
    return !(changes.status && DELIVERY.includes(changes.status.to as ItemStatus));
  });
}

/** The item with its status, reason and rank as `viewer` may see them (the rank tells an acceptance). */
export async function itemAsSeen<T extends ItemLike & { rank: string | null }>(
  viewer: ActingUser,
  item: T,
): Promise<Omit<T, 'status'> & { status: VisibleStatus } & { view: StatusView }> {
  const view = await visibleStatus(viewer, item);
  return {
    ...item,
    status: view.status,
    decisionReason: view.decisionReason,
    rank: view.hidden === 'decision' ? null : item.rank,
    view,
  };
}
