import 'server-only';
import { asAppError, PayloadTooLargeError, ValidationError } from '@/lib/errors';
import { readJson } from '@/lib/json-body.server';
import { badRequest, ScimError, scimErrorBody } from './errors';
import { authenticateScim } from './tokens.server';
import { logRefusal } from '@/lib/security/refusal-log.server';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export type ScimContext = { connectionId: number; baseUrl: string };

/** A SCIM answer: its body as application/scim+json, and a status and Location when not a plain 200. */
export function scimResponse(body: unknown, status = 200, location?: string): Response {
  const headers: Record<string, string> = { 'content-type': SCIM_CONTENT_TYPE };
  if (location) headers.location = location;
  return new Response(body === null ? null : JSON.stringify(body), { status, headers });
}

/** The SCIM base URL as the client reached it, for `meta.location` (…/scim/v2). */
function baseUrlOf(request: Request): string {
  const url = new URL(request.url);
  const at = url.pathname.indexOf('/scim/v2');
  return url.origin + (at >= 0 ? url.pathname.slice(0, at) : '') + '/scim/v2';
}

/**
 * SCIM route handlers: check the bearer token (401 in SCIM's schema, with the challenge RFC 7644
 * §2 asks for), run, and answer any refusal in SCIM's error schema, as apiHandler does for the
 * JSON API. Anything that is not a known refusal is a bug and reaches Next's error handling.
 */
export async function scimHandler(
  request: Request,
  fn: (ctx: ScimContext) => Promise<Response> | Response,
): Promise<Response> {
  try {
    const auth = await authenticateScim(request);
    if (!auth) {
      logRefusal('scim_token', { path: new URL(request.url).pathname, method: request.method });
      const response = scimResponse(scimErrorBody(new ScimError(401, 'A valid SCIM bearer token is required.')), 401);
      response.headers.set('www-authenticate', 'Bearer realm="Quorum SCIM"');
      return response;
    }
    try {
      return await fn({ connectionId: auth.connectionId, baseUrl: baseUrlOf(request) });
    } catch (error) {
      const response = scimErrorResponse(error);
      logRefusal('scim_request', {
        connectionId: auth.connectionId,
        path: new URL(request.url).pathname,
        method: request.method,
        status: response.status,
      });
      return response;
    }
  } catch (error) {
    return scimErrorResponse(error);
  }
}

export function scimErrorResponse(error: unknown): Response {
  if (error instanceof ScimError) return scimResponse(scimErrorBody(error), error.status);
  if (isUniqueViolation(error)) {
    // Two calls creating the same person or group at once (an IdP retrying): the check before the
    // insert passed for both, the unique index stopped the second.
    return scimErrorResponse(new ScimError(409, 'The same resource was created at the same moment.', 'uniqueness'));
  }
  const known = asAppError(error);
  if (!known) throw error;
  if (known instanceof ValidationError) return scimErrorResponse(badRequest('invalidSyntax', known.message));
  if (known instanceof PayloadTooLargeError) return scimErrorResponse(new ScimError(413, known.message));
  const body = {
    schemas: scimErrorBody(new ScimError(400, '')).schemas,
    status: String(known.status),
    detail: known.message,
  };
  return scimResponse(body, known.status);
}

/** The request's body as a JSON object: 413 over the size limit, 400 invalidSyntax when it is not a JSON object. */
export async function readScimBody(request: Request): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('invalidSyntax', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

// SQLite's and PostgreSQL's codes for a unique index refusing a row, on the error or a cause it wraps.
const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

function isUniqueViolation(error: unknown): boolean {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string' && UNIQUE_CODES.has(e.code)) return true;
  }
  return false;
}
