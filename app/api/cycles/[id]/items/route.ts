import { apiHandler } from '@/lib/api';
import { listBacklogWire } from '@/lib/backlog/list';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf, idParam } from '@/lib/validation';

/**
 * GET /api/cycles/:id/items → `{ items: BacklogWireRow[] }`, every backlog row of the cycle the viewer may see
 * (ids, not names: the backlog page has the names). 401 without a session, 403 without backlog.view,
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
    return { items: listBacklogWire(user, parsed.data) };
  });
}
