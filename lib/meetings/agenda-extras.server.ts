import 'server-only';
import { eq } from 'drizzle-orm';
import { agendaItems, consentAgendaItems, type Meeting } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import type { StanceCounts } from './contested';
import { stanceCountsOf } from './stances.server';

/**
 * What the agenda editor shows beside the items, for pm/admin (the caller has checked
 * meeting.manage): time boxes against the meeting's length, the consent agenda, and the leaders'
 * stance counts from the pre-read (counts only: who marked what stays private).
 */
export type AgendaExtras = {
  durationMinutes: number;
  /** The consent agenda can change only before the meeting starts; then it belongs to the room. */
  consentEditable: boolean;
  timeBoxes: Record<number, number | null>;
  /** Items in the consent block (not pulled out). */
  consent: number[];
  /** Items a leader pulled out of the consent block in the meeting. */
  pulled: number[];
  stances: Record<number, StanceCounts>;
};

export async function agendaExtras(tx: Executor, meeting: Meeting): Promise<AgendaExtras> {
  const boxes = await tx
    .select({ itemId: agendaItems.itemId, minutes: agendaItems.timeBoxMinutes })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  const consentRows = await tx
    .select({ itemId: consentAgendaItems.itemId, pulledAt: consentAgendaItems.pulledAt })
    .from(consentAgendaItems)
    .where(eq(consentAgendaItems.meetingId, meeting.id));
  return {
    durationMinutes: meeting.durationMinutes,
    consentEditable: meeting.status === 'scheduled',
    timeBoxes: Object.fromEntries(boxes.map((b) => [b.itemId, b.minutes])),
    consent: consentRows.filter((r) => r.pulledAt === null).map((r) => r.itemId),
    pulled: consentRows.filter((r) => r.pulledAt !== null).map((r) => r.itemId),
    stances: Object.fromEntries(await stanceCountsOf(tx, meeting.id)),
  };
}
