import { apiHandler, readJson } from '@/lib/api.server';
import { ItemJsonIds } from '@/lib/backlog/item-schema';
import { createItem } from '@/lib/backlog/items.server';
import { jsonId, parseOrThrow } from '@/lib/validation';

const Body = ItemJsonIds.extend({ cycleId: jsonId('cycleId') });

/** POST /api/items — create an item in a cycle (pm, admin, engineer). Body: the item's fields + cycleId. */
export async function POST(request: Request) {
  return apiHandler(async (user) => {
    const body = await readJson(request);
    const { cycleId, ...fields } = parseOrThrow(Body, body);
    return { item: await createItem(user, cycleId, fields) };
  }, 201);
}
