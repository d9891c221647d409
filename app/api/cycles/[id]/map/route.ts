import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { CARD_ACTIONS, runMapCommand } from '@/lib/story-map/commands.server';
import { mapState } from '@/lib/story-map/state.server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/cycles/:id/map — the cycle's story map as the signed-in user may see it. */
export async function GET(_request: Request, ctx: Ctx) {
  return apiHandler(async (user) => mapState(user, await routeParamId(ctx.params)));
}

/**
 * POST /api/cycles/:id/map — one command (`{ action: 'move-card', itemId, version, to, index }`, …;
 * see lib/story-map/commands.server.ts). A card command is answered with its result alone (the new
 * version), any other with the whole map; everyone with the map open learns of it by the stream.
 */
export async function POST(request: Request, ctx: Ctx) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(ctx.params);
    const { action, result } = await runMapCommand(user, cycleId, await readJson(request));
    if (CARD_ACTIONS.includes(action)) return { result };
    return { result, state: await mapState(user, cycleId) };
  });
}
