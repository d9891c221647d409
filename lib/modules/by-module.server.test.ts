import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeItem, makeModule, type TestUser } from '@/db/factories';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { NO_MODULE } from './by-module';
import { cycleModulesView, firstModules } from './by-module.server';

let pm: TestUser, requestor: TestUser;
beforeAll(async () => {
  pm = await userWithRole('pm');
  requestor = await userWithRole('requestor');
});

describe('cycleModulesView', () => {
  it('groups the cycle’s planned items by module with totals, a multi-module item under each', async () => {
    const cycle = await makeCycle(db, { sizeWeeks: { XS: 0.5, S: 1, M: 3, L: 6, XL: 12 } });
    const [payments, reporting] = [await makeModule(db), await makeModule(db)];
    const at = { requestorId: pm.id, departmentId: pm.departmentId, cycleId: cycle.id };
    const both = await makeItem(db, { ...at, estimateSize: 'M', moduleIds: [payments.id, reporting.id] });
    const unestimated = await makeItem(db, { ...at, moduleIds: [payments.id] });
    const loose = await makeItem(db, { ...at, estimateWeeks: 2.5 });
    await makeItem(db, { ...at, status: 'rejected', estimateWeeks: 9, moduleIds: [payments.id] });
    await makeItem(db, { ...at, status: 'draft', estimateWeeks: 9 });
    const other = await makeCycle(db);
    await makeItem(db, { ...at, cycleId: other.id, estimateWeeks: 9, moduleIds: [payments.id] });

    const view = await cycleModulesView(pm, cycle.id);
    const byName = new Map(view.groups.map((g) => [g.name, g]));
    expect(byName.get(payments.name)).toMatchObject({ totalWeeks: 3, unestimated: 1 });
    expect(byName.get(payments.name)!.items.map((i) => [i.id, i.alsoIn])).toEqual([
      [both.id, [reporting.name]],
      [unestimated.id, []],
    ]);
    expect(byName.get(reporting.name)).toMatchObject({ totalWeeks: 3, unestimated: 0 });
    expect(byName.get(reporting.name)!.items.map((i) => [i.id, i.alsoIn])).toEqual([[both.id, [payments.name]]]);
    expect(view.groups.at(-1)).toMatchObject({ name: NO_MODULE, totalWeeks: 2.5, unestimated: 0 });
    expect(view.groups.at(-1)!.items.map((i) => i.id)).toEqual([loose.id]);
    expect(view.groups).toHaveLength(3);
  });

  it('refuses someone who may not read the backlog, and an unknown cycle', async () => {
    const cycle = await makeCycle(db);
    await expect(cycleModulesView(requestor, cycle.id)).rejects.toThrow(ForbiddenError);
    await expect(cycleModulesView(pm, 987654)).rejects.toThrow(NotFoundError);
  });
});

describe('firstModules', () => {
  it('gives each item with a module its first module by name, for keeping modules together', async () => {
    const cycle = await makeCycle(db);
    const [zeta, alpha] = [await makeModule(db, `Zeta ${cycle.id}`), await makeModule(db, `Alpha ${cycle.id}`)];
    const at = { requestorId: pm.id, departmentId: pm.departmentId, cycleId: cycle.id };
    const both = await makeItem(db, { ...at, moduleIds: [zeta.id, alpha.id] });
    const one = await makeItem(db, { ...at, moduleIds: [zeta.id] });
    const none = await makeItem(db, at);
    expect(await firstModules(db, [both.id, one.id, none.id])).toEqual({ [both.id]: alpha.id, [one.id]: zeta.id });
    expect(await firstModules(db, [])).toEqual({});
  });
});
