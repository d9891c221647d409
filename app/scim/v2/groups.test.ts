import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, scimGroupMembers, ssoIdentities, users } from '@/db/schema';
import { first } from '@/db/rows';
import { makeDepartment } from '@/db/factories';
import { checkSession, startSession } from '@/lib/auth/user-sessions.server';
import { db } from '@/lib/testing/db';
import { mapGroup, scimConnection, type TestConnection } from './test-kit';

let acme: TestConnection;
let other: TestConnection;
let finance: number;
beforeAll(async () => {
  acme = await scimConnection();
  other = await scimConnection();
  finance = (await makeDepartment(db)).id;
  await mapGroup(acme.id, 'Quorum Admins', 'admin', null);
  await mapGroup(acme.id, 'Finance Leaders', 'leader', finance);
});

let n = 0;
async function person(c: TestConnection = acme) {
  const email = `member${++n}@${c.domain}`;
  const answer = await c.client.createUser(email);
  expect(answer.status).toBe(201);
  const row = first(await db.select().from(users).where(eq(users.email, email)))!;
  return { scimId: (answer.body as { id: string }).id, userId: row.id };
}
const userRow = async (id: number) => first(await db.select().from(users).where(eq(users.id, id)))!;
const groupId = (answer: { body: Record<string, unknown> | null }) => (answer.body as { id: string }).id;
const memberValues = (answer: { body: Record<string, unknown> | null }) =>
  ((answer.body!.members ?? []) as { value: string }[]).map((m) => m.value).sort();

describe('Groups', () => {
  it('creates a group with members (RFC 7643 §8.4) and their role and department follow its mapping', async () => {
    const a = await person();
    const b = await person();
    const session = await startSession(a.userId);
    const answer = await acme.client.createGroup('finance leaders', [a.scimId, b.scimId]);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ displayName: 'finance leaders', meta: { resourceType: 'Group' } });
    expect(memberValues(answer)).toEqual([a.scimId, b.scimId].sort());
    expect(await userRow(a.userId)).toMatchObject({ role: 'leader', departmentId: finance });
    // A new role takes effect at once, as when an admin changes it.
    expect(await checkSession(session)).toEqual({ ok: false, reason: 'ended' });
    const identity = first(await db.select().from(ssoIdentities).where(eq(ssoIdentities.scimId, a.scimId)))!;
    expect(identity.groups).toEqual(['finance leaders']);
    const logged = (await db.select().from(events).where(eq(events.type, 'user.role_changed'))).filter(
      (e) => e.subjectId === a.userId,
    );
    expect(logged).toMatchObject([
      {
        actorId: null,
        data: { via: 'scim', connectionId: acme.id, changes: { role: { from: 'requestor', to: 'leader' } } },
      },
    ]);
    const user = await acme.client.getUser(a.scimId);
    expect(user.body!.groups).toMatchObject([{ value: groupId(answer), display: 'finance leaders' }]);
  });

  it('PATCH adds and removes members; the most senior group wins, leaving all mapped groups makes a requestor', async () => {
    const a = await person();
    await mapGroup(acme.id, 'Patch Admins', 'admin', null);
    await mapGroup(acme.id, 'Patch Leaders', 'leader', finance);
    const admins = groupId(await acme.client.createGroup('Patch Admins'));
    const leaders = groupId(await acme.client.createGroup('Patch Leaders', [a.scimId]));
    expect((await userRow(a.userId)).role).toBe('leader');
    const added = await acme.client.patchGroup(admins, [{ op: 'add', path: 'members', value: [{ value: a.scimId }] }]);
    expect(memberValues(added)).toEqual([a.scimId]);
    expect((await userRow(a.userId)).role).toBe('admin');
    const removed = await acme.client.patchGroup(admins, [{ op: 'remove', path: `members[value eq "${a.scimId}"]` }]);
    expect(memberValues(removed)).toEqual([]);
    expect((await userRow(a.userId)).role).toBe('leader');
    // Entra removes with the members as the value.
    await acme.client.patchGroup(leaders, [{ op: 'Remove', path: 'members', value: [{ value: a.scimId }] }]);
    expect(await userRow(a.userId)).toMatchObject({ role: 'requestor', departmentId: finance });
    expect(await db.select().from(scimGroupMembers).where(eq(scimGroupMembers.groupId, leaders))).toEqual([]);
  });

  it('renaming a group (Okta’s replace without a path) moves its members to the new mapping', async () => {
    const a = await person();
    const id = groupId(await acme.client.createGroup('Unmapped', [a.scimId]));
    expect((await userRow(a.userId)).role).toBe('requestor');
    const renamed = await acme.client.patchGroup(id, [
      { op: 'replace', value: { id, displayName: 'Quorum Admins 2' } },
    ]);
    expect(renamed).toMatchObject({ status: 200, body: { displayName: 'Quorum Admins 2' } });
    await mapGroup(acme.id, 'Renamed Admins', 'admin', null);
    await acme.client.patchGroup(id, [{ op: 'replace', path: 'displayName', value: 'renamed admins' }]);
    expect((await userRow(a.userId)).role).toBe('admin');
  });

  it('PUT replaces the members; DELETE removes the group and its members follow', async () => {
    const a = await person();
    const b = await person();
    const id = groupId(await acme.client.createGroup('Quorum Admins PUT', [a.scimId]));
    await mapGroup(acme.id, 'Quorum Admins PUT', 'admin', null);
    const put = await acme.client.call('PUT', `/Groups/${id}`, {
      displayName: 'Quorum Admins PUT',
      members: [{ value: b.scimId }],
    });
    expect(memberValues(put)).toEqual([b.scimId]);
    expect((await userRow(b.userId)).role).toBe('admin');
    expect(await acme.client.deleteGroup(id)).toMatchObject({ status: 204 });
    expect((await userRow(b.userId)).role).toBe('requestor');
    expect((await acme.client.call('GET', `/Groups/${id}`)).status).toBe(404);
    const logged = (await db.select().from(events).where(eq(events.type, 'scim.group_deleted'))).at(-1);
    expect(logged).toMatchObject({ subjectType: 'sso_connection', subjectId: acme.id, data: { groupId: id } });
  });

  it('lists by displayName without case, pages, and leaves members out when asked', async () => {
    const c = await scimConnection();
    const a = await person(c);
    for (const name of ['Alpha', 'Beta', 'Gamma']) await c.client.createGroup(name, [a.scimId]);
    const found = await c.client.call('GET', `/Groups?filter=${encodeURIComponent('displayName eq "beta"')}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ displayName: 'Beta' }] });
    const page = await c.client.call('GET', '/Groups?startIndex=2&count=1&excludedAttributes=members');
    expect(page.body).toMatchObject({
      totalResults: 3,
      itemsPerPage: 1,
      startIndex: 2,
      Resources: [{ displayName: 'Beta' }],
    });
    expect((page.body!.Resources as Record<string, unknown>[])[0].members).toBeUndefined();
    expect((await c.client.call('GET', '/Groups?filter=members%20eq%20%22x%22')).body).toMatchObject({
      scimType: 'invalidFilter',
    });
  });

  it('refuses bad input with a 400 or 409 naming it, and writes nothing', async () => {
    const theirs = await person(other);
    const existing = groupId(await acme.client.createGroup('Taken'));
    const cases: [unknown, number, string, string][] = [
      [{ members: [] }, 400, 'invalidValue', 'displayName'],
      [{ displayName: 'X', colour: 'red' }, 400, 'invalidSyntax', 'colour'],
      [{ displayName: 'X', members: [{ value: theirs.scimId }] }, 400, 'invalidValue', theirs.scimId],
      [{ displayName: 'X', members: 'everyone' }, 400, 'invalidValue', 'members'],
      [{ displayName: 'TAKEN' }, 409, 'uniqueness', 'TAKEN'],
    ];
    for (const [body, status, scimType, named] of cases) {
      const answer = await acme.client.call('POST', '/Groups', body);
      expect(answer, JSON.stringify(body)).toMatchObject({ status, body: { scimType } });
      expect(answer.body!.detail).toContain(named);
    }
    const patch = await acme.client.patchGroup(existing, [{ op: 'add', path: 'owners', value: 'x' }]);
    expect(patch).toMatchObject({ status: 400, body: { scimType: 'invalidPath' } });
    expect(patch.body!.detail).toContain('owners');
    const listed = await acme.client.call('GET', `/Groups?filter=${encodeURIComponent('displayName eq "X"')}`);
    expect(listed.body).toMatchObject({ totalResults: 0 });
    expect((await other.client.call('GET', `/Groups/${existing}`)).status).toBe(404);
  });
});
