import { followMeeting } from '@/lib/realtime/follow.server';
import { eventStreamResponse } from '@/lib/realtime/route.server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/meetings/:id/events — the meeting's Server-Sent Events stream, for its
 * attendees, facilitator, pm and admin. Resumes after `Last-Event-ID` (or `?lastEventId=`).
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return eventStreamResponse(request, ctx.params, 'meeting', followMeeting);
}
