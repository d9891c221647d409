import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, userSessions, users } from '@/db/schema';
import type { TestUser } from '@/db/factories';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { verifyPassword } from '@/lib/auth/password.server';
import { checkSession, startSession } from '@/lib/auth/user-sessions.server';
import { db, userWithRole } from '@/lib/testing/db';
import { changeRole, resetPassword } from './admin.server';

let admin: TestUser;
beforeAll(() => {
  admin = userWithRole('admin');
});

const userRow = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const eventsOf = (type: string, subjectId: number) =>
  db
    .select()
    .from(events)
    .where(eq(events.type, type))
    .all()
    .filter((e) => e.subjectId === subjectId);

describe('changeRole', () => {
  it('changes the role, ends every session of the person and logs the change', () => {
    const person = userWithRole('leader');
    const [a, b] = [startSession(person.id), startSession(person.id)];
    changeRole(admin, person.id, { role: 'engineer' });
    expect(userRow(person.id).role).toBe('engineer');
    expect(checkSession(a)).toEqual({ ok: false, reason: 'ended' });
    expect(checkSession(b).ok).toBe(false);
    expect(db.select().from(userSessions).where(eq(userSessions.id, a)).get()!.endedReason).toBe('role_changed');
    expect(eventsOf('user.role_changed', person.id)).toMatchObject([
      { actorId: admin.id, data: { changes: { role: { from: 'leader', to: 'engineer' } }, sessionsEnded: 2 } },
    ]);
  });

  it('refuses an unknown role, one’s own role and a non-admin, and changes nothing', () => {
    const person = userWithRole('leader');
    const session = startSession(person.id);
    expect(() => changeRole(admin, person.id, { role: 'owner' })).toThrow(ValidationError);
    expect(() => changeRole(admin, admin.id, { role: 'pm' })).toThrow('You cannot change your own role.');
    expect(() => changeRole(userWithRole('pm'), person.id, { role: 'admin' })).toThrow(ForbiddenError);
    expect(userRow(person.id).role).toBe('leader');
    expect(userRow(admin.id).role).toBe('admin');
    expect(checkSession(session).ok).toBe(true);
    expect(eventsOf('user.role_changed', person.id)).toEqual([]);
  });
});

describe('resetPassword', () => {
  it('sets the new password, ends the sessions signed in with the old one, and logs no secret', async () => {
    const person = userWithRole('requestor');
    const session = startSession(person.id);
    expect(await resetPassword(admin, person.id, { password: 'a brand new secret' })).toBe(1);
    expect(await verifyPassword('a brand new secret', userRow(person.id).passwordHash)).toBe(true);
    expect(checkSession(session)).toEqual({ ok: false, reason: 'ended' });
    const [logged] = eventsOf('user.password_reset', person.id);
    expect(logged.data).toEqual({ sessionsEnded: 1 });
    expect(JSON.stringify(logged)).not.toContain('brand new');
  });

  it('refuses a short password and a non-admin, and keeps the sessions', async () => {
    const person = userWithRole('requestor');
    const session = startSession(person.id);
    await expect(resetPassword(admin, person.id, { password: 'short' })).rejects.toMatchObject({
      fieldErrors: { password: ['The new password must be at least 12 characters.'] },
    });
    await expect(resetPassword(userWithRole('pm'), person.id, { password: 'long enough secret' })).rejects.toThrow(
      ForbiddenError,
    );
    expect(checkSession(session).ok).toBe(true);
    expect(eventsOf('user.password_reset', person.id)).toEqual([]);
  });
});
