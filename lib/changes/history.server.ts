import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { changeRequests, schedulePeriods, type ChangeRequestStatus } from '@/db/schema';

import { getItemForViewer } from '@/lib/backlog/items.server';
import { visibleHistory, visibleStatus } from '@/lib/backlog/visible-status.server';
import { listEventsForSubject } from '@/lib/events/log.server';
import { describeItemEvent, type HistorySentence } from '@/lib/history/item-history';
import { historyNames } from '@/lib/history/names.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * An item's schedule history: every change to where it stands in the delivery
 * schedule, each with the change request (and so the emergency session) that caused it, if any.
 * Read from the item's own events: a change request logs `item.schedule_changed` (and, when it
 * defers an item it created, `item.status_changed`) with `changeRequestId`; the schedule editor's
 * own `item.schedule_changed` (period, owner, kickoff as `before`/`after`) and status moves into,
 * through or out of delivery are included too. Flags and questions are not schedule changes.
 */

const SCHEDULED = new Set(['scheduled', 'in_delivery', 'delivered']);

type Changes = Record<string, { from: unknown; to: unknown }>;

export type TimelineEntry = {
  eventId: number;
  at: string;
  actorName: string | null;
  type: string;
  /** What a change request did to the item; null for other schedule changes. */
  action: 'in' | 'out' | 'later' | null;
  /** Field by field, in one shape whichever module logged it (`periodId`, `status`, `ownerId`…). */
  changes: Changes;
  /** The period change by name, when the period changed. */
  period: { from: string | null; to: string | null } | null;
  changeRequest: { id: number; title: string; status: ChangeRequestStatus } | null;
} & HistorySentence;

function isScheduleChange(type: string, data: Record<string, unknown>): boolean {
  if (type === 'item.created') return false; // an item a change request created joins the schedule only when approved
  if (type === 'item.schedule_changed' || typeof data.changeRequestId === 'number') return true;
  if (type !== 'item.status_changed') return false;
  const status = (data.changes as Changes | undefined)?.status;
  return Boolean(status && (SCHEDULED.has(String(status.from)) || SCHEDULED.has(String(status.to))));
}

/** A change request logs `changes`; the schedule editor logs `before` and `after` snapshots. */
function changesOf(data: Record<string, unknown>): Changes {
  if (data.changes && typeof data.changes === 'object') return data.changes as Changes;
  const before = (data.before ?? {}) as Record<string, unknown>;
  const after = (data.after ?? {}) as Record<string, unknown>;
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key !== 'period' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/** Oldest first. 404 for an unknown item, 403 for one the viewer may not see. */
export async function itemScheduleTimeline(actor: ActingUser, itemId: number): Promise<TimelineEntry[]> {
  const view = await visibleStatus(actor, await getItemForViewer(actor, itemId));
  const relevant = visibleHistory(view, await listEventsForSubject('item', itemId)).filter((e) =>
    isScheduleChange(e.type, e.data),
  );
  const crIds = [
    ...new Set(relevant.flatMap((e) => (typeof e.data.changeRequestId === 'number' ? [e.data.changeRequestId] : []))),
  ];
  const requests = new Map(
    (crIds.length === 0
      ? []
      : await db
          .select({ id: changeRequests.id, title: changeRequests.title, status: changeRequests.status })
          .from(changeRequests)
          .where(inArray(changeRequests.id, crIds))
    ).map((cr) => [cr.id, cr]),
  );
  const names = await historyNames(db, relevant);
  const entries = relevant.map((e) => ({ e, changes: changesOf(e.data) }));
  const periodIds = [
    ...new Set(
      entries
        .flatMap(({ changes }) => [changes.periodId?.from, changes.periodId?.to])
        .filter((id): id is number => typeof id === 'number'),
    ),
  ];
  const periodNames = new Map(
    (periodIds.length === 0
      ? []
      : await db
          .select({ id: schedulePeriods.id, name: schedulePeriods.name })
          .from(schedulePeriods)
          .where(inArray(schedulePeriods.id, periodIds))
    ).map((p) => [p.id, p.name]),
  );
  const periodName = (id: unknown) => (typeof id === 'number' ? (periodNames.get(id) ?? null) : null);
  return entries.map(({ e, changes }) => {
    const action = e.data.action;
    return {
      eventId: e.id,
      at: e.at,
      actorName: e.actorName,
      type: e.type,
      action: action === 'in' || action === 'out' || action === 'later' ? action : null,
      changes,
      period: changes.periodId
        ? { from: periodName(changes.periodId.from), to: periodName(changes.periodId.to) }
        : null,
      changeRequest: typeof e.data.changeRequestId === 'number' ? (requests.get(e.data.changeRequestId) ?? null) : null,
      ...describeItemEvent(e, names),
    };
  });
}
