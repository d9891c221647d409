import 'server-only';
import type { ActingUser } from './auth/acting-user';
import { currentUser } from './auth/session.server';
import { errorResponse, UnauthenticatedError, ValidationError } from './errors';
import { ID_MESSAGE, idParam } from './validation';

// Routes read their body through here too; it lives apart so it is tested without a session.
export { readJson } from './json-body.server';

/**
 * JSON route handlers: authenticate, run, and answer a domain error with its status and a clear
 * body (lib/errors.ts holds the mapping). A handler may build its own Response (a file download).
 */
export async function apiHandler(
  fn: (user: ActingUser) => unknown | Promise<unknown>,
  status = 200,
): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    const result = await fn(user);
    return result instanceof Response ? result : Response.json(result, { status });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A route's `[id]` segment as a number, or a 400 naming it. */
export async function routeParamId(params: Promise<{ id: string }>): Promise<number> {
  const raw = (await params).id;
  const parsed = idParam.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      { id: [ID_MESSAGE] },
      `The id must be a positive whole number (got "${raw.slice(0, 40)}").`,
    );
  }
  return parsed.data;
}
