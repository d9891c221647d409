import { apiThemes } from '@/lib/api-v1/resources.server';
import { pathId, v1Handler } from '@/lib/api-v1/handler.server';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/cycles/:id/themes — the cycle's themes in order (scope cycles:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'cycles:read', async ({ user }) => apiThemes(user, await pathId(ctx.params)));
}
