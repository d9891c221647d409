import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { makeCycle } from '@/db/factories';
import { db, userWithRole } from '@/lib/testing/db';
import { raiseChangeRequest } from '@/lib/changes/requests.server';
import { changeInput, seedScheduledCycle } from '@/lib/changes/test-helpers';
import { setEntry } from '@/lib/schedule/entries.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { entry, scheduleSetup } from '@/lib/schedule/test-helpers';
import { CHANGES_HEADER, changesExport } from './changes.server';
import { SCHEDULE_HEADER, scheduleExport } from './schedule.server';

describe('scheduleExport', () => {
  it('lists the schedule in rank order with period, owner, kickoff and people; requestors only once published', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-11'));
    await expect(scheduleExport(s.requestor, s.cycle.id)).rejects.toThrow(ForbiddenError);
    const { cycleName, table } = await scheduleExport(s.pm, s.cycle.id);
    expect(cycleName).toBe(s.cycle.name);
    expect(table.header).toEqual(SCHEDULE_HEADER);
    expect(table.rows).toEqual([
      [
        s.alpha.id,
        1,
        'Alpha',
        s.january.name,
        s.engineer.name,
        '2027-01-11',
        'Scheduled',
        3,
        'Growth',
        s.requestor.departmentName,
        s.requestor.name,
        s.sponsor.name,
        0,
      ],
      [
        s.beta.id,
        2,
        'Beta',
        null,
        null,
        null,
        'Accepted',
        6,
        'Growth',
        s.requestor.departmentName,
        s.requestor.name,
        s.sponsor.name,
        0,
      ],
      [
        s.gamma.id,
        3,
        'Gamma',
        null,
        null,
        null,
        'Accepted',
        null,
        'Growth',
        s.requestor.departmentName,
        s.requestor.name,
        s.sponsor.name,
        0,
      ],
    ]);
    await publishSchedule(s.pm, s.cycle.id);
    expect((await scheduleExport(s.requestor, s.cycle.id)).table.rows.map((r) => r[2])).toEqual([
      'Alpha',
      'Beta',
      'Gamma',
    ]);
    await expect(scheduleExport(s.pm, 99_999_999)).rejects.toThrow(NotFoundError);
  });
});

describe('changesExport', () => {
  it('lists the change requests with who raised them, when, why and where they stand; not for requestors', async () => {
    const s = await seedScheduledCycle(db);
    const { changeRequest } = await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { title: '=cmd|calc', displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    );
    const { cycleName, table } = await changesExport(s.pm, s.cycle.id);
    expect(cycleName).toBe(s.cycle.name);
    expect(table.header).toEqual(CHANGES_HEADER);
    expect(table.rows).toEqual([
      [
        changeRequest.id,
        '=cmd|calc',
        'Critical',
        'Open',
        s.leaders[0].name,
        changeRequest.createdAt,
        'Five per cent of card payments fail since Monday.',
        changeRequest.incomingItemId,
        1,
        null,
        null,
        null,
        'Not decided yet',
        null,
      ],
    ]);
    await expect(changesExport(s.requestor, s.cycle.id)).rejects.toThrow(ForbiddenError);
    await expect(changesExport(s.pm, 99_999_999)).rejects.toThrow(NotFoundError);
    expect((await changesExport(s.pm, (await makeCycle(db)).id)).table.rows).toEqual([]);
    await expect(changesExport(await userWithRole('requestor'), (await makeCycle(db)).id)).rejects.toThrow(
      ForbiddenError,
    );
  });
});
