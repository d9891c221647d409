import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment } from '@/db/factories';
import { ForbiddenError } from '@/lib/errors';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { getMeetingSettings, saveMeetingSettings } from './meeting-settings.server';
import { getSetting } from '@/lib/settings/settings.server';
import type { TestUser } from '@/db/factories';

let admin: TestUser;
let pm: TestUser;
beforeAll(async () => {
  const departmentId = (await makeDepartment(db)).id;
  admin = await userWithRole('admin', { departmentId });
  pm = await userWithRole('pm', { departmentId });
});

describe('meeting settings', () => {
  it('starts from the defaults: 7 days and 40%', async () => {
    expect(await getMeetingSettings(admin)).toEqual({ prereadLeadDays: 7, maxDepartmentSharePercent: 40 });
  });

  it('saves form strings as a whole number of days and a fraction, and logs before/after', async () => {
    await saveMeetingSettings(admin, { prereadLeadDays: '10', maxDepartmentSharePercent: '35' });
    expect(await getSetting(db, 'prereadLeadDays')).toBe(10);
    expect(await getSetting(db, 'maxDepartmentShare')).toBeCloseTo(0.35);
    expect((await eventsOf('user', admin.id)).at(-1)).toMatchObject({
      type: 'settings.updated',
      data: { after: { prereadLeadDays: 10 } },
    });
  });

  it.each([
    [{ prereadLeadDays: '-1', maxDepartmentSharePercent: '40' }, 'prereadLeadDays'],
    [{ prereadLeadDays: '2.5', maxDepartmentSharePercent: '40' }, 'prereadLeadDays'],
    [{ prereadLeadDays: '7', maxDepartmentSharePercent: '150' }, 'maxDepartmentSharePercent'],
    [{ prereadLeadDays: '7', maxDepartmentSharePercent: 'half' }, 'maxDepartmentSharePercent'],
  ])('refuses %j on %s and keeps the stored value', async (input, field) => {
    const before = await getMeetingSettings(admin);
    expect((await validationErrorOf(() => saveMeetingSettings(admin, input))).fieldErrors[field]).toHaveLength(1);
    expect(await getMeetingSettings(admin)).toEqual(before);
  });

  it('is admin only', async () => {
    await expect(saveMeetingSettings(pm, { prereadLeadDays: '1', maxDepartmentSharePercent: '90' })).rejects.toThrow(
      ForbiddenError,
    );
  });
});
