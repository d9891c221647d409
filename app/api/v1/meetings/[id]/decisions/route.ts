import { pathId, v1Handler } from '@/lib/api-v1/handler.server';
import { apiDecisions } from '@/lib/api-v1/resources.server';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/meetings/:id/decisions — the meeting's decisions so far (scope meetings:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'meetings:read', async ({ user }) => apiDecisions(user, await pathId(ctx.params)));
}
