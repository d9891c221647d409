import { parseOrThrow } from '@/lib/validation';
import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { previewChangeRequest } from '@/lib/changes/requests.server';
import { RaiseFormBody } from '@/lib/changes/schema';

export const dynamic = 'force-dynamic';

/**
 * POST /api/cycles/:id/changes/preview — the effect of a change request before it is raised: the
 * body is the raise form as JSON (see lib/changes/raise-input.ts), the answer
 * `{ effect, conflicts, errors }`. Writes nothing; a half-filled form is answered with its errors,
 * not a 400, so the page can show the effect while the user types. 401 without a session, 403 for
 * people who may not raise a change request, 404 for an unknown cycle.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(params);
    return previewChangeRequest(user, cycleId, parseOrThrow(RaiseFormBody, await readJson(request)));
  });
}
