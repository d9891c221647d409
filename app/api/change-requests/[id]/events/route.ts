import { z } from 'zod';
import { currentUser } from '@/lib/auth/session';
import { getChangeRequest } from '@/lib/changes/requests';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { subjectEventStream } from '@/lib/realtime/sse';
import { idParam } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const LastEventId = z.coerce.number().int().min(0);

/**
 * GET /api/change-requests/:id/events — a change request's Server-Sent Events stream (its
 * emergency session's responses, convening, closing, the decision), for everyone who may read the
 * request. Mirrors /api/meetings/:id/events: resumes after `Last-Event-ID` (or `?lastEventId=`).
 * The page only uses each message as a cue to re-render, so the events carry nothing the page
 * does not already show (every response is visible there too).
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });

  const id = idParam.safeParse((await ctx.params).id);
  if (!id.success) return Response.json({ error: 'The change request id must be a positive whole number.' }, { status: 400 });

  const rawLast = request.headers.get('last-event-id') || new URL(request.url).searchParams.get('lastEventId') || '0';
  const lastEventId = LastEventId.safeParse(rawLast.trim());
  if (!lastEventId.success) return Response.json({ error: 'Last-Event-ID must be a non-negative whole number.' }, { status: 400 });

  try {
    getChangeRequest(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
    if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403 });
    throw error;
  }

  return new Response(subjectEventStream({ subject: { type: 'change_request', id: id.data }, lastEventId: lastEventId.data, signal: request.signal }), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
