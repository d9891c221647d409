import { z } from 'zod';
import type { ApiScope } from '@/lib/api-tokens/scopes';
import {
  CycleSchema,
  ItemCreateBody,
  ItemPage,
  ItemPatchBody,
  ItemSchema,
  ItemsQuery,
  PathId,
  ThemeSchema,
} from './schemas';
import {
  DecisionSchema,
  MeetingSchema,
  MeetingsQuery,
  MeetingSummary,
  OutcomeSchema,
  RequestCreateBody,
  RequestsQuery,
  RequestSummary,
  ScheduleSchema,
} from './schemas-more';

/**
 * Every operation of /api/v1: the routes under app/api/v1 validate with the same schemas, and
 * openapi.ts turns this list into the OpenAPI document (a test checks both agree).
 */
export type Operation = {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: 200 | 201;
  /** Extra answers beside the ones every operation may give (400, 401, 403, 404, 429). */
  conflict?: boolean;
};

const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/cycles',
    summary: 'List cycles',
    scope: 'cycles:read',
    response: list(CycleSchema),
    status: 200,
  },
  {
    method: 'get',
    path: '/cycles/{id}',
    summary: 'Get a cycle',
    scope: 'cycles:read',
    pathParams: PathId,
    response: CycleSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/cycles/{id}/themes',
    summary: 'List a cycle’s themes',
    scope: 'cycles:read',
    pathParams: PathId,
    response: list(ThemeSchema),
    status: 200,
  },
  {
    method: 'get',
    path: '/cycles/{id}/outcome',
    summary: 'Get a cycle’s outcome',
    description:
      'The decisions of the cycle’s last ended meeting. Before publication only its attendees and backlog roles may read it.',
    scope: 'meetings:read',
    pathParams: PathId,
    response: OutcomeSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/cycles/{id}/schedule',
    summary: 'Get a cycle’s delivery schedule',
    description: 'Before its first publication only backlog roles may read it.',
    scope: 'schedule:read',
    pathParams: PathId,
    response: ScheduleSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/items',
    summary: 'List a cycle’s items, a page at a time',
    description:
      'Items in id order. While there are more, the answer has nextCursor and a Link header (rel="next"): pass the cursor back to read the next page.',
    scope: 'items:read',
    query: ItemsQuery,
    response: ItemPage,
    status: 200,
  },
  {
    method: 'post',
    path: '/items',
    summary: 'Add an item to a cycle',
    description: 'For product managers, admins and engineers (an engineer’s item waits for a product manager).',
    scope: 'items:write',
    body: ItemCreateBody,
    response: ItemSchema,
    status: 201,
  },
  {
    method: 'get',
    path: '/items/{id}',
    summary: 'Get an item',
    scope: 'items:read',
    pathParams: PathId,
    response: ItemSchema,
    status: 200,
  },
  {
    method: 'patch',
    path: '/items/{id}',
    summary: 'Change an item',
    description:
      'For product managers and admins. Send the version you read: if someone changed the item since, the answer is 409.',
    scope: 'items:write',
    pathParams: PathId,
    body: ItemPatchBody,
    response: ItemSchema,
    status: 200,
    conflict: true,
  },
  {
    method: 'get',
    path: '/requests',
    summary: 'List requests',
    description: 'Your own requests; with view=triage (product managers, admins) the new requests waiting for triage.',
    scope: 'requests:read',
    query: RequestsQuery,
    response: list(RequestSummary),
    status: 200,
  },
  {
    method: 'post',
    path: '/requests',
    summary: 'Submit a request',
    scope: 'requests:write',
    body: RequestCreateBody,
    response: ItemSchema,
    status: 201,
  },
  {
    method: 'get',
    path: '/requests/{id}',
    summary: 'Get a request',
    description: 'Its status as you may see it: a decision stays “under review” until its outcome is published.',
    scope: 'requests:read',
    pathParams: PathId,
    response: ItemSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/meetings',
    summary: 'List a cycle’s meetings',
    description: 'Product managers and admins see every meeting; others the ones they attend or facilitate.',
    scope: 'meetings:read',
    query: MeetingsQuery,
    response: list(MeetingSummary),
    status: 200,
  },
  {
    method: 'get',
    path: '/meetings/{id}',
    summary: 'Get a meeting',
    scope: 'meetings:read',
    pathParams: PathId,
    response: MeetingSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/meetings/{id}/decisions',
    summary: 'List a meeting’s decisions',
    scope: 'meetings:read',
    pathParams: PathId,
    response: list(DecisionSchema),
    status: 200,
  },
];
