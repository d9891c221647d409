import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, events, users } from '@/db/schema';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { ForbiddenError } from '@/lib/errors';
import { hashToken } from '@/lib/security/secrets.server';
import { countRows, db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { authenticateBearer, InvalidTokenError } from './authenticate.server';
import { scopesFor } from './scopes';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.server';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2027-02-01T12:00:00Z');
let pm: TestUser;
beforeAll(async () => {
  pm = await userWithRole('pm');
});

const tokenRow = async (id: number) => first(await db.select().from(apiTokens).where(eq(apiTokens.id, id)))!;
const tokenEvents = async (id: number) =>
  (await db.select().from(events).where(eq(events.subjectType, 'api_token'))).filter((e) => e.subjectId === id);

describe('createApiToken', () => {
  it('keeps only the hash and a short prefix, and logs the creation without the secret', async () => {
    const { id, secret } = await createApiToken(pm, { name: 'CI', scopes: ['items:read'], expiresIn: '30' }, NOW);
    expect(secret).toMatch(/^qrm_[A-Za-z0-9_-]{43}$/);
    const row = await tokenRow(id);
    expect(row).toMatchObject({ userId: pm.id, name: 'CI', scopes: ['items:read'], expiresAt: NOW + 30 * DAY });
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(row.prefix).toBe(secret.slice(0, 10));
    expect(JSON.stringify(row)).not.toContain(secret);
    const logged = await tokenEvents(id);
    expect(logged).toMatchObject([{ type: 'api_token.created', actorId: pm.id }]);
    expect(JSON.stringify(logged)).not.toContain(secret.slice(10));
  });

  it('expires after the chosen days or at the end of the chosen date, at most a year ahead', async () => {
    const week = await createApiToken(pm, { name: 'a', scopes: ['items:read'], expiresIn: '7' }, NOW);
    expect((await tokenRow(week.id)).expiresAt).toBe(NOW + 7 * DAY);
    const dated = await createApiToken(
      pm,
      { name: 'b', scopes: ['items:read'], expiresIn: 'date', expiresOn: '2027-03-01' },
      NOW,
    );
    expect((await tokenRow(dated.id)).expiresAt).toBe(Date.parse('2027-03-01T23:59:59.999Z'));
    const before = await countRows('api_tokens');
    for (const [input, field] of [
      [{ expiresIn: 'date', expiresOn: '2028-06-01' }, 'expiresOn'],
      [{ expiresIn: 'date', expiresOn: '2027-01-01' }, 'expiresOn'],
      [{ expiresIn: 'date' }, 'expiresOn'],
      [{ expiresIn: '1000' }, 'expiresIn'],
    ] as const) {
      const error = await validationErrorOf(() =>
        createApiToken(pm, { name: 'c', scopes: ['items:read'], ...input }, NOW),
      );
      expect(Object.keys(error.fieldErrors)).toEqual([field]);
    }
    expect(await countRows('api_tokens')).toBe(before);
  });

  it('refuses scopes the role can never use, unknown scopes, no scope and no name', async () => {
    const leader = await userWithRole('leader');
    expect(scopesFor(leader)).not.toContain('items:write');
    expect(scopesFor(leader)).toContain('items:read');
    expect(scopesFor(await userWithRole('requestor'))).toEqual(['requests:read', 'requests:write', 'schedule:read']);
    const before = await countRows('api_tokens');
    const beyond = await validationErrorOf(() =>
      createApiToken(leader, { name: 'x', scopes: ['items:write'], expiresIn: '30' }),
    );
    expect(beyond.fieldErrors.scopes[0]).toContain('items:write');
    const unknown = await validationErrorOf(() =>
      createApiToken(leader, { name: 'x', scopes: ['admin:all'], expiresIn: '30' }),
    );
    expect(Object.keys(unknown.fieldErrors)).toEqual(['scopes']);
    const none = await validationErrorOf(() => createApiToken(leader, { name: '', scopes: [], expiresIn: '30' }));
    expect(Object.keys(none.fieldErrors).sort()).toEqual(['name', 'scopes']);
    expect(await countRows('api_tokens')).toBe(before);
  });
});

describe('listing and revoking', () => {
  it('lists only one’s own tokens with their status; revokes only one’s own, and logs it', async () => {
    const owner = await userWithRole('engineer');
    const other = await userWithRole('engineer');
    const mine = await createApiToken(
      owner,
      { name: 'mine', scopes: ['items:read'], expiresIn: '7' },
      Date.now() - 8 * DAY,
    );
    const live = await createApiToken(owner, { name: 'live', scopes: ['items:read'], expiresIn: '30' });
    await createApiToken(other, { name: 'theirs', scopes: ['items:read'], expiresIn: '30' });
    const listed = await listApiTokens(owner);
    expect(listed.map((t) => [t.name, t.status])).toEqual([
      ['live', 'active'],
      ['mine', 'expired'],
    ]);
    expect(JSON.stringify(listed)).not.toContain('tokenHash');
    await expect(revokeApiToken(other, live.id)).rejects.toThrow(ForbiddenError);
    expect((await tokenRow(live.id)).revokedAt).toBeNull();
    await revokeApiToken(owner, live.id);
    await revokeApiToken(owner, live.id); // twice: still one event
    expect((await listApiTokens(owner))[0].status).toBe('revoked');
    expect((await tokenEvents(live.id)).map((e) => e.type)).toEqual(['api_token.created', 'api_token.revoked']);
    expect(mine.id).toBeGreaterThan(0);
  });
});

describe('authenticateBearer', () => {
  it('accepts a live token and re-reads its owner; refuses every other header with a reason', async () => {
    const owner = await userWithRole('pm');
    const { id, secret } = await createApiToken(owner, { name: 't', scopes: ['items:read'], expiresIn: '30' }, NOW);
    const ok = await authenticateBearer(`Bearer ${secret}`, NOW + 1000);
    expect(ok.user).toMatchObject({ id: owner.id, role: 'pm' });
    expect(ok.token).toMatchObject({ id, scopes: ['items:read'] });
    expect((await tokenRow(id)).lastUsedAt).toBe(NOW + 1000);
    await authenticateBearer(`Bearer ${secret}`, NOW + 30_000);
    expect((await tokenRow(id)).lastUsedAt).toBe(NOW + 1000); // at most one write a minute
    await authenticateBearer(`bearer ${secret}`, NOW + 61_000);
    expect((await tokenRow(id)).lastUsedAt).toBe(NOW + 61_000);

    await db.update(users).set({ role: 'leader' }).where(eq(users.id, owner.id));
    expect((await authenticateBearer(`Bearer ${secret}`, NOW)).user.role).toBe('leader');

    const refused = async (header: string | null, now = NOW) => {
      const error = await authenticateBearer(header, now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidTokenError);
      return (error as Error).message;
    };
    expect(await refused(null)).toContain('Authorization: Bearer');
    expect(await refused(`Basic ${secret}`)).toContain('"Bearer"');
    expect(await refused('Bearer qrm_short')).toContain('"Bearer"');
    expect(await refused(`Bearer ${secret}x`)).toBe('This token is not known.');
    expect(await refused(`Bearer ${secret}`, NOW + 31 * DAY)).toBe('This token has expired.');
    await db.update(users).set({ active: false }).where(eq(users.id, owner.id));
    expect(await refused(`Bearer ${secret}`)).toBe('The owner of this token can no longer sign in.');
    await db.update(users).set({ active: true }).where(eq(users.id, owner.id));
    await revokeApiToken(ok.user, id);
    expect(await refused(`Bearer ${secret}`)).toBe('This token has been revoked.');
  });
});
