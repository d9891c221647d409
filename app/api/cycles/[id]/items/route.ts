import { apiHandler, routeParamId } from '@/lib/api.server';
import { listBacklogTuples } from '@/lib/backlog/list.server';
import { BACKLOG_COLUMNS } from '@/lib/backlog/rows';

/**
 * GET /api/cycles/:id/items → `{ columns, items }`: every backlog row of the cycle the viewer may see, each a
 * tuple in the order of `columns` (ids, not names: the backlog page has the names). 401 without a session, 403 without backlog.view,
 * 400 for a malformed id, 404 for an unknown cycle.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(params);
    return { columns: BACKLOG_COLUMNS, items: await listBacklogTuples(user, cycleId) };
  });
}
