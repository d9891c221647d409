import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { events } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import type { StatusView } from '@/lib/backlog/visible-status.server';

/**
 * Which accepted items were below the cut line when their meeting's outcome was published. The
 * publication records them on its event (publish.server.ts), so a request page says what the
 * requestor was told, even if the ranking moves later. Only published decisions qualify: before
 * that the requestor sees "under review".
 */
export async function belowCutAtPublish(
  views: Map<number, Pick<StatusView, 'status' | 'decidedIn'>>,
  tx: Executor = db,
): Promise<Set<number>> {
  const accepted = [...views.entries()].filter(([, v]) => v.status === 'accepted' && v.decidedIn?.published);
  const meetingIds = [...new Set(accepted.map(([, v]) => v.decidedIn!.meetingId))];
  if (meetingIds.length === 0) return new Set();
  const rows = await tx
    .select({ meetingId: events.subjectId, data: events.data })
    .from(events)
    .where(
      and(
        eq(events.type, 'outcome.published'),
        eq(events.subjectType, 'meeting'),
        inArray(events.subjectId, meetingIds),
      ),
    );
  const below = new Map(
    rows.map((r) => {
      const ids = Array.isArray(r.data.belowCutItemIds) ? (r.data.belowCutItemIds as number[]) : [];
      return [r.meetingId, new Set(ids)];
    }),
  );
  return new Set(
    accepted.filter(([itemId, v]) => below.get(v.decidedIn!.meetingId)?.has(itemId)).map(([itemId]) => itemId),
  );
}
