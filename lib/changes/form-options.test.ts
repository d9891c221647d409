import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/errors';
import { db } from '@/lib/testing/db';
import { raiseFormOptions } from './form-options.server';
import { seedScheduledCycle, type ScheduledCycle } from './test-helpers';

// Sprints of two weeks from 2027-01-01: Sprint 1 ends 01-14, Sprint 2 runs 01-15 to 01-28, Sprint 3 to 02-11.
let s: ScheduledCycle;
beforeAll(async () => {
  s = await seedScheduledCycle(db, { items: 6, periods: 3 });
});

describe('raiseFormOptions', () => {
  it('targets the period that contains today and marks the ended ones', async () => {
    const options = await raiseFormOptions(s.leaders[0], s.cycle.id, new Date('2027-01-20T09:00:00Z'));
    expect(options.defaultPeriodId).toBe(s.periods[1].id);
    expect(options.periods.map((p) => [p.name, p.ended])).toEqual([
      ['Sprint 1', true],
      ['Sprint 2', false],
      ['Sprint 3', false],
    ]);
  });

  it('never defaults to an ended period: none once all have ended, the first before the cycle starts', async () => {
    expect((await raiseFormOptions(s.pm, s.cycle.id, new Date('2027-03-01T09:00:00Z'))).defaultPeriodId).toBeNull();
    expect((await raiseFormOptions(s.pm, s.cycle.id, new Date('2026-12-01T09:00:00Z'))).defaultPeriodId).toBe(
      s.periods[0].id,
    );
  });

  it('is refused to someone who may not raise a change request', async () => {
    await expect(raiseFormOptions(s.requestor, s.cycle.id)).rejects.toThrow(ForbiddenError);
  });
});
