import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, ssoConnections } from '@/db/schema';
import { makeDepartment, type TestUser } from '@/db/factories';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { makeConnection } from '@/lib/testing/sso';
import { addGroupMapping, parseDomains, removeGroupMapping, setConnectionDomains } from './connection-rules.server';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  setConnectionEnabled,
  setConnectionEnforced,
} from './connections.server';

let admin: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
});
const eventTypes = async (id: number) =>
  (await db.select().from(events).where(eq(events.subjectType, 'sso_connection')))
    .filter((e) => e.subjectId === id)
    .map((e) => e.type);

describe('connections', () => {
  it('are created switched off, and only admins see or change them', async () => {
    const id = await createConnection(admin, { name: 'Acme SSO', protocol: 'saml' });
    expect(await getConnection(admin, id)).toMatchObject({
      name: 'Acme SSO',
      protocol: 'saml',
      enabled: false,
      domains: [],
    });
    const pm = await userWithRole('pm');
    await expect(listConnections(pm)).rejects.toThrow(ForbiddenError);
    await expect(createConnection(pm, { name: 'X', protocol: 'oidc' })).rejects.toThrow(ForbiddenError);
    await expect(createConnection(admin, { name: ' ', protocol: 'oidc' })).rejects.toThrow(ValidationError);
    await expect(createConnection(admin, { name: 'Y', protocol: 'ldap' })).rejects.toThrow(ValidationError);
    expect(await eventTypes(id)).toEqual(['sso.connection_created']);
  });

  it('switch on only with a domain and a test passed since the last change; enforcing needs it on', async () => {
    const id = await createConnection(admin, { name: 'Okta', protocol: 'oidc' });
    await expect(setConnectionEnabled(admin, id, { enabled: 'true' })).rejects.toThrow(
      'Add at least one e-mail domain',
    );
    await setConnectionDomains(admin, id, { domains: 'okta-co.example' });
    await expect(setConnectionEnabled(admin, id, { enabled: 'true' })).rejects.toThrow('Test this connection');
    await expect(setConnectionEnforced(admin, id, { enforced: 'true' })).rejects.toThrow(ConflictError);
    const now = Date.now() + 1000;
    await db
      .update(ssoConnections)
      .set({ lastTest: { ok: true }, lastTestedAt: now })
      .where(eq(ssoConnections.id, id));
    await setConnectionEnabled(admin, id, { enabled: 'true' });
    await setConnectionEnforced(admin, id, { enforced: 'true' });
    expect(await getConnection(admin, id)).toMatchObject({ enabled: true, enforced: true });
    // Switching off lifts enforcement: nobody is left without a way in.
    await setConnectionEnabled(admin, id, { enabled: 'false' });
    expect(await getConnection(admin, id)).toMatchObject({ enabled: false, enforced: false });
    await deleteConnection(admin, id);
    expect(await eventTypes(id)).toContain('sso.connection_deleted');
  });
});

describe('domains', () => {
  it('are parsed leniently and refused by name when they are not domains', () => {
    expect(parseDomains(' Acme.com, @acme.co.uk\nacme.com ')).toEqual(['acme.com', 'acme.co.uk']);
    expect(() => parseDomains('acme, good.example, -bad.example')).toThrow(ValidationError);
    try {
      parseDomains('acme');
    } catch (e) {
      expect((e as ValidationError).fieldErrors.domains[0]).toContain('“acme” is not a domain');
    }
  });

  it('belong to one connection only', async () => {
    const taken = await makeConnection({ name: 'Taken', domains: ['one-owner.example'] });
    const id = await createConnection(admin, { name: 'Second', protocol: 'oidc' });
    await expect(setConnectionDomains(admin, id, { domains: 'one-owner.example' })).rejects.toThrow(ValidationError);
    expect((await getConnection(admin, taken.id)).domains).toEqual(['one-owner.example']);
    expect((await getConnection(admin, id)).domains).toEqual([]);
  });
});

describe('group mappings', () => {
  it('need a group and a role or department; a group is mapped once; removal is logged', async () => {
    const c = await makeConnection();
    const sales = await makeDepartment(db);
    await expect(addGroupMapping(admin, c.id, { groupName: 'Sales', role: '', departmentId: '' })).rejects.toThrow(
      ValidationError,
    );
    await expect(addGroupMapping(admin, c.id, { groupName: 'Sales', role: 'king' })).rejects.toThrow(ValidationError);
    const id = await addGroupMapping(admin, c.id, {
      groupName: 'Sales',
      role: 'leader',
      departmentId: String(sales.id),
    });
    await expect(addGroupMapping(admin, c.id, { groupName: 'sales', role: 'pm' })).rejects.toThrow(ConflictError);
    expect((await getConnection(admin, c.id)).mappings).toMatchObject([
      { groupName: 'Sales', role: 'leader', departmentName: sales.name },
    ]);
    await removeGroupMapping(admin, c.id, id);
    expect((await getConnection(admin, c.id)).mappings).toEqual([]);
    expect(await eventTypes(c.id)).toEqual(['sso.group_mapped', 'sso.group_unmapped']);
  });
});
