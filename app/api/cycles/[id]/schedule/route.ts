import { apiHandler, routeParamId } from '@/lib/api.server';
import { getSchedule } from '@/lib/schedule/schedule.server';
import { packSchedule } from '@/lib/schedule/wire';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cycles/:id/schedule — the schedule as compact data (lib/schedule/wire.ts), as the
 * signed-in user may see it: what the schedule page's board shows (403 before publication for
 * people outside the backlog roles, 404 for an unknown cycle).
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const id = await routeParamId(ctx.params);
    return packSchedule(await getSchedule(user, id));
  });
}
