import 'server-only';
import type { Meeting } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { contest, type ItemContest, type StanceCounts } from '@/lib/meetings/contested';
import { stanceCountsOf } from '@/lib/meetings/stances.server';
import { consentBlockOf, type ConsentEntry } from './consent.server';
import { isFacilitator } from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * What the meeting's preparation brings into the live room: the consent agenda (everyone sees it)
 * and the leaders' provisional stances per item — counts only, for the facilitator only, and
 * only once the meeting has started (before that they are the pm's planning material).
 */
export type LivePreparation = {
  consent: { items: ConsentEntry[]; pulled: ConsentEntry[] };
  stances: { itemId: number; counts: StanceCounts; contest: ItemContest }[] | null;
};

export async function livePreparation(tx: Executor, viewer: ActingUser, meeting: Meeting): Promise<LivePreparation> {
  const consent = await consentBlockOf(tx, meeting.id);
  const showStances = isFacilitator(viewer, meeting) && meeting.status !== 'scheduled';
  if (!showStances) return { consent, stances: null };
  const counts = await stanceCountsOf(tx, meeting.id);
  return {
    consent,
    stances: [...counts].map(([itemId, c]) => ({ itemId, counts: c, contest: contest(itemId, c) })),
  };
}
