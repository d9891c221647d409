import 'server-only';
import { db } from '@/db/client';

import { ForbiddenError } from '@/lib/errors';
import { meetingForViewer } from '@/lib/meetings/access';
import type { ActingUser } from '@/lib/auth/acting-user';

/** Who may open a meeting's live stream: the same people who may see the meeting. */
export function followMeeting(actor: ActingUser, meetingId: number) {
  try {
    return meetingForViewer(db, actor, meetingId);
  } catch (error) {
    if (error instanceof ForbiddenError) throw new ForbiddenError('Only the meeting\'s attendees can follow it live.');
    throw error;
  }
}
