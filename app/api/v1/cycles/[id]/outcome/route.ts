import { apiOutcome } from '@/lib/api-v1/resources.server';
import { pathId, v1Handler } from '@/lib/api-v1/handler.server';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/cycles/:id/outcome — the outcome of the cycle's last meeting, as the outcome page shows it (scope meetings:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'meetings:read', async ({ user }) => apiOutcome(user, await pathId(ctx.params)));
}
