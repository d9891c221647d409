import { apiHandler } from '@/lib/api.server';
import { listBacklogTuples } from '@/lib/backlog/list.server';
import { BACKLOG_COLUMNS } from '@/lib/backlog/rows';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf, idParam } from '@/lib/validation';

/**
 * GET /api/cycles/:id/items → `{ columns, items }`: every backlog row of the cycle the viewer may see, each a
 * tuple in the order of `columns` (ids, not names: the backlog page has the names). 401 without a session, 403 without backlog.view,
 * 400 for a malformed id, 404 for an unknown cycle.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return apiHandler((user) => {
    const parsed = idParam.safeParse(id);
    if (!parsed.success) {
      throw new ValidationError(
        { id: fieldErrorsOf(parsed.error)._form ?? ['Must be a positive whole number.'] },
        `The cycle id must be a positive whole number (got "${id}").`,
      );
    }
    return { columns: BACKLOG_COLUMNS, items: listBacklogTuples(user, parsed.data) };
  });
}
