import { z } from 'zod';
import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { distributePreread } from '@/lib/meetings/distribute.server';
import { parseOrThrow } from '@/lib/validation';

const Body = z.object({
  confirmLate: z.boolean({ error: 'confirmLate must be true or false.' }).optional(),
  note: z.string({ error: 'note must be text.' }).optional(),
});

/** POST /api/meetings/:id/preread — distribute the pre-read (pm, admin). 400 with field errors, 409 if already sent. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const id = await routeParamId(ctx.params);
    const body = parseOrThrow(Body, await readJson(request));
    await distributePreread(user, id, { confirmLate: body.confirmLate ?? false, note: body.note ?? '' });
    return { ok: true };
  }, 201);
}
