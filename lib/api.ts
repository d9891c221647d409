import 'server-only';
import { currentUser, type SessionUser } from './auth/session';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';

/** JSON route handlers: authenticate, run, and map domain errors to 4xx with a clear body. */
export async function apiHandler(fn: (user: SessionUser) => unknown | Promise<unknown>, status = 200): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });
  try {
    const result = await fn(user);
    // A handler that builds its own response (a file download) gets the same auth and error mapping.
    return result instanceof Response ? result : Response.json(result, { status });
  } catch (error) {
    if (error instanceof ValidationError) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
    if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403 });
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
    if (error instanceof ConflictError) return Response.json({ error: error.message }, { status: 409 });
    throw error;
  }
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError({ _body: ['The request body must be JSON.'] }, 'The request body must be JSON.');
  }
}
