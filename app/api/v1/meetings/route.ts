import { parseQuery, v1Handler } from '@/lib/api-v1/handler.server';
import { apiMeetings } from '@/lib/api-v1/resources.server';
import { MeetingsQuery } from '@/lib/api-v1/schemas-more';
import { methodsOtherThan } from '@/lib/api-v1/problem';

/** GET /api/v1/meetings?cycleId=… — a cycle's meetings the token's owner may see (scope meetings:read). */
export async function GET(request: Request) {
  return v1Handler(request, 'meetings:read', async ({ user, url }) =>
    apiMeetings(user, parseQuery(MeetingsQuery, url).cycleId),
  );
}

// Any other method: a 405 problem naming the ones this route allows.
export const { POST, PUT, PATCH, DELETE } = methodsOtherThan('GET');
