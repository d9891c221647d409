import { apiCycles } from '@/lib/api-v1/resources.server';
import { v1Handler } from '@/lib/api-v1/handler.server';

/** GET /api/v1/cycles — every cycle (backlog roles; scope cycles:read). */
export async function GET(request: Request) {
  return v1Handler(request, 'cycles:read', ({ user }) => apiCycles(user));
}
