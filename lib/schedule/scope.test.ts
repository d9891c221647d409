import { describe, expect, it } from 'vitest';
import { makeCycle, makeItem, makeSchedulePeriod } from '@/db/factories';
import { scheduleFlags } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { assertInCycle } from './scope.server';

describe('assertInCycle', () => {
  it('lets a record of the cycle through and refuses one of another cycle, or an unknown one', async () => {
    const pm = await userWithRole('pm');
    const [mine, theirs] = [await makeCycle(db), await makeCycle(db)];
    const item = await makeItem(db, { cycleId: mine.id, requestorId: pm.id, departmentId: pm.departmentId! });
    const period = await makeSchedulePeriod(db, mine.id, { startsOn: '2027-01-04', endsOn: '2027-01-29' });
    const flag = (
      await db
        .insert(scheduleFlags)
        .values({
          itemId: item.id,
          authorId: pm.id,
          kind: 'flag',
          body: 'Blocked.',
          createdAt: new Date().toISOString(),
        })
        .returning()
    )[0];
    for (const record of [{ itemId: item.id }, { periodId: period.id }, { flagId: flag.id }]) {
      await assertInCycle(mine.id, record);
      await expect(assertInCycle(theirs.id, record)).rejects.toThrow(NotFoundError);
    }
    await expect(assertInCycle(mine.id, { itemId: 999_999_999 })).rejects.toThrow(NotFoundError);
  });
});
