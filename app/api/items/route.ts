import { z } from 'zod';
import { apiHandler, readJson } from '@/lib/api.server';
import { createItem } from '@/lib/backlog/items.server';
import { parseOrThrow } from '@/lib/validation';

const Body = z.object({ cycleId: z.number({ error: 'cycleId must be a number.' }).int().positive() }).passthrough();

/** POST /api/items — create an item in a cycle (pm, admin, engineer). Body: the item's fields + cycleId. */
export async function POST(request: Request) {
  return apiHandler(async (user) => {
    const body = await readJson(request);
    const { cycleId, ...fields } = parseOrThrow(Body, body);
    return { item: createItem(user, cycleId, fields) };
  }, 201);
}
