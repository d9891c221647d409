import { pathId, v1Handler } from '@/lib/api-v1/handler.server';
import { apiItemOf } from '@/lib/api-v1/items.server';
import { apiRequest } from '@/lib/api-v1/resources.server';
import { methodsOtherThan } from '@/lib/api-v1/problem';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/requests/:id — one request, as its page shows it to the token's owner (scope requests:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'requests:read', async ({ user }) =>
    apiItemOf(await apiRequest(user, await pathId(ctx.params))),
  );
}

// Any other method: a 405 problem naming the ones this route allows.
export const { POST, PUT, PATCH, DELETE } = methodsOtherThan('GET');
