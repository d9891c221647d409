import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { runLiveCommand } from '@/lib/live-meeting/commands.server';
import { liveState } from '@/lib/live-meeting/state.server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

async function meetingId(ctx: Ctx) {
  return routeParamId(ctx.params);
}

/** GET /api/meetings/:id/live — the meeting's current state as the signed-in user may see it. */
export async function GET(_request: Request, ctx: Ctx) {
  return apiHandler(async (user) => liveState(user, await meetingId(ctx)));
}

/**
 * POST /api/meetings/:id/live — one command (`{ action: 'vote', itemId, choice, comment }`, …; see
 * lib/live-meeting/commands.server.ts). Answers a vote with a small ack (lib/live-meeting/vote-ack.ts), any
 * other command with the new state; every participant learns of the change by the stream.
 */
export async function POST(request: Request, ctx: Ctx) {
  return apiHandler(async (user) => {
    const id = await meetingId(ctx);
    const ack = await runLiveCommand(user, id, await readJson(request));
    return ack ?? liveState(user, id);
  });
}
