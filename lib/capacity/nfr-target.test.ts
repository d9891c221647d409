import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, type TestUser } from '@/db/factories';
import { cycles } from '@/db/schema';
import { first } from '@/db/rows';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { setNfrTarget } from './nfr-target.server';

let pm: TestUser, leader: TestUser;
beforeAll(async () => {
  pm = await userWithRole('pm');
  leader = await userWithRole('leader');
});

const targetOf = async (id: number) =>
  first(await db.select({ t: cycles.nfrTargetPercent }).from(cycles).where(eq(cycles.id, id)))!.t;

describe('setNfrTarget', () => {
  it('sets, changes and clears the target, logging each change once', async () => {
    const cycle = await makeCycle(db);
    expect(await setNfrTarget(pm, cycle.id, { nfrTargetPercent: '30' })).toBe(30);
    expect(await targetOf(cycle.id)).toBe(30);
    await setNfrTarget(pm, cycle.id, { nfrTargetPercent: ' 30 ' }); // unchanged: nothing logged
    expect(await setNfrTarget(pm, cycle.id, { nfrTargetPercent: '' })).toBeNull();
    expect(await targetOf(cycle.id)).toBeNull();
    expect(await eventsOf('cycle', cycle.id)).toMatchObject([
      { type: 'cycle.updated', actorId: pm.id, data: { changes: { nfrTargetPercent: { from: null, to: 30 } } } },
      { type: 'cycle.updated', actorId: pm.id, data: { changes: { nfrTargetPercent: { from: 30, to: null } } } },
    ]);
  });

  it.each([['-5'], ['101'], ['12.5'], ['thirty'], ['1e2'], [{}]])(
    'refuses %j with a message naming the field, and writes nothing',
    async (value) => {
      const cycle = await makeCycle(db, { nfrTargetPercent: 20 });
      const error = await validationErrorOf(() => setNfrTarget(pm, cycle.id, { nfrTargetPercent: value }));
      expect(error.fieldErrors.nfrTargetPercent?.[0]).toMatch(/^Non-functional target must be a whole number/);
      expect(await targetOf(cycle.id)).toBe(20);
      expect(await eventsOf('cycle', cycle.id)).toEqual([]);
    },
  );

  it('accepts 0 and 100, refuses someone without cycle.manage and an unknown cycle', async () => {
    const cycle = await makeCycle(db);
    expect(await setNfrTarget(pm, cycle.id, { nfrTargetPercent: '0' })).toBe(0);
    expect(await setNfrTarget(pm, cycle.id, { nfrTargetPercent: '100' })).toBe(100);
    await expect(setNfrTarget(leader, cycle.id, { nfrTargetPercent: '10' })).rejects.toThrow(ForbiddenError);
    await expect(setNfrTarget(pm, 987654, { nfrTargetPercent: '10' })).rejects.toThrow(NotFoundError);
    expect(await targetOf(cycle.id)).toBe(100);
  });
});
