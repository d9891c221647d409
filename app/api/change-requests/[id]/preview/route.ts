import { RaiseFormBody } from '@/lib/changes/schema';
import { parseOrThrow } from '@/lib/validation';
import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { previewAmendment } from '@/lib/changes/amend.server';

export const dynamic = 'force-dynamic';

/**
 * POST /api/change-requests/:id/preview — the effect of amending the request as the amend form
 * stands (the raise form's JSON, without the incoming item): `{ effect, conflicts, errors }`.
 * Writes nothing; a half-filled form is answered with its errors. 401 without a session, 403 for
 * anyone but its raiser, 404 for an unknown request, 409 once it cannot be amended.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const changeRequestId = await routeParamId(params);
    return previewAmendment(user, changeRequestId, parseOrThrow(RaiseFormBody, await readJson(request)));
  });
}
