import { describe, expect, it } from 'vitest';
import { makeCycle, makeItem, makeMeeting } from '@/db/factories';
import { decisions, items } from '@/db/schema';
import * as cycleRoute from '@/app/api/v1/cycles/[id]/route';
import * as cyclesRoute from '@/app/api/v1/cycles/route';
import * as themesRoute from '@/app/api/v1/cycles/[id]/themes/route';
import * as outcomeRoute from '@/app/api/v1/cycles/[id]/outcome/route';
import * as scheduleRoute from '@/app/api/v1/cycles/[id]/schedule/route';
import * as itemRoutes from '@/app/api/v1/items/route';
import * as meetingsRoute from '@/app/api/v1/meetings/route';
import * as meetingRoute from '@/app/api/v1/meetings/[id]/route';
import * as decisionsRoute from '@/app/api/v1/meetings/[id]/decisions/route';
import { createApiToken } from '@/lib/api-tokens/tokens.server';
import { API_SCOPES } from '@/lib/api-tokens/scopes';
import { db, userWithRole } from '@/lib/testing/db';

const BASE = 'http://quorum.test';
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const get = (path: string, token: string) =>
  new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('GET /api/v1/items pages', () => {
  it('walks 5,000 items 200 at a time: every id once, in order, each page linking the next', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const at = new Date().toISOString();
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      title: `Bulk ${i}`,
      kind: 'feature' as const,
      status: 'curated' as const,
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: pm.departmentId,
      createdAt: at,
      updatedAt: at,
    }));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      ids.push(
        ...(
          await db
            .insert(items)
            .values(rows.slice(i, i + 500))
            .returning({ id: items.id })
        ).map((r) => r.id),
      );
    }
    // A draft is private to its author: never listed.
    await makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId: pm.departmentId, status: 'draft' });
    const { secret } = await createApiToken(pm, { name: 'pager', scopes: ['items:read'], expiresIn: '30' });
    const seen: number[] = [];
    let path: string | null = `/api/v1/items?cycleId=${cycle.id}&limit=200`;
    let pages = 0;
    while (path) {
      const response = await itemRoutes.GET(get(path, secret));
      expect(response.status).toBe(200);
      const page = await response.json();
      pages++;
      seen.push(...page.data.map((i: { id: number }) => i.id));
      const link = response.headers.get('link');
      if (page.nextCursor) {
        expect(page.data).toHaveLength(200);
        expect(link).toMatch(/^<\/api\/v1\/items\?.*cursor=.*>; rel="next"$/);
        path = /^<([^>]+)>/.exec(link!)![1];
      } else {
        expect(link).toBeNull();
        path = null;
      }
    }
    expect(pages).toBe(25);
    expect(seen).toEqual([...ids].sort((a, b) => a - b));
  }, 60_000);

  it('filters by status, kind and words of the title', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const base = { cycleId: cycle.id, requestorId: pm.id, departmentId: pm.departmentId };
    const fix = await makeItem(db, { ...base, title: 'Fix 100% of the login bugs', kind: 'fix', status: 'accepted' });
    await makeItem(db, { ...base, title: 'Login page redesign', kind: 'feature', status: 'curated' });
    const { secret } = await createApiToken(pm, { name: 'f', scopes: ['items:read'], expiresIn: '30' });
    const titles = async (query: string) =>
      (await (await itemRoutes.GET(get(`/api/v1/items?cycleId=${cycle.id}&${query}`, secret))).json()).data.map(
        (i: { title: string }) => i.title,
      );
    expect(await titles('q=LOGIN')).toHaveLength(2);
    expect(await titles('q=100%25')).toEqual([fix.title]);
    expect(await titles('q=_')).toEqual([]);
    expect(await titles('status=accepted')).toEqual([fix.title]);
    expect(await titles('kind=feature')).toEqual(['Login page redesign']);
  });
});

describe('the other read routes', () => {
  it('reads cycles, themes, meetings, decisions, outcome and schedule as the owner may', async () => {
    const pm = await userWithRole('pm');
    const requestor = await userWithRole('requestor');
    const cycle = await makeCycle(db, { name: 'Q1 2027' });
    const item = await makeItem(db, {
      cycleId: cycle.id,
      requestorId: requestor.id,
      departmentId: pm.departmentId,
      status: 'accepted',
    });
    const meeting = await makeMeeting(db, {
      cycleId: cycle.id,
      facilitatorId: pm.id,
      itemIds: [item.id],
      attendees: [{ userId: pm.id }],
    });
    await db.insert(decisions).values({
      meetingId: meeting.id,
      itemId: item.id,
      outcome: 'accepted',
      decidedBy: pm.id,
      decidedAt: new Date().toISOString(),
    });
    const all = API_SCOPES.map((s) => s.scope).filter((s) => !s.endsWith(':write'));
    const { secret } = await createApiToken(pm, { name: 'all', scopes: all, expiresIn: '30' });
    const json = async (response: Response | Promise<Response>) => {
      const r = await response;
      expect(r.status).toBe(200);
      return r.json();
    };
    expect((await json(cyclesRoute.GET(get('/api/v1/cycles', secret)))).data).toContainEqual(
      expect.objectContaining({ id: cycle.id, name: 'Q1 2027' }),
    );
    expect(await json(cycleRoute.GET(get(`/api/v1/cycles/${cycle.id}`, secret), ctx(cycle.id)))).toMatchObject({
      name: 'Q1 2027',
    });
    expect(await json(themesRoute.GET(get(`/api/v1/cycles/${cycle.id}/themes`, secret), ctx(cycle.id)))).toEqual({
      data: [],
    });
    const meetings = await json(meetingsRoute.GET(get(`/api/v1/meetings?cycleId=${cycle.id}`, secret)));
    expect(meetings.data).toMatchObject([{ id: meeting.id, cycle: { id: cycle.id, name: 'Q1 2027' }, agendaCount: 1 }]);
    const one = await json(meetingRoute.GET(get(`/api/v1/meetings/${meeting.id}`, secret), ctx(meeting.id)));
    expect(one).toMatchObject({
      facilitator: { id: pm.id, name: pm.name },
      agenda: [{ item: { id: item.id, name: item.title } }],
    });
    const decided = await json(
      decisionsRoute.GET(get(`/api/v1/meetings/${meeting.id}/decisions`, secret), ctx(meeting.id)),
    );
    expect(decided.data).toMatchObject([
      { item: { id: item.id }, outcome: 'accepted', decidedBy: { id: pm.id, name: pm.name } },
    ]);
    expect(
      await json(outcomeRoute.GET(get(`/api/v1/cycles/${cycle.id}/outcome`, secret), ctx(cycle.id))),
    ).toMatchObject({ state: 'none' });
    expect(
      await json(scheduleRoute.GET(get(`/api/v1/cycles/${cycle.id}/schedule`, secret), ctx(cycle.id))),
    ).toMatchObject({ cycle: { id: cycle.id } });

    // The requestor: the unpublished schedule and outcome are private, the meeting is not theirs.
    const theirs = await createApiToken(requestor, { name: 'r', scopes: ['schedule:read'], expiresIn: '30' });
    expect(
      (await scheduleRoute.GET(get(`/api/v1/cycles/${cycle.id}/schedule`, theirs.secret), ctx(cycle.id))).status,
    ).toBe(403);
    expect(
      (await outcomeRoute.GET(get(`/api/v1/cycles/${cycle.id}/outcome`, theirs.secret), ctx(cycle.id))).status,
    ).toBe(403);
  });
});
