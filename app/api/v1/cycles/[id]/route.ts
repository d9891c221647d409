import { apiCycle } from '@/lib/api-v1/resources.server';
import { pathId, v1Handler } from '@/lib/api-v1/handler.server';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/cycles/:id — one cycle (scope cycles:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'cycles:read', async ({ user }) => apiCycle(user, await pathId(ctx.params)));
}
