import { getItemDetail } from '@/lib/backlog/detail.server';
import { createItem } from '@/lib/backlog/items.server';
import { parseQuery, readV1Json, v1Handler } from '@/lib/api-v1/handler.server';
import { apiItemOf, listItemsPage } from '@/lib/api-v1/items.server';
import { ItemCreateBody, ItemsQuery } from '@/lib/api-v1/schemas';
import { parseOrThrow } from '@/lib/validation';

/**
 * GET /api/v1/items?cycleId=… — a page of a cycle's backlog (scope items:read), with a
 * `Link: <…>; rel="next"` header while there are more.
 */
export async function GET(request: Request) {
  return v1Handler(request, 'items:read', async ({ user, url }) => {
    const page = await listItemsPage(user, parseQuery(ItemsQuery, url));
    const response = Response.json(page);
    if (page.nextCursor) {
      const next = new URL(url);
      next.searchParams.set('cursor', page.nextCursor);
      response.headers.set('Link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    return response;
  });
}

/** POST /api/v1/items — add an item to a cycle (scope items:write; pm, admin, engineer). */
export async function POST(request: Request) {
  return v1Handler(
    request,
    'items:write',
    async ({ user }) => {
      const { cycleId, ...fields } = parseOrThrow(ItemCreateBody, await readV1Json(request));
      const item = await createItem(user, cycleId, fields);
      return apiItemOf(await getItemDetail(user, item.id));
    },
    201,
  );
}
