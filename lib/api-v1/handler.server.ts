import 'server-only';
import type { z } from 'zod';
import { authenticateBearer, InvalidTokenError } from '@/lib/api-tokens/authenticate.server';
import { countRequest, type RateState } from '@/lib/api-tokens/rate-limit.server';
import type { ApiScope } from '@/lib/api-tokens/scopes';
import type { ActingUser } from '@/lib/auth/acting-user';
import { env } from '@/lib/env.server';
import { asAppError, ValidationError } from '@/lib/errors';
import { readJson } from '@/lib/json-body.server';
import { idParam, parseOrThrow } from '@/lib/validation';
import { problem, problemResponse, type ProblemStatus } from './problem';

export type V1Context = { user: ActingUser; tokenId: number; url: URL };

/** A body that is not JSON by its Content-Type: 415 (JSON routes of the app get this from proxy.ts). */
class UnsupportedMediaTypeError extends Error {}

/**
 * The one way to write a /api/v1 route. Authenticates the bearer token (never a cookie: no session,
 * so no cross-site request can borrow one), counts the request against the token's rate limit, checks
 * the scope, then runs `fn` as the token's owner so lib/ applies that person's permissions. Every
 * answer carries the rate-limit headers; every error is problem+json.
 */
export async function v1Handler(
  request: Request,
  scope: ApiScope,
  fn: (ctx: V1Context) => unknown | Promise<unknown>,
  status = 200,
): Promise<Response> {
  const url = new URL(request.url);
  const instance = url.pathname;
  let auth;
  try {
    auth = await authenticateBearer(request.headers.get('authorization'));
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) return failure(error, instance, {});
    return problemResponse(problem(401, error.message, instance), {
      'WWW-Authenticate': `Bearer realm="quorum", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`,
      'Cache-Control': 'no-store',
    });
  }
  const rate = await countRequest(auth.token.id, env().API_RATE_LIMIT_PER_MINUTE);
  const headers = rateHeaders(rate);
  if (!rate.allowed) {
    headers['Retry-After'] = String(rate.resetSeconds);
    const detail = `This token may make ${rate.limit} requests a minute; try again in ${rate.resetSeconds} s.`;
    return problemResponse(problem(429, detail, instance), headers);
  }
  if (!auth.token.scopes.includes(scope)) {
    headers['WWW-Authenticate'] = `Bearer realm="quorum", error="insufficient_scope", scope="${scope}"`;
    const detail = `This token lacks the scope ${scope}.`;
    return problemResponse(problem(403, detail, instance, { scope }), headers);
  }
  try {
    const result = await fn({ user: auth.user, tokenId: auth.token.id, url });
    const response = result instanceof Response ? result : Response.json(result, { status });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch (error) {
    return failure(error, instance, headers);
  }
}

function rateHeaders(rate: RateState): Record<string, string> {
  const values = { Limit: rate.limit, Remaining: rate.remaining, Reset: rate.resetSeconds };
  const out: Record<string, string> = { 'Cache-Control': 'no-store' };
  for (const [k, v] of Object.entries(values)) {
    out[`RateLimit-${k}`] = String(v);
    out[`X-RateLimit-${k}`] = String(v);
  }
  return out;
}

/** A domain error as problem+json; anything else is a bug and is rethrown (Next answers 500 and logs it). */
function failure(error: unknown, instance: string, headers: Record<string, string>): Response {
  if (error instanceof UnsupportedMediaTypeError) {
    return problemResponse(problem(415, error.message, instance), headers);
  }
  const known = asAppError(error);
  if (!known) throw error;
  const status = known.status as ProblemStatus;
  const extra = known instanceof ValidationError ? { errors: known.fieldErrors } : {};
  return problemResponse(problem(status, known.message, instance, extra), headers);
}

/** The JSON body of a write: 415 unless it says application/json, 413 when too large, 400 when not JSON. */
export async function readV1Json(request: Request): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new UnsupportedMediaTypeError('Send the body as JSON with Content-Type: application/json.');
  }
  return readJson(request);
}

/** The query string validated by `schema` (each parameter's last value), or a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) raw[key] = value;
  return parseOrThrow(schema, raw);
}

/** A path segment that must be an id, or a 400 naming it. */
export async function pathId(params: Promise<Record<string, string>>, name = 'id'): Promise<number> {
  const raw = (await params)[name] ?? '';
  const parsed = idParam.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      { [name]: ['Must be a positive whole number.'] },
      `The ${name} in the path must be a positive whole number.`,
    );
  }
  return parsed.data;
}
