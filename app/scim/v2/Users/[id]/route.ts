import { readScimBody, scimHandler } from '@/lib/scim/handler.server';
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from '@/lib/scim/users.server';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => getScimUser(ctx, (await params).id));
}

export async function PUT(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => replaceScimUser(ctx, (await params).id, await readScimBody(request)));
}

export async function PATCH(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => patchScimUser(ctx, (await params).id, await readScimBody(request)));
}

export async function DELETE(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => deleteScimUser(ctx, (await params).id));
}
