import { followChangeRequest } from '@/lib/changes/details.server';
import { eventStreamResponse } from '@/lib/realtime/route.server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/change-requests/:id/events — a change request's Server-Sent Events stream (its
 * emergency session's responses, convening, closing, the decision), for everyone who may read the
 * request. The page uses each message as a cue to re-render, so the events carry nothing the page
 * does not already show.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return eventStreamResponse(request, ctx.params, 'change_request', followChangeRequest);
}
