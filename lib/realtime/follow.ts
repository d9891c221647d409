import 'server-only';
import { db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { ForbiddenError } from '@/lib/errors';
import { meetingForViewer } from '@/lib/meetings/access';

/** Who may open a meeting's live stream: the same people who may see the meeting. */
export function followMeeting(actor: Actor, meetingId: number) {
  try {
    return meetingForViewer(db, actor, meetingId);
  } catch (error) {
    if (error instanceof ForbiddenError) throw new ForbiddenError('Only the meeting\'s attendees can follow it live.');
    throw error;
  }
}
