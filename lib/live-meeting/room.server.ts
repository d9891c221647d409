import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { agendaItems, type Meeting } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { timeBoxes } from '@/lib/meetings/time-boxes';
import { presentIn } from '@/lib/realtime/presence.server';
import type { LiveRoom } from './room';

/** The room of a meeting the viewer may already see (liveState has checked): presence and time boxes. */
export async function roomOf(tx: Executor, meeting: Meeting, now = new Date()): Promise<LiveRoom> {
  const agenda = await tx
    .select({ itemId: agendaItems.itemId, timeBoxMinutes: agendaItems.timeBoxMinutes })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position), asc(agendaItems.itemId));
  return {
    present: await presentIn(tx, meeting.id, now),
    currentItemSince: meeting.currentItemSince,
    timeBoxes: timeBoxes(agenda, meeting.durationMinutes),
  };
}
