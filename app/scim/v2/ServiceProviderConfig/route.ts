import { serviceProviderConfig } from '@/lib/scim/discovery';
import { scimHandler, scimResponse } from '@/lib/scim/handler.server';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return scimHandler(request, (ctx) => scimResponse(serviceProviderConfig(ctx.baseUrl)));
}
