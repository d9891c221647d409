import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { API_SCOPES } from '@/lib/api-tokens/scopes';
import { OPERATIONS, type Operation } from './operations';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem';

const integer = (description: string) => ({ description, schema: { type: 'integer' as const } });
const text = (description: string) => ({ description, schema: { type: 'string' as const } });
const RATE_HEADERS = {
  'RateLimit-Limit': integer('Requests this token may make in a window (a minute).'),
  'RateLimit-Remaining': integer('Requests left in the current window.'),
  'RateLimit-Reset': integer('Seconds until the window resets.'),
};

const problemAnswer = (description: string, extra: Record<string, unknown> = {}) => ({
  description,
  headers: { ...RATE_HEADERS, ...extra },
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

function operation(op: Operation): ZodOpenApiOperationObject {
  const requestParams: ZodOpenApiOperationObject['requestParams'] = {};
  if (op.query) requestParams.query = op.query;
  if (op.pathParams) requestParams.path = op.pathParams;
  const answers: ZodOpenApiOperationObject['responses'] = {
    [op.status]: {
      description: op.status === 201 ? 'Created' : 'OK',
      headers:
        op.path === '/items' && op.method === 'get'
          ? { ...RATE_HEADERS, Link: text('The next page: <…>; rel="next".') }
          : RATE_HEADERS,
      content: { 'application/json': { schema: op.response } },
    },
    '400': problemAnswer('Invalid input: `errors` names each field with its messages.'),
    '401': {
      description: 'Missing, unknown, expired or revoked token.',
      headers: { 'WWW-Authenticate': text('Bearer error="invalid_token"') },
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    },
    '403': problemAnswer('The token lacks the scope (`scope` names it), or its owner may not do this.'),
    '404': problemAnswer('No such resource.'),
    '429': problemAnswer('Over the rate limit.', {
      'Retry-After': integer('Seconds to wait before trying again.'),
    }),
  };
  if (op.body) {
    answers['413'] = problemAnswer('The body is too large.');
    answers['415'] = problemAnswer('The body is not sent as application/json.');
  }
  if (op.conflict) answers['409'] = problemAnswer('Someone changed the item since you read it (stale version).');
  return {
    operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    description: [op.description, `Scope: \`${op.scope}\`.`].filter(Boolean).join('\n\n'),
    security: [{ bearer: [op.scope] }],
    'x-scope': op.scope,
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
    responses: answers,
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of /api/v1, built once from the routes' own schemas. */
export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Quorum REST API',
      version: '1.0.0',
      description:
        'Read cycles, items, requests, meetings, outcomes and schedules, and add items and requests. ' +
        'Authenticate with a personal access token (Settings → API tokens): `Authorization: Bearer <token>`. ' +
        'A token acts as its owner and never grants more than the owner’s role. Errors are ' +
        'application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: `A personal access token. Scopes: ${API_SCOPES.map((s) => `\`${s.scope}\` (${s.label})`).join(', ')}.`,
        },
      },
    },
    paths,
  });
  return cached;
}
