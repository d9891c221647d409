import { followMap } from '@/lib/story-map/common.server';
import { eventStreamResponse } from '@/lib/realtime/route.server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cycles/:id/map/events — the story map's Server-Sent Events stream (every `map.*` event of
 * the cycle), for everyone who may see the backlog. The page applies the moves it can and re-reads
 * the map for anything else.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return eventStreamResponse(request, ctx.params, 'cycle_map', followMap);
}
