import 'server-only';
import { db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { meetingForViewer } from '@/lib/meetings/access';

/** Who may open a meeting's live stream: the same people who may see the meeting. */
export function followMeeting(actor: Actor, meetingId: number) {
  return meetingForViewer(db, actor, meetingId);
}
