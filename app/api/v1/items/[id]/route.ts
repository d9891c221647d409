import { getItemDetail } from '@/lib/backlog/detail.server';
import { pathId, readV1Json, v1Handler } from '@/lib/api-v1/handler.server';
import { apiItemOf } from '@/lib/api-v1/items.server';
import { patchApiItem } from '@/lib/api-v1/item-patch.server';
import { ItemPatchBody } from '@/lib/api-v1/schemas';
import { parseOrThrow } from '@/lib/validation';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/items/:id — one item, if the token's owner may see it (scope items:read). */
export async function GET(request: Request, ctx: Ctx) {
  return v1Handler(request, 'items:read', async ({ user }) =>
    apiItemOf(await getItemDetail(user, await pathId(ctx.params))),
  );
}

/** PATCH /api/v1/items/:id — change some fields (scope items:write; pm, admin); a stale `version` is 409. */
export async function PATCH(request: Request, ctx: Ctx) {
  return v1Handler(request, 'items:write', async ({ user }) => {
    const id = await pathId(ctx.params);
    const { version, ...changes } = parseOrThrow(ItemPatchBody, await readV1Json(request));
    await patchApiItem(user, id, changes, version);
    return apiItemOf(await getItemDetail(user, id));
  });
}
