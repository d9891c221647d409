import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { agendaItems, themes, users, type Cycle, type Meeting, type PrereadSnapshot } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { currentSnapshotItems } from '@/lib/meetings/snapshot-items.server';
import { first } from '@/db/rows';
import { formatMetric, withMetric } from '@/lib/cycles/theme-metric';

/** The agenda's item ids in order. */
export async function agendaItemIds(tx: Executor, meetingId: number): Promise<number[]> {
  return (
    await tx
      .select({ id: agendaItems.itemId })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position))
  ).map((r) => r.id);
}

/**
 * What the pre-read freezes: the meeting, the cycle's capacity and themes, and every agenda item
 * with all its fields as the reader sees them (names, not ids). Items are read with the pre-read
 * page's own reader (lib/meetings/snapshot-items.server.ts), so "changed since the pre-read" compares like with like.
 */
export async function buildMeetingSnapshot(tx: Executor, meeting: Meeting, cycle: Cycle): Promise<PrereadSnapshot> {
  const facilitator =
    first(await tx.select({ name: users.name }).from(users).where(eq(users.id, meeting.facilitatorId)))?.name ?? '';
  return {
    meeting: {
      title: meeting.title,
      scheduledAt: meeting.scheduledAt,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      facilitator,
    },
    cycle: { id: cycle.id, name: cycle.name, capacityWeeks: cycle.capacityWeeks },
    themes: (await tx.select().from(themes).where(eq(themes.cycleId, cycle.id)).orderBy(asc(themes.position))).map(
      (t) => withMetric({ id: t.id, name: t.name, keyOutcome: t.keyOutcome }, formatMetric(t)),
    ),
    items: await currentSnapshotItems(tx, await agendaItemIds(tx, meeting.id), cycle.sizeWeeks),
  };
}
