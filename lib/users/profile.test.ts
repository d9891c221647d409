import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, users } from '@/db/schema';
import { makeDepartment, type TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { setArchived } from '@/lib/directory/directory.server';
import { ForbiddenError } from '@/lib/errors';
import { loadActiveUser } from '@/lib/auth/active-user.server';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { changeDepartment } from './department.server';
import { getProfile, updateProfile } from './profile.server';
import { listPeople } from './people-list.server';

let admin: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
});

const userRow = async (id: number) => first(await db.select().from(users).where(eq(users.id, id)))!;

describe('updateProfile', () => {
  it('sets the name and time zone, which the acting user then carries, and logs the change', async () => {
    const person = await userWithRole('leader');
    await updateProfile(person, { name: '  Priya Patel ', timeZone: 'Asia/Tokyo' });
    expect(await getProfile(person)).toEqual({ name: 'Priya Patel', timeZone: 'Asia/Tokyo' });
    expect((await loadActiveUser(person.id))!.timeZone).toBe('Asia/Tokyo');
    expect(await eventsOf('user', person.id)).toMatchObject([
      {
        type: 'user.profile_changed',
        actorId: person.id,
        data: { changes: { timeZone: { from: null, to: 'Asia/Tokyo' } } },
      },
    ]);
    await updateProfile(person, { name: 'Priya Patel', timeZone: '' });
    expect((await userRow(person.id)).timeZone).toBeNull();
    await updateProfile(person, { name: 'Priya Patel', timeZone: 'UTC' });
    expect((await userRow(person.id)).timeZone).toBe('UTC');
  });

  it('refuses an unknown zone and an empty name, changing nothing', async () => {
    const person = await userWithRole('requestor');
    const error = await validationErrorOf(() => updateProfile(person, { name: '', timeZone: 'Mars/Olympus_Mons' }));
    expect(error.fieldErrors).toEqual({ name: ['Enter your name.'], timeZone: ['Choose a time zone from the list.'] });
    expect(await userRow(person.id)).toMatchObject({ name: person.name, timeZone: null });
    expect(await eventsOf('user', person.id)).toEqual([]);
  });
});

describe('changeDepartment', () => {
  it('moves a person to another department and logs it; the list shows it', async () => {
    const person = await userWithRole('engineer');
    const target = await makeDepartment(db);
    await changeDepartment(admin, person.id, { departmentId: String(target.id) });
    expect((await userRow(person.id)).departmentId).toBe(target.id);
    expect(await eventsOf('user', person.id)).toMatchObject([
      {
        type: 'user.department_changed',
        data: { changes: { departmentId: { from: person.departmentId, to: target.id } } },
      },
    ]);
    const listed = (await listPeople(admin, { q: person.email, page: 1 })).people.find((u) => u.id === person.id)!;
    expect(listed).toMatchObject({
      departmentId: target.id,
      departmentName: target.name,
      lastSignInAt: null,
      lastSignInMethod: null,
    });
  });

  it('refuses an archived department, a malformed id and a non-admin', async () => {
    const person = await userWithRole('engineer');
    const archived = await makeDepartment(db);
    await setArchived(admin, 'department', archived.id, true);
    expect(
      (await validationErrorOf(() => changeDepartment(admin, person.id, { departmentId: String(archived.id) })))
        .fieldErrors.departmentId,
    ).toEqual(['This department is archived: choose another.']);
    expect(
      (await validationErrorOf(() => changeDepartment(admin, person.id, { departmentId: '1.5' }))).fieldErrors
        .departmentId,
    ).toBeTruthy();
    await expect(
      changeDepartment(await userWithRole('pm'), person.id, { departmentId: String(archived.id) }),
    ).rejects.toThrow(ForbiddenError);
    expect((await userRow(person.id)).departmentId).toBe(person.departmentId);
    expect(
      (await db.select().from(events)).filter((e) => e.subjectId === person.id && e.subjectType === 'user'),
    ).toEqual([]);
  });
});
