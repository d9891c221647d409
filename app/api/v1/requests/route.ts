import { getItemDetail } from '@/lib/backlog/detail.server';
import { createRequest } from '@/lib/requests/requests.server';
import { parseQuery, readV1Json, v1Handler } from '@/lib/api-v1/handler.server';
import { apiItemOf } from '@/lib/api-v1/items.server';
import { apiRequests } from '@/lib/api-v1/resources.server';
import { RequestCreateBody, RequestsQuery } from '@/lib/api-v1/schemas-more';
import { parseOrThrow } from '@/lib/validation';

/** GET /api/v1/requests — your own requests, or (view=triage, pm/admin) the new ones waiting (scope requests:read). */
export async function GET(request: Request) {
  return v1Handler(request, 'requests:read', async ({ user, url }) =>
    apiRequests(user, parseQuery(RequestsQuery, url).view),
  );
}

/** POST /api/v1/requests — submit a request in the token owner's name (scope requests:write). */
export async function POST(request: Request) {
  return v1Handler(
    request,
    'requests:write',
    async ({ user }) => {
      const body = parseOrThrow(RequestCreateBody, await readV1Json(request));
      const item = await createRequest(user, { departmentId: user.departmentId, ...body });
      return apiItemOf(await getItemDetail(user, item.id));
    },
    201,
  );
}
