import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, ssoIdentities, users } from '@/db/schema';
import { makeDepartment, makeUser } from '@/db/factories';
import { first } from '@/db/rows';
import { db } from '@/lib/testing/db';
import { makeConnection } from '@/lib/testing/sso';
import type { SsoClaims } from './claims';
import { provisionSsoUser } from './provision.server';

const claims = (over: Partial<SsoClaims> & { email: string }): SsoClaims => ({
  subject: `sub-${Math.random().toString(36).slice(2)}`,
  emailVerified: true,
  name: 'Ada Lovelace',
  groups: [],
  raw: {},
  ...over,
});
const userRow = async (id: number) => first(await db.select().from(users).where(eq(users.id, id)))!;
const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { reason?: string }) => e.reason ?? String(e),
  );

describe('provisionSsoUser', () => {
  it('creates a requestor at the first sign-in when no group is mapped, and links the identity', async () => {
    const c = await makeConnectionPlain();
    const id = await provisionSsoUser(c.id, claims({ email: `Ada@${c.domain}`, subject: 'ada-1' }));
    expect(await userRow(id)).toMatchObject({
      email: `ada@${c.domain}`,
      name: 'Ada Lovelace',
      role: 'requestor',
      active: true,
    });
    const identity = first(await db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, id)))!;
    expect(identity).toMatchObject({ connectionId: c.id, subject: 'ada-1' });
    const created = (await db.select().from(events).where(eq(events.type, 'user.created'))).filter(
      (e) => e.subjectId === id,
    );
    expect(created).toMatchObject([{ actorId: null, data: { via: 'sso', connectionId: c.id } }]);
  });

  it('makes a member of a mapped group a leader of Sales, and follows the groups at later sign-ins', async () => {
    const sales = await makeDepartment(db, `Sales ${Math.random()}`);
    const c = await makeConnectionWithMappings([
      { groupName: 'Sales Leaders', role: 'leader', departmentId: sales.id },
    ]);
    const first1 = claims({ email: `bo@${c.domain}`, subject: 'bo', groups: ['sales leaders'] });
    const id = await provisionSsoUser(c.id, first1);
    expect(await userRow(id)).toMatchObject({ role: 'leader', departmentId: sales.id });
    await provisionSsoUser(c.id, { ...first1, name: 'Bo Renamed', groups: ['Sales Leaders', 'Everyone'] });
    expect(await userRow(id)).toMatchObject({ name: 'Bo Renamed', role: 'leader', departmentId: sales.id });
    // This connection maps roles, so the IdP decides them: leaving the group takes the role away.
    await provisionSsoUser(c.id, { ...first1, groups: ['Everyone'] });
    expect(await userRow(id)).toMatchObject({ role: 'requestor', departmentId: sales.id });
  });

  it('links an existing person only through a verified e-mail of a bound domain', async () => {
    const c = await makeConnectionPlain();
    const person = await makeUser(db, { email: `cy@${c.domain}`, role: 'pm' });
    expect(await refusal(provisionSsoUser(c.id, claims({ email: person.email, emailVerified: false })))).toBe(
      'email_unverified',
    );
    expect(await db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, person.id))).toEqual([]);
    const id = await provisionSsoUser(c.id, claims({ email: person.email, subject: 'cy' }));
    expect(id).toBe(person.id);
    // No group mapped: an existing person keeps the role an admin gave them.
    expect((await userRow(id)).role).toBe('pm');
  });

  it('refuses an e-mail of a domain the connection does not claim, creating nobody', async () => {
    const c = await makeConnectionPlain();
    const before = (await db.select().from(users)).length;
    expect(await refusal(provisionSsoUser(c.id, claims({ email: 'eve@elsewhere.example' })))).toBe('domain_not_bound');
    // A domain that ends like a bound one is another domain.
    expect(await refusal(provisionSsoUser(c.id, claims({ email: `eve@evil${c.domain}` })))).toBe('domain_not_bound');
    expect((await db.select().from(users)).length).toBe(before);
  });

  it('keeps a deactivated person out even when the IdP lets them through', async () => {
    const c = await makeConnectionPlain();
    const person = await makeUser(db, { email: `dee@${c.domain}`, active: false });
    expect(await refusal(provisionSsoUser(c.id, claims({ email: person.email, subject: 'dee' })))).toBe('deactivated');
    expect(await db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, person.id))).toEqual([]);
  });

  it('recognises a known subject even after the e-mail changed at the IdP', async () => {
    const c = await makeConnectionPlain();
    const id = await provisionSsoUser(c.id, claims({ email: `fay@${c.domain}`, subject: 'fay' }));
    expect(await provisionSsoUser(c.id, claims({ email: `fay.new@${c.domain}`, subject: 'fay' }))).toBe(id);
  });
});

const makeConnectionPlain = () => makeConnection();
const makeConnectionWithMappings = (mappings: NonNullable<Parameters<typeof makeConnection>[0]>['mappings']) =>
  makeConnection({ mappings });
