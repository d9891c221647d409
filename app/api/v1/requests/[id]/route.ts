import { pathId, v1Handler } from '@/lib/api-v1/handler.server';
import { apiItemOf } from '@/lib/api-v1/items.server';
import { apiRequest } from '@/lib/api-v1/resources.server';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/requests/:id — one request, as its page shows it to the token's owner (scope requests:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'requests:read', async ({ user }) =>
    apiItemOf(await apiRequest(user, await pathId(ctx.params))),
  );
}
