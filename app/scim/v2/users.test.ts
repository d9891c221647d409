import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { departments, events, ssoIdentities, users } from '@/db/schema';
import { first } from '@/db/rows';
import { makeDepartment, makeUser } from '@/db/factories';
import { db } from '@/lib/testing/db';
import { ENTERPRISE } from '@/lib/testing/scim-client';
import { scimErrorResponse } from '@/lib/scim/handler.server';
import { scimConnection, type TestConnection } from './test-kit';

let acme: TestConnection;
let other: TestConnection;
let sales: { id: number; name: string };
beforeAll(async () => {
  acme = await scimConnection();
  other = await scimConnection();
  sales = await makeDepartment(db, `Sales ${acme.domain}`);
});

let n = 0;
const address = (c: TestConnection = acme) => `person${++n}@${c.domain}`;
const userRow = async (email: string) => first(await db.select().from(users).where(eq(users.email, email)));
const eventsOf = async (userId: number) =>
  (await db.select().from(events).where(eq(events.subjectType, 'user'))).filter((e) => e.subjectId === userId);
const created = async (email = address(), more: Record<string, unknown> = {}) => {
  const answer = await acme.client.createUser(email, more);
  expect(answer.status).toBe(201);
  return answer.body as { id: string; userName: string; active: boolean } & Record<string, unknown>;
};

describe('creating and reading Users', () => {
  it('creates a requestor with the RFC example body, and answers the resource with a Location', async () => {
    const email = address();
    const answer = await acme.client.createUser(email.toUpperCase(), { externalId: 'okta-1' });
    expect(answer.status).toBe(201);
    expect(answer.contentType).toContain('application/scim+json');
    const body = answer.body as Record<string, unknown> & { id: string; meta: { location: string } };
    expect(body).toMatchObject({ userName: email, displayName: 'Barbara Jensen', active: true, externalId: 'okta-1' });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.meta.location).toBe(`http://quorum.test/scim/v2/Users/${body.id}`);
    const row = (await userRow(email))!;
    expect(row).toMatchObject({ name: 'Barbara Jensen', role: 'requestor', active: true, passwordHash: null });
    const identity = first(await db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, row.id)))!;
    expect(identity).toMatchObject({ connectionId: acme.id, scimId: body.id, subject: `scim:${body.id}` });
    expect(await eventsOf(row.id)).toMatchObject([
      { actorId: null, type: 'user.provisioned', data: { via: 'scim', connectionId: acme.id, scimId: body.id } },
    ]);
    expect((await acme.client.getUser(body.id)).body).toEqual(body);
  });

  it('puts a new person in the department the enterprise extension names, matched without case', async () => {
    const email = address();
    const body = await created(email, { [ENTERPRISE]: { department: sales.name.toUpperCase() } });
    expect((body[ENTERPRISE] as { department: string }).department).toBe(sales.name);
    expect((await userRow(email))!.departmentId).toBe(sales.id);
  });

  it('refuses an unknown or archived department, naming it, and writes nothing', async () => {
    const archived = await makeDepartment(db);
    await db.update(departments).set({ archivedAt: Date.now() }).where(eq(departments.id, archived.id));
    for (const department of ['Atlantis', archived.name]) {
      const email = address();
      const answer = await acme.client.createUser(email, { [ENTERPRISE]: { department } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ scimType: 'invalidValue', status: '400' });
      expect(answer.body!.detail).toContain(department);
      expect(await userRow(email)).toBeUndefined();
    }
  });

  it('refuses a userName outside the connection’s domains, or not an e-mail address', async () => {
    const theirs = address(other);
    const answer = await acme.client.createUser(theirs);
    expect(answer.status).toBe(400);
    expect(answer.body!.detail).toContain(`the domain ${other.domain} is not one of this connection's domains`);
    const notEmail = await acme.client.createUser('bjensen');
    expect(notEmail).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    expect(notEmail.body!.detail).toContain('userName');
    expect(await userRow(theirs)).toBeUndefined();
  });

  it('answers a duplicate userName with 409 uniqueness, whatever its case', async () => {
    const email = address();
    await created(email);
    const again = await acme.client.createUser(email.toUpperCase());
    expect(again).toMatchObject({ status: 409, body: { scimType: 'uniqueness', status: '409' } });
  });

  it('answers the same userName created several times at once with one 201 and 409s, never a 5xx', async () => {
    const email = address();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => acme.client.createUser(email)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body!.scimType === 'uniqueness')).toBe(true);
  });

  it('answers the database’s own unique refusal (the race the check before it cannot see) with 409', async () => {
    const email = address();
    const existing = await makeUser(db, { email });
    const refusal = await db
      .insert(users)
      .values({ name: 'Twin', email, departmentId: existing.departmentId, createdAt: new Date().toISOString() })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).not.toBeNull();
    const answer = scimErrorResponse(refusal);
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ scimType: 'uniqueness' });
  });

  it('takes over a person who already signed in with a password, keeping their role', async () => {
    const email = address();
    const existing = await makeUser(db, { email, role: 'leader' });
    const body = await created(email);
    expect(body.id).toBeDefined();
    expect((await userRow(email))!).toMatchObject({ id: existing.id, role: 'leader', name: 'Barbara Jensen' });
    expect((await eventsOf(existing.id)).map((e) => e.type)).toEqual(['user.linked', 'user.updated']);
  });

  it('refuses unknown attributes by name, accepts the standard ones it does not keep', async () => {
    const refused = await acme.client.createUser(address(), { favouriteColour: 'blue' });
    expect(refused).toMatchObject({ status: 400, body: { scimType: 'invalidSyntax' } });
    expect(refused.body!.detail).toContain('favouriteColour');
    const nested = await acme.client.createUser(address(), { name: { nickname: 'Babs' } });
    expect(nested.status).toBe(400);
    expect(nested.body!.detail).toContain('name.nickname');
    await created(address(), { title: 'Tour Guide', phoneNumbers: [{ value: '555-555-8377' }], locale: 'en-US' });
  });

  it('answers 404 for an unknown id and for another connection’s person', async () => {
    expect(await acme.client.getUser('no-such-id')).toMatchObject({ status: 404, body: { status: '404' } });
    const theirs = await other.client.createUser(address(other));
    const id = (theirs.body as { id: string }).id;
    expect((await acme.client.getUser(id)).status).toBe(404);
    expect((await acme.client.deactivateUser(id)).status).toBe(404);
    expect((await acme.client.deleteUser(id)).status).toBe(404);
    expect((await other.client.getUser(id)).status).toBe(200);
  });
});

describe('listing Users', () => {
  it('filters by userName without case and by externalId with it, and refuses other filters', async () => {
    const email = address();
    const body = await created(email, { externalId: 'Ext-42' });
    const byName = await acme.client.findUserByUserName(email.toUpperCase());
    expect(byName.body).toMatchObject({
      totalResults: 1,
      itemsPerPage: 1,
      startIndex: 1,
      Resources: [{ id: body.id }],
    });
    const byExternal = await acme.client.call('GET', `/Users?filter=${encodeURIComponent('externalId eq "Ext-42"')}`);
    expect(byExternal.body).toMatchObject({ totalResults: 1, Resources: [{ id: body.id }] });
    const wrongCase = await acme.client.call('GET', `/Users?filter=${encodeURIComponent('externalId eq "ext-42"')}`);
    expect(wrongCase.body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await other.client.findUserByUserName(email)).body).toMatchObject({ totalResults: 0 });
    for (const filter of ['displayName eq "x"', 'userName co "a"', 'userName eq "a" and active eq true', 'garbage']) {
      const refused = await acme.client.call('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expect(refused).toMatchObject({ status: 400, body: { scimType: 'invalidFilter' } });
    }
  });

  it('pages with startIndex and count', async () => {
    const c = await scimConnection();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await c.client.createUser(address(c))).body as { id: string }).id);
    const page = await c.client.call('GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 5, itemsPerPage: 2, startIndex: 2 });
    expect((page.body!.Resources as { id: string }[]).map((r) => r.id)).toEqual(ids.slice(1, 3));
    expect((await c.client.call('GET', '/Users?count=0')).body).toMatchObject({ totalResults: 5, itemsPerPage: 0 });
    expect((await c.client.call('GET', '/Users?startIndex=0&count=1')).body).toMatchObject({ startIndex: 1 });
    expect((await c.client.call('GET', '/Users?count=many')).body).toMatchObject({ scimType: 'invalidValue' });
  });
});

describe('updating', () => {
  it('PUT replaces name, department and externalId, and logs the changes', async () => {
    const email = address();
    const body = await created(email);
    const put = await acme.client.replaceUser(body.id, {
      userName: email,
      displayName: 'Babs Jensen',
      active: true,
      externalId: 'new-ext',
      [ENTERPRISE]: { department: sales.name },
    });
    expect(put).toMatchObject({ status: 200, body: { displayName: 'Babs Jensen', externalId: 'new-ext' } });
    const row = (await userRow(email))!;
    expect(row).toMatchObject({ name: 'Babs Jensen', departmentId: sales.id });
    expect((await eventsOf(row.id)).at(-1)).toMatchObject({
      type: 'user.updated',
      data: { changes: { name: { from: 'Barbara Jensen', to: 'Babs Jensen' }, externalId: { to: 'new-ext' } } },
    });
  });

  it('PATCH with paths: name parts, the enterprise department, e-mails', async () => {
    const email = address();
    const body = await created(email);
    const answer = await acme.client.patchUser(body.id, [
      { op: 'replace', path: 'name.givenName', value: 'Barb' },
      { op: 'replace', path: 'name.familyName', value: 'Jensen-Smith' },
      { op: 'replace', path: `${ENTERPRISE}:department`, value: sales.name },
      { op: 'replace', path: 'emails[type eq "work"].value', value: email },
      { op: 'add', path: 'title', value: 'Ignored' },
    ]);
    expect(answer).toMatchObject({ status: 200, body: { displayName: 'Barb Jensen-Smith' } });
    expect((await userRow(email))!).toMatchObject({ name: 'Barb Jensen-Smith', departmentId: sales.id });
  });

  it('refuses a bad PATCH with a 400 naming what is wrong, and changes nothing', async () => {
    const email = address();
    const body = await created(email);
    const cases: [unknown[], string, string][] = [
      [[{ op: 'replace', path: 'shoeSize', value: 9 }], 'invalidSyntax', 'shoeSize'],
      [[{ op: 'replace', path: 'active', value: 'maybe' }], 'invalidValue', 'active'],
      [[{ op: 'explode', path: 'active', value: true }], 'invalidSyntax', 'op'],
      [[{ op: 'remove' }], 'noTarget', 'path'],
      [[{ op: 'remove', path: 'userName' }], 'invalidValue', 'userName'],
      [[{ op: 'replace', path: 'userName', value: address(other) }], 'invalidValue', other.domain],
      [[{ op: 'replace', path: 'active[x eq "y"]', value: true }], 'invalidPath', 'active'],
      [[], 'invalidSyntax', 'Operations'],
    ];
    for (const [ops, scimType, named] of cases) {
      const answer = await acme.client.patchUser(body.id, ops);
      expect(answer, JSON.stringify(ops)).toMatchObject({ status: 400, body: { scimType } });
      expect(answer.body!.detail).toContain(named);
    }
    expect((await userRow(email))!).toMatchObject({ name: 'Barbara Jensen', active: true });
  });

  it('refuses taking another person’s userName with 409', async () => {
    const mine = await created();
    const theirs = address();
    await created(theirs);
    const answer = await acme.client.patchUser(mine.id, [{ op: 'replace', path: 'userName', value: theirs }]);
    expect(answer).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
  });
});
