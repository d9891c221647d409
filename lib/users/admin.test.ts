import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, userSessions, users } from '@/db/schema';
import type { TestUser } from '@/db/factories';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { verifyPassword } from '@/lib/auth/password.server';
import { checkSession, startSession } from '@/lib/auth/user-sessions.server';
import { db, userWithRole } from '@/lib/testing/db';
import { changeRole, resetPassword } from './admin.server';
import { first } from '@/db/rows';

let admin: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
});

const userRow = async (id: number) => first(await db.select().from(users).where(eq(users.id, id)))!;
const eventsOf = async (type: string, subjectId: number) =>
  (await db.select().from(events).where(eq(events.type, type))).filter((e) => e.subjectId === subjectId);

describe('changeRole', () => {
  it('changes the role, ends every session of the person and logs the change', async () => {
    const person = await userWithRole('leader');
    const [a, b] = [await startSession(person.id), await startSession(person.id)];
    await changeRole(admin, person.id, { role: 'engineer' });
    expect((await userRow(person.id)).role).toBe('engineer');
    expect(await checkSession(a)).toEqual({ ok: false, reason: 'ended' });
    expect((await checkSession(b)).ok).toBe(false);
    expect(first(await db.select().from(userSessions).where(eq(userSessions.id, a)))!.endedReason).toBe('role_changed');
    expect(await eventsOf('user.role_changed', person.id)).toMatchObject([
      { actorId: admin.id, data: { changes: { role: { from: 'leader', to: 'engineer' } }, sessionsEnded: 2 } },
    ]);
  });

  it('refuses an unknown role, one’s own role and a non-admin, and changes nothing', async () => {
    const person = await userWithRole('leader');
    const session = await startSession(person.id);
    await expect(changeRole(admin, person.id, { role: 'owner' })).rejects.toThrow(ValidationError);
    await expect(changeRole(admin, admin.id, { role: 'pm' })).rejects.toThrow('You cannot change your own role.');
    await expect(changeRole(await userWithRole('pm'), person.id, { role: 'admin' })).rejects.toThrow(ForbiddenError);
    expect((await userRow(person.id)).role).toBe('leader');
    expect((await userRow(admin.id)).role).toBe('admin');
    expect((await checkSession(session)).ok).toBe(true);
    expect(await eventsOf('user.role_changed', person.id)).toEqual([]);
  });
});

describe('resetPassword', () => {
  it('sets the new password, ends the sessions signed in with the old one, and logs no secret', async () => {
    const person = await userWithRole('requestor');
    const session = await startSession(person.id);
    expect(await resetPassword(admin, person.id, { password: 'a brand new secret' })).toBe(1);
    expect(await verifyPassword('a brand new secret', (await userRow(person.id)).passwordHash)).toBe(true);
    expect(await checkSession(session)).toEqual({ ok: false, reason: 'ended' });
    const [logged] = await eventsOf('user.password_reset', person.id);
    expect(logged.data).toEqual({ sessionsEnded: 1 });
    expect(JSON.stringify(logged)).not.toContain('brand new');
  });

  it('refuses a short password and a non-admin, and keeps the sessions', async () => {
    const person = await userWithRole('requestor');
    const session = await startSession(person.id);
    await expect(resetPassword(admin, person.id, { password: 'short' })).rejects.toMatchObject({
      fieldErrors: { password: ['The new password must be at least 12 characters.'] },
    });
    await expect(
      resetPassword(await userWithRole('pm'), person.id, { password: 'long enough secret' }),
    ).rejects.toThrow(ForbiddenError);
    expect((await checkSession(session)).ok).toBe(true);
    expect(await eventsOf('user.password_reset', person.id)).toEqual([]);
  });
});
