import { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';

/**
 * Errors of the REST API as RFC 9457 problem details. `type` is a stable relative URI per kind of
 * problem, so clients branch on it rather than on the wording of `detail`.
 */
export const PROBLEM_TYPES = {
  400: 'validation',
  401: 'invalid-token',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TYPES;

const TITLES: Record<ProblemStatus, string> = {
  400: 'The request is not valid',
  401: 'A valid token is needed',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'The request is too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
  503: 'Service unavailable',
};

export const problemType = (status: ProblemStatus) => `/api/v1/problems/${PROBLEM_TYPES[status]}`;

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'A stable URI naming the kind of problem.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().meta({ description: 'The path of the request.' }),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: 'For 400: each field and its messages.' }),
    scope: z.string().optional().meta({ description: 'For 403: the scope the token lacks.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: ProblemStatus,
  detail: string,
  instance: string,
  extra: { errors?: FieldErrors; scope?: string } = {},
): Problem {
  return { type: problemType(status), title: TITLES[status], status, detail, instance, ...extra };
}

export function problemResponse(body: Problem, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', PROBLEM_CONTENT_TYPE);
  return new Response(JSON.stringify(body), { status: body.status, headers: h });
}
