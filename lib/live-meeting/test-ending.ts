import { db } from '@/lib/testing/db';
import { undecidedOf } from './ending.server';

/** For tests that end a meeting and do not care about its undecided items: each kept for a follow-up. */
export async function followUpAll(meetingId: number) {
  return (await undecidedOf(db, meetingId)).map((i) => ({ itemId: i.id, disposition: 'follow_up' as const }));
}
