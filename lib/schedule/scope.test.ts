import { describe, expect, it } from 'vitest';
import { makeCycle, makeItem, makeSchedulePeriod } from '@/db/factories';
import { scheduleFlags } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { assertInCycle } from './scope.server';

describe('assertInCycle', () => {
  it('lets a record of the cycle through and refuses one of another cycle, or an unknown one', () => {
    const pm = userWithRole('pm');
    const [mine, theirs] = [makeCycle(db), makeCycle(db)];
    const item = makeItem(db, { cycleId: mine.id, requestorId: pm.id, departmentId: pm.departmentId! });
    const period = makeSchedulePeriod(db, mine.id, { startsOn: '2027-01-04', endsOn: '2027-01-29' });
    const flag = db
      .insert(scheduleFlags)
      .values({ itemId: item.id, authorId: pm.id, kind: 'flag', body: 'Blocked.', createdAt: new Date().toISOString() })
      .returning()
      .get();
    for (const record of [{ itemId: item.id }, { periodId: period.id }, { flagId: flag.id }]) {
      expect(() => assertInCycle(mine.id, record)).not.toThrow();
      expect(() => assertInCycle(theirs.id, record)).toThrow(NotFoundError);
    }
    expect(() => assertInCycle(mine.id, { itemId: 999_999_999 })).toThrow(NotFoundError);
  });
});
