import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeItem, makeTheme, type TestUser } from '@/db/factories';
import { users } from '@/db/schema';
import * as itemRoutes from '@/app/api/v1/items/route';
import * as itemRoute from '@/app/api/v1/items/[id]/route';
import * as requestRoutes from '@/app/api/v1/requests/route';
import * as requestRoute from '@/app/api/v1/requests/[id]/route';
import * as unknownRoute from '@/app/api/v1/[...path]/route';
import { createApiToken } from '@/lib/api-tokens/tokens.server';
import type { ApiScope } from '@/lib/api-tokens/scopes';
import { countRows, db, readItem, rowCounts, userWithRole } from '@/lib/testing/db';

// Read before the first request: each test file runs in its own process with its own env().
process.env.API_RATE_LIMIT_PER_MINUTE = '25';

const BASE = 'http://quorum.test/api/v1';
const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
const tokenFor = async (user: TestUser, scopes: ApiScope[]) =>
  (await createApiToken(user, { name: 't', scopes, expiresIn: '30' })).secret;
const get = (path: string, token?: string) =>
  new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const send = (method: string, path: string, token: string, body: unknown, type = 'application/json') =>
  new Request(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^\/api\/v1\/problems\//),
    title: expect.any(String),
  });
  expect(body.detail).toEqual(expect.any(String));
  expect(body.instance).toMatch(/^\/api\/v1\//);
  return body;
}

let pm: TestUser;
let cycleId: number;
let itemId: number;
beforeAll(async () => {
  pm = await userWithRole('pm');
  const cycle = await makeCycle(db);
  cycleId = cycle.id;
  const theme = await makeTheme(db, cycle.id, { name: 'Growth' });
  itemId = (
    await makeItem(db, {
      cycleId,
      requestorId: pm.id,
      departmentId: pm.departmentId,
      themeId: theme.id,
      status: 'curated',
    })
  ).id;
});

describe('authentication and scopes', () => {
  it('answers 401 problem+json with WWW-Authenticate for a missing, malformed or unknown token', async () => {
    for (const request of [
      get('/items?cycleId=1'),
      get('/items?cycleId=1', 'nope'),
      get('/items?cycleId=1', `qrm_${'x'.repeat(43)}`),
    ]) {
      const response = await itemRoutes.GET(request);
      await problemOf(response, 401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="quorum", error="invalid_token"/);
    }
  });

  it('answers 403 insufficient_scope naming the scope, and writes nothing', async () => {
    const token = await tokenFor(pm, ['items:read']);
    const before = await rowCounts();
    const response = await itemRoutes.POST(
      send('POST', '/items', token, { cycleId, title: 'x', kind: 'fix', departmentId: pm.departmentId }),
    );
    const body = await problemOf(response, 403);
    expect(body.scope).toBe('items:write');
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope", scope="items:write"');
    expect(await rowCounts()).toEqual(before);
  });

  it('never grants more than the owner’s role: a token made by a pm now demoted to leader cannot write', async () => {
    const person = await userWithRole('pm');
    const token = await tokenFor(person, ['items:read', 'items:write']);
    await db.update(users).set({ role: 'leader' }).where(eq(users.id, person.id));
    const before = await rowCounts();
    const post = await itemRoutes.POST(
      send('POST', '/items', token, { cycleId, title: 'Sneaky', kind: 'fix', departmentId: person.departmentId }),
    );
    await problemOf(post, 403);
    const patch = await itemRoute.PATCH(
      send('PATCH', `/items/${itemId}`, token, { title: 'Sneaky', version: 1 }),
      ctx(itemId),
    );
    await problemOf(patch, 403);
    expect(await rowCounts()).toEqual(before);
    // Reading is still allowed to a leader.
    expect((await itemRoute.GET(get(`/items/${itemId}`, token), ctx(itemId))).status).toBe(200);
  });

  it('lets a requestor read only their own requests', async () => {
    const requestor = await userWithRole('requestor');
    const token = await tokenFor(requestor, ['requests:read', 'requests:write']);
    const created = await requestRoutes.POST(
      send('POST', '/requests', token, { title: 'Export to PDF', description: 'For the board.' }),
    );
    expect(created.status).toBe(201);
    const mine = await created.json();
    expect(mine).toMatchObject({ title: 'Export to PDF', status: { code: 'submitted', label: 'Submitted' } });
    expect(mine.requestor).toEqual({ id: requestor.id, name: requestor.name });
    expect(mine.department).toEqual({ id: requestor.departmentId, name: requestor.departmentName });
    const list = await (await requestRoutes.GET(get('/requests', token))).json();
    expect(list.data.map((r: { id: number }) => r.id)).toEqual([mine.id]);
    await problemOf(await requestRoute.GET(get(`/requests/${itemId}`, token), ctx(itemId)), 403);
    await problemOf(await requestRoutes.GET(get('/requests?view=triage', token)), 403);
    expect((await itemRoutes.GET(get(`/items?cycleId=${cycleId}`, token))).status).toBe(403);
  });
});

describe('answers', () => {
  it('sends items with names next to ids, and rate-limit headers', async () => {
    const token = await tokenFor(pm, ['items:read']);
    const response = await itemRoute.GET(get(`/items/${itemId}`, token), ctx(itemId));
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBe('25');
    expect(response.headers.get('ratelimit-remaining')).toBe('24');
    expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    const item = await response.json();
    expect(item).toMatchObject({
      id: itemId,
      status: { code: 'curated', label: 'Curated' },
      kind: { code: 'feature', label: 'Feature' },
      theme: { name: 'Growth' },
      department: { id: pm.departmentId, name: pm.departmentName },
      requestor: { id: pm.id, name: pm.name },
      sponsor: null,
      cycle: { id: cycleId },
    });
  });

  it('creates and patches an item; a stale version is 409 and changes nothing', async () => {
    const token = await tokenFor(pm, ['items:read', 'items:write']);
    const created = await itemRoutes.POST(
      send('POST', '/items', token, {
        cycleId,
        title: 'API item',
        kind: 'fix',
        departmentId: pm.departmentId,
        estimate: 'M',
      }),
    );
    expect(created.status).toBe(201);
    const item = await created.json();
    expect(item).toMatchObject({ title: 'API item', estimate: { size: 'M', weeks: null }, version: 1 });
    const patched = await itemRoute.PATCH(
      send('PATCH', `/items/${item.id}`, token, { title: 'Renamed', version: 1 }),
      ctx(item.id),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      title: 'Renamed',
      version: 2,
      estimate: { size: 'M' },
      kind: { code: 'fix' },
    });
    const stale = await itemRoute.PATCH(
      send('PATCH', `/items/${item.id}`, token, { title: 'Lost', version: 1 }),
      ctx(item.id),
    );
    await problemOf(stale, 409);
    expect((await readItem(item.id)).title).toBe('Renamed');
  });

  it('answers bad input with 400/413/415 problems naming the field, and writes nothing', async () => {
    const token = await tokenFor(pm, ['items:read', 'items:write']);
    const before = await countRows('items');
    const badQuery = await problemOf(
      await itemRoutes.GET(get(`/items?cycleId=${cycleId}&limit=0&status=nope`, token)),
      400,
    );
    expect(Object.keys(badQuery.errors).sort()).toEqual(['limit', 'status']);
    const noCycle = await problemOf(await itemRoutes.GET(get('/items', token)), 400);
    expect(Object.keys(noCycle.errors)).toEqual(['cycleId']);
    const badCursor = await problemOf(await itemRoutes.GET(get(`/items?cycleId=${cycleId}&cursor=abc`, token)), 400);
    expect(Object.keys(badCursor.errors)).toEqual(['cursor']);
    const badId = await problemOf(await itemRoute.GET(get('/items/1e3', token), ctx('1e3')), 400);
    expect(badId.errors).toEqual({ id: [expect.any(String)] });
    await problemOf(await itemRoutes.POST(send('POST', '/items', token, '{"title":')), 400);
    const fields = await problemOf(
      await itemRoutes.POST(send('POST', '/items', token, { cycleId: '1', title: 5 })),
      400,
    );
    expect(Object.keys(fields.errors).sort()).toEqual(['cycleId', 'departmentId', 'kind', 'title']);
    await problemOf(await itemRoutes.POST(send('POST', '/items', token, 'title=x', 'text/plain')), 415);
    await problemOf(
      await itemRoutes.POST(send('POST', '/items', token, JSON.stringify({ title: 'x'.repeat(300_000) }))),
      413,
    );
    await problemOf(await itemRoute.GET(get('/items/999999', token), ctx(999999)), 404);
    expect(await countRows('items')).toBe(before);
  });

  it('answers an unknown path with a 404 problem', async () => {
    const body = await problemOf(unknownRoute.GET(get('/nothing/here')), 404);
    expect(body.type).toBe('/api/v1/problems/not-found');
  });

  it('answers 429 with Retry-After once a token is over its limit', async () => {
    const token = await tokenFor(pm, ['cycles:read', 'items:read']);
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++)
      statuses.push((await itemRoute.GET(get(`/items/${itemId}`, token), ctx(itemId))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(25);
    const over = await itemRoute.GET(get(`/items/${itemId}`, token), ctx(itemId));
    await problemOf(over, 429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('ratelimit-remaining')).toBe('0');
  });
});
