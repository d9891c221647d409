import { pathId, v1Handler } from '@/lib/api-v1/handler.server';
import { apiDecisions } from '@/lib/api-v1/resources.server';
import { methodsOtherThan } from '@/lib/api-v1/problem';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/meetings/:id/decisions — the meeting's decisions so far (scope meetings:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'meetings:read', async ({ user }) => apiDecisions(user, await pathId(ctx.params)));
}

// Any other method: a 405 problem naming the ones this route allows.
export const { POST, PUT, PATCH, DELETE } = methodsOtherThan('GET');
