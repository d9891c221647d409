import { apiCycles } from '@/lib/api-v1/resources.server';
import { v1Handler } from '@/lib/api-v1/handler.server';
import { methodsOtherThan } from '@/lib/api-v1/problem';

/** GET /api/v1/cycles — every cycle (backlog roles; scope cycles:read). */
export async function GET(request: Request) {
  return v1Handler(request, 'cycles:read', ({ user }) => apiCycles(user));
}

// Any other method: a 405 problem naming the ones this route allows.
export const { POST, PUT, PATCH, DELETE } = methodsOtherThan('GET');
