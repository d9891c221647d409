import { apiSchedule } from '@/lib/api-v1/resources.server';
import { pathId, v1Handler } from '@/lib/api-v1/handler.server';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/cycles/:id/schedule — the delivery schedule, as the schedule page shows it (scope schedule:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'schedule:read', async ({ user }) => apiSchedule(user, await pathId(ctx.params)));
}
