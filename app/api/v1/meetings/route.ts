import { parseQuery, v1Handler } from '@/lib/api-v1/handler.server';
import { apiMeetings } from '@/lib/api-v1/resources.server';
import { MeetingsQuery } from '@/lib/api-v1/schemas-more';

/** GET /api/v1/meetings?cycleId=… — a cycle's meetings the token's owner may see (scope meetings:read). */
export async function GET(request: Request) {
  return v1Handler(request, 'meetings:read', async ({ user, url }) =>
    apiMeetings(user, parseQuery(MeetingsQuery, url).cycleId),
  );
}
