import { z } from 'zod';
import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { setItemStatus } from '@/lib/backlog/items.server';
import { parseOrThrow } from '@/lib/validation';

const Body = z.object({
  status: z.string({ error: 'status is required.' }),
  version: z.number().int().positive().optional(),
  reason: z.string().max(2000, 'reason must be at most 2000 characters.').optional(),
});

/** POST /api/items/:id/status — move an item along its lifecycle (pm, admin); illegal moves get 400. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const id = await routeParamId(ctx.params);
    const body = parseOrThrow(Body, await readJson(request));
    return { item: await setItemStatus(user, id, body.status, body.version, body.reason) };
  });
}
