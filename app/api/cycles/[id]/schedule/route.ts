import { z } from 'zod';
import { apiHandler } from '@/lib/api.server';
import { getSchedule } from '@/lib/schedule/schedule.server';
import { packSchedule } from '@/lib/schedule/wire';
import { idParam, parseOrThrow } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cycles/:id/schedule — the schedule as compact data (lib/schedule/wire.ts), as the
 * signed-in user may see it: what the schedule page's board shows (403 before publication for
 * people outside the backlog roles, 404 for an unknown cycle).
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const { id } = parseOrThrow(z.object({ id: idParam }), await ctx.params);
    return packSchedule(getSchedule(user, id));
  });
}
