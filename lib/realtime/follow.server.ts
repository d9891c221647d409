import 'server-only';
import { db } from '@/db/client';

import { getVisibleMeeting } from '@/lib/meetings/access.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/** Who may open a meeting's live stream: the same people who may see the meeting. */
export function followMeeting(actor: ActingUser, meetingId: number) {
  return getVisibleMeeting(db, actor, meetingId, "Only the meeting's attendees can follow it live.");
}
