import { readScimBody, scimHandler } from '@/lib/scim/handler.server';
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from '@/lib/scim/groups.server';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => getScimGroup(ctx, (await params).id, new URL(request.url).searchParams));
}

export async function PUT(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => replaceScimGroup(ctx, (await params).id, await readScimBody(request)));
}

export async function PATCH(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => patchScimGroup(ctx, (await params).id, await readScimBody(request)));
}

export async function DELETE(request: Request, { params }: Params) {
  return scimHandler(request, async (ctx) => deleteScimGroup(ctx, (await params).id));
}
