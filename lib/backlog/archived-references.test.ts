import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem, makeModule, type TestUser } from '@/db/factories';
import { setArchived } from '@/lib/directory/directory.server';
import { createRequest } from '@/lib/requests/requests.server';
import { db, readItem, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { createItem, moduleIdsOf, updateItem } from './items.server';

let admin: TestUser, pm: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
  pm = await userWithRole('pm');
});

const form = (over: Record<string, unknown>) => ({
  title: 'Export the backlog to CSV',
  description: 'One click, all columns.',
  businessBenefit: 'Saves an hour a week.',
  estimate: 'M',
  sme: 'Ana',
  sponsorId: '',
  requestorId: pm.id,
  kind: 'feature',
  themeId: '',
  moduleIds: [],
  ...over,
});

describe('archived departments and modules', () => {
  it('are refused for a new item or request', async () => {
    const cycle = await makeCycle(db);
    const dept = await makeDepartment(db);
    const mod = await makeModule(db);
    await setArchived(admin, 'department', dept.id, true);
    await setArchived(admin, 'module', mod.id, true);
    const error = await validationErrorOf(() =>
      createItem(pm, cycle.id, form({ departmentId: dept.id, moduleIds: [mod.id] })),
    );
    expect(error.fieldErrors).toMatchObject({
      departmentId: ['This department is archived: choose another.'],
      moduleIds: ['One of the modules is archived: choose another.'],
    });
    const request = await validationErrorOf(() =>
      createRequest(pm, { title: 'A request', description: 'Please.', businessBenefit: '', departmentId: dept.id }),
    );
    expect(request.fieldErrors.departmentId).toEqual(['This department is archived: choose another.']);
  });

  it('stay on an item that has them when it is edited, but cannot be newly chosen', async () => {
    const cycle = await makeCycle(db);
    const [kept, other] = [await makeDepartment(db), await makeDepartment(db)];
    const [keptModule, otherModule] = [await makeModule(db), await makeModule(db)];
    const item = await makeItem(db, {
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: kept.id,
      moduleIds: [keptModule.id],
    });
    for (const id of [kept.id, other.id]) await setArchived(admin, 'department', id, true);
    for (const id of [keptModule.id, otherModule.id]) await setArchived(admin, 'module', id, true);
    const edited = await updateItem(
      pm,
      item.id,
      form({ title: 'Renamed', departmentId: kept.id, moduleIds: [keptModule.id] }),
      item.version,
    );
    expect(edited).toMatchObject({ title: 'Renamed', departmentId: kept.id });
    expect(await moduleIdsOf(db, item.id)).toEqual([keptModule.id]);
    const error = await validationErrorOf(() =>
      updateItem(pm, item.id, form({ departmentId: other.id, moduleIds: [otherModule.id] }), edited.version),
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['departmentId', 'moduleIds']);
    expect((await readItem(item.id)).departmentId).toBe(kept.id);
  });
});
