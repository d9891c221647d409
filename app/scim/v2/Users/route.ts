import { readScimBody, scimHandler } from '@/lib/scim/handler.server';
import { createScimUser, listScimUsers } from '@/lib/scim/users.server';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return scimHandler(request, (ctx) => listScimUsers(ctx, new URL(request.url).searchParams));
}

export async function POST(request: Request) {
  return scimHandler(request, async (ctx) => createScimUser(ctx, await readScimBody(request)));
}
