import { describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '@/db/factories';
import { db } from '@/lib/testing/db';
import { smeResolver } from './roles.server';

describe('smeResolver', () => {
  it('matches an active user by e-mail or unique name, ignoring case; a shared name or a deactivated user matches nobody', async () => {
    const departmentId = (await makeDepartment(db)).id;
    const sara = await makeUser(db, { name: 'Sara Sme', email: 'sara@example.test', departmentId });
    await makeUser(db, { name: 'Alex Twin', departmentId });
    await makeUser(db, { name: 'alex twin', departmentId });
    await makeUser(db, { name: 'Gone Person', email: 'gone@example.test', departmentId, active: false });
    const resolve = await smeResolver(db);
    expect(resolve('SARA SME')).toBe(sara.id);
    expect(resolve(' Sara@Example.test ')).toBe(sara.id);
    expect(resolve('Alex Twin')).toBeNull();
    expect(resolve('gone@example.test')).toBeNull();
    expect(resolve('Sara')).toBeNull();
    expect(resolve('')).toBeNull();
  });
});
