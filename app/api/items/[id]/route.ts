import { z } from 'zod';
import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { getItemDetail } from '@/lib/backlog/detail.server';
import { ItemJsonIds } from '@/lib/backlog/item-schema';
import { updateItem } from '@/lib/backlog/items.server';
import { parseOrThrow } from '@/lib/validation';

type Ctx = { params: Promise<{ id: string }> };

const Body = ItemJsonIds.extend({ version: z.number({ error: 'version must be a number.' }).int().positive() });

async function itemId(ctx: Ctx) {
  return routeParamId(ctx.params);
}

/** GET /api/items/:id — one item, if the signed-in user may see it. */
export async function GET(_request: Request, ctx: Ctx) {
  return apiHandler(async (user) => {
    const { item, modules } = await getItemDetail(user, await itemId(ctx));
    return { item: { ...item, moduleIds: modules.map((m) => m.id) } };
  });
}

/** PATCH /api/items/:id — replace every field (pm, admin); `version` must match the current one. */
export async function PATCH(request: Request, ctx: Ctx) {
  return apiHandler(async (user) => {
    const id = await itemId(ctx);
    const { version, ...fields } = parseOrThrow(Body, await readJson(request));
    return { item: await updateItem(user, id, fields, version) };
  });
}
