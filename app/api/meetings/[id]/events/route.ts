import { z } from 'zod';
import { currentUser } from '@/lib/auth/session';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { followMeeting } from '@/lib/realtime/follow';
import { meetingEventStream } from '@/lib/realtime/sse';
import { idParam } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const LastEventId = z.coerce.number().int().min(0);

/**
 * GET /api/meetings/:id/events — the meeting's Server-Sent Events stream (DESIGN §5), for its
 * attendees, facilitator, pm and admin. Resumes after `Last-Event-ID` (or `?lastEventId=`).
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });

  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return Response.json({ error: 'The meeting id must be a positive whole number.' }, { status: 400 });

  const rawLast = request.headers.get('last-event-id') || new URL(request.url).searchParams.get('lastEventId') || '0';
  const lastEventId = LastEventId.safeParse(rawLast.trim());
  if (!lastEventId.success) return Response.json({ error: 'Last-Event-ID must be a non-negative whole number.' }, { status: 400 });

  let meeting;
  try {
    meeting = followMeeting(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
    if (error instanceof ForbiddenError) return Response.json({ error: 'Only the meeting\'s attendees can follow it live.' }, { status: 403 });
    throw error;
  }

  return new Response(meetingEventStream({ meetingId: meeting.id, lastEventId: lastEventId.data, signal: request.signal }), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
