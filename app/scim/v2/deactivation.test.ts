import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, scimGroupMembers, users } from '@/db/schema';
import { first } from '@/db/rows';
import { loadActiveUser } from '@/lib/auth/active-user.server';
import { checkSession, startSession } from '@/lib/auth/user-sessions.server';
import { db } from '@/lib/testing/db';
import { scimConnection, type TestConnection } from './test-kit';

let acme: TestConnection;
beforeAll(async () => {
  acme = await scimConnection();
});

let n = 0;
const address = () => `leaver${++n}@${acme.domain}`;
const userRow = async (email: string) => first(await db.select().from(users).where(eq(users.email, email)));
const eventsOf = async (userId: number) =>
  (await db.select().from(events).where(eq(events.subjectType, 'user'))).filter((e) => e.subjectId === userId);
const created = async (email = address()) => {
  const answer = await acme.client.createUser(email);
  expect(answer.status).toBe(201);
  return answer.body as { id: string };
};

describe('deactivating', () => {
  it('Okta’s replace without a path ends the sessions and live streams; active true restores', async () => {
    const email = address();
    const body = await created(email);
    const person = (await userRow(email))!;
    const session = await startSession(person.id);
    const answer = await acme.client.deactivateUser(body.id);
    expect(answer).toMatchObject({ status: 200, body: { active: false } });
    // What a live stream checks at each heartbeat (lib/realtime/route.server.ts): both now refuse.
    expect(await checkSession(session)).toEqual({ ok: false, reason: 'ended' });
    expect(await loadActiveUser(person.id)).toBeNull();
    expect((await eventsOf(person.id)).at(-1)).toMatchObject({
      actorId: null,
      type: 'user.deactivated',
      data: { via: 'scim', connectionId: acme.id, sessionsEnded: 1, changes: { active: { from: true, to: false } } },
    });
    const back = await acme.client.patchUser(body.id, [{ op: 'replace', path: 'active', value: true }]);
    expect(back.body).toMatchObject({ active: true });
    expect((await userRow(email))!.active).toBe(true);
    expect((await eventsOf(person.id)).at(-1)).toMatchObject({ type: 'user.activated' });
  });

  it('Entra’s "Replace" of active with the text "False"', async () => {
    const email = address();
    const body = await created(email);
    const answer = await acme.client.patchUser(body.id, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(answer).toMatchObject({ status: 200, body: { active: false } });
    expect((await userRow(email))!.active).toBe(false);
  });

  it('DELETE deactivates, forgets the id (404 after) and a later POST takes the person back', async () => {
    const email = address();
    const body = await created(email);
    const person = (await userRow(email))!;
    const session = await startSession(person.id);
    expect((await acme.client.createGroup('Leavers', [body.id])).status).toBe(201);
    expect(await acme.client.deleteUser(body.id)).toMatchObject({ status: 204, body: null });
    expect(await db.select().from(scimGroupMembers).where(eq(scimGroupMembers.userId, person.id))).toEqual([]);
    expect((await userRow(email))!.active).toBe(false);
    expect((await checkSession(session)).ok).toBe(false);
    expect((await acme.client.getUser(body.id)).status).toBe(404);
    expect((await eventsOf(person.id)).at(-1)).toMatchObject({
      type: 'user.deactivated',
      data: { deprovisioned: true },
    });
    const again = await created(email);
    expect(again.id).not.toBe(body.id);
    expect((await userRow(email))!).toMatchObject({ id: person.id, active: true });
  });
});
