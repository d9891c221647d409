import { problem, problemResponse } from '@/lib/api-v1/problem';

/**
 * Anything under /api/v1 that no route matches: a 404 in the API's own error format (Next would
 * answer with its HTML page), without reading a token: there is nothing here to protect.
 */
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  return problemResponse(problem(404, `There is no ${path} in this API; see /api/v1/openapi.json.`, path));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
