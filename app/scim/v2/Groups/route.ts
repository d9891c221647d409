import { readScimBody, scimHandler } from '@/lib/scim/handler.server';
import { createScimGroup, listScimGroups } from '@/lib/scim/groups.server';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return scimHandler(request, (ctx) => listScimGroups(ctx, new URL(request.url).searchParams));
}

export async function POST(request: Request) {
  return scimHandler(request, async (ctx) => createScimGroup(ctx, await readScimBody(request)));
}
