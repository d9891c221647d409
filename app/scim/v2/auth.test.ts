import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, ssoConnections, users } from '@/db/schema';
import { first } from '@/db/rows';
import { MAX_JSON_BODY_BYTES } from '@/lib/body-limits';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { issueScimToken } from '@/lib/scim/tokens.server';
import { hashToken } from '@/lib/security/secrets.server';
import { db, userWithRole } from '@/lib/testing/db';
import { ScimClient } from '@/lib/testing/scim-client';
import { BASE_URL, routeSend, scimConnection, type TestConnection } from './test-kit';

let acme: TestConnection;
beforeAll(async () => {
  acme = await scimConnection();
});

const connectionRow = async (id: number) =>
  first(await db.select().from(ssoConnections).where(eq(ssoConnections.id, id)))!;

describe('the SCIM token', () => {
  it('is issued by an admin, kept only as a hash, logged without it, and replaces the previous one', async () => {
    const admin = await userWithRole('admin');
    const c = await scimConnection();
    const old = new ScimClient(BASE_URL, c.token, routeSend);
    const token = await issueScimToken(admin, c.id);
    expect(token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    const row = await connectionRow(c.id);
    expect(row.scimTokenHash).toBe(hashToken(token));
    expect(row.scimTokenCreatedAt).toBeGreaterThan(0);
    const logged = (await db.select().from(events).where(eq(events.type, 'sso.scim_token_issued'))).filter(
      (e) => e.subjectId === c.id,
    );
    expect(logged.at(-1)).toMatchObject({
      actorId: admin.id,
      subjectType: 'sso_connection',
      data: { replacedPrevious: true },
    });
    expect(JSON.stringify(logged)).not.toContain(token);
    expect(JSON.stringify(logged)).not.toContain(c.token);
    expect((await old.call('GET', '/Users')).status).toBe(401);
    expect((await new ScimClient(BASE_URL, token, routeSend).call('GET', '/Users')).status).toBe(200);
  });

  it('is refused to anyone but an admin, and for an unknown connection', async () => {
    const before = await connectionRow(acme.id);
    for (const role of ['pm', 'leader', 'engineer', 'requestor'] as const) {
      await expect(issueScimToken(await userWithRole(role), acme.id)).rejects.toThrow(ForbiddenError);
    }
    await expect(issueScimToken(await userWithRole('admin'), 999_999)).rejects.toThrow(NotFoundError);
    expect((await connectionRow(acme.id)).scimTokenHash).toBe(before.scimTokenHash);
  });

  it('works while sign-in through the connection is switched off', async () => {
    expect((await connectionRow(acme.id)).enabled).toBe(false);
    expect((await acme.client.call('GET', '/ServiceProviderConfig')).status).toBe(200);
  });

  it('answers every route 401 in SCIM’s schema without a token, with a wrong one, or another scheme', async () => {
    const email = `nobody@${acme.domain}`;
    const clients = [
      new ScimClient(BASE_URL, null, routeSend),
      new ScimClient(BASE_URL, 'scim_wrong', routeSend),
      new ScimClient(BASE_URL, acme.token + 'x', routeSend),
    ];
    const calls: [string, string, unknown?][] = [
      ['GET', '/Users'],
      ['POST', '/Users', { userName: email }],
      ['GET', '/Users/x'],
      ['PUT', '/Users/x', { userName: email }],
      ['PATCH', '/Users/x', { Operations: [] }],
      ['DELETE', '/Users/x'],
      ['GET', '/Groups'],
      ['POST', '/Groups', { displayName: 'x' }],
      ['GET', '/Groups/x'],
      ['PUT', '/Groups/x', { displayName: 'x' }],
      ['PATCH', '/Groups/x', { Operations: [] }],
      ['DELETE', '/Groups/x'],
      ['GET', '/ServiceProviderConfig'],
      ['GET', '/ResourceTypes'],
      ['GET', '/Schemas'],
    ];
    for (const client of clients) {
      for (const [method, path, body] of calls) {
        const answer = await client.call(method, path, body);
        expect(answer, `${method} ${path}`).toMatchObject({
          status: 401,
          body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' },
        });
      }
    }
    const basic = await new ScimClient(BASE_URL, null, routeSend).call('GET', '/Users', undefined, {
      authorization: `Basic ${Buffer.from(`x:${acme.token}`).toString('base64')}`,
    });
    expect(basic.status).toBe(401);
    expect(first(await db.select().from(users).where(eq(users.email, email)))).toBeUndefined();
  });
});

describe('malformed requests', () => {
  it('answers JSON that does not parse, or is not an object, with 400 invalidSyntax', async () => {
    for (const body of ['{"userName": ', '[]', '"text"', '']) {
      for (const [method, path] of [
        ['POST', '/Users'],
        ['POST', '/Groups'],
        ['PATCH', '/Users/x'],
        ['PUT', '/Groups/x'],
      ]) {
        const answer = await acme.client.call(method, path, body);
        expect(answer, `${method} ${path} ${body}`).toMatchObject({ status: 400, body: { scimType: 'invalidSyntax' } });
      }
    }
  });

  it('answers a body over the limit with 413', async () => {
    const big = JSON.stringify({ userName: `a@${acme.domain}`, displayName: 'x'.repeat(MAX_JSON_BODY_BYTES) });
    const answer = await acme.client.call('POST', '/Users', big);
    expect(answer).toMatchObject({ status: 413, body: { status: '413' } });
  });
});

describe('discovery', () => {
  it('describes the service, its resource types and schemas', async () => {
    const config = await acme.client.call('GET', '/ServiceProviderConfig');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
    });
    const types = await acme.client.call('GET', '/ResourceTypes');
    expect(types.body).toMatchObject({ totalResults: 2, Resources: [{ id: 'User' }, { id: 'Group' }] });
    const schemas = await acme.client.call('GET', '/Schemas');
    expect((schemas.body!.Resources as { name: string }[]).map((s) => s.name)).toEqual([
      'User',
      'EnterpriseUser',
      'Group',
    ]);
    expect(schemas.contentType).toContain('application/scim+json');
  });
});
