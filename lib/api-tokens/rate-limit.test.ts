import { describe, expect, it } from 'vitest';
import { apiRateWindows } from '@/db/schema';
import { countRows, db, userWithRole } from '@/lib/testing/db';
import { countRequest, pruneRateWindows } from './rate-limit.server';
import { createApiToken } from './tokens.server';

const T0 = Date.parse('2027-02-01T12:00:00Z');

describe('countRequest', () => {
  it('allows `limit` requests per token per minute, counts each token apart, and starts again next minute', async () => {
    const user = await userWithRole('pm');
    const a = await createApiToken(user, { name: 'a', scopes: ['items:read'], expiresIn: '30' });
    const b = await createApiToken(user, { name: 'b', scopes: ['items:read'], expiresIn: '30' });
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await countRequest(a.id, 3, T0 + 15_000 + i));
    expect(states.map((s) => [s.allowed, s.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(states[3]).toMatchObject({ limit: 3, resetSeconds: 45 });
    expect((await countRequest(b.id, 3, T0 + 20_000)).remaining).toBe(2);
    expect(await countRequest(a.id, 3, T0 + 60_000)).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 60 });
  });

  it('prunes windows older than ten minutes', async () => {
    const user = await userWithRole('pm');
    const { id } = await createApiToken(user, { name: 'p', scopes: ['items:read'], expiresIn: '30' });
    await db.insert(apiRateWindows).values([
      { tokenId: id, windowStart: T0 - 3_600_000, count: 5 },
      { tokenId: id, windowStart: T0, count: 1 },
    ]);
    const before = await countRows('api_rate_windows');
    await pruneRateWindows(T0 + 1000);
    expect(await countRows('api_rate_windows')).toBe(before - 1);
  });
});
