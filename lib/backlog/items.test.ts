import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme } from '@/db/factories';
import { itemModules } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, readItem, rowCounts, execute, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { editItemInline } from './inline-edit.server';
import { createItem, getItemForViewer, REQUESTOR_NOT_YOURS, setItemStatus, updateItem } from './items.server';
import type { TestUser } from '@/db/factories';
import { inOrder } from '@/lib/testing/in-order';
import { plainStatusTargets } from './status-machine';

let pm: TestUser, engineer: TestUser, leader: TestUser, requestor: TestUser;
let departmentId: number;

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  [pm, engineer, leader, requestor] = await inOrder(['pm', 'engineer', 'leader', 'requestor'] as const, async (role) =>
    userWithRole(role, { departmentId }),
  );
});

/** A complete, valid item form; override what a test is about. */
async function fields(over: Record<string, unknown> = {}) {
  return {
    title: 'Export the backlog to CSV',
    description: 'One click, all columns.',
    businessBenefit: 'Saves an hour a week.',
    estimate: 'M',
    sme: 'Ana',
    sponsorId: '',
    requestorId: requestor.id,
    departmentId,
    kind: 'feature',
    themeId: '',
    moduleIds: [],
    ...over,
  };
}

describe('createItem', () => {
  it('as pm: creates a curated item with its modules and an item.created event', async () => {
    const cycle = await makeCycle(db);
    const mod = await makeModule(db);
    const item = await createItem(pm, cycle.id, await fields({ moduleIds: [mod.id] }));

    expect(await readItem(item.id)).toMatchObject({
      status: 'curated',
      cycleId: cycle.id,
      title: 'Export the backlog to CSV',
      estimateSize: 'M',
      estimateWeeks: null,
      version: 1,
    });
    expect(await db.select().from(itemModules).where(eq(itemModules.itemId, item.id))).toEqual([
      { itemId: item.id, moduleId: mod.id },
    ]);
    const log = await eventsOf('item', item.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'item.created', actorId: pm.id });
    expect(log[0].data.after).toMatchObject({
      title: 'Export the backlog to CSV',
      status: 'curated',
      cycleId: cycle.id,
      moduleIds: [mod.id],
    });
  });

  it('as engineer: creates a submitted item that waits for the pm', async () => {
    const cycle = await makeCycle(db);
    // The engineer's form has no requestor field: they are the requestor.
    const item = await createItem(engineer, cycle.id, await fields({ kind: 'tech_debt', requestorId: undefined }));
    expect(await readItem(item.id)).toMatchObject({
      status: 'submitted',
      kind: 'tech_debt',
      cycleId: cycle.id,
      requestorId: engineer.id,
    });
    expect((await eventsOf('item', item.id)).map((e) => e.type)).toEqual(['item.created']);
  });

  it("refuses an engineer's item in someone else's name, naming the field, and writes nothing", async () => {
    const cycle = await makeCycle(db);
    const before = await rowCounts();
    const error = await validationErrorOf(async () =>
      createItem(engineer, cycle.id, await fields({ requestorId: requestor.id })),
    );
    expect(error.fieldErrors.requestorId).toEqual([REQUESTOR_NOT_YOURS]);
    expect(await rowCounts()).toEqual(before);
    // Naming themselves is fine; a pm names anyone, and is the requestor when naming nobody.
    expect((await createItem(engineer, cycle.id, await fields({ requestorId: String(engineer.id) }))).requestorId).toBe(
      engineer.id,
    );
    expect((await createItem(pm, cycle.id, await fields())).requestorId).toBe(requestor.id);
    expect((await createItem(pm, cycle.id, await fields({ requestorId: '' }))).requestorId).toBe(pm.id);
  });

  it.each(['requestor', 'leader'] as const)('as %s: ForbiddenError and nothing written', async (role) => {
    const actor = role === 'requestor' ? requestor : leader;
    const cycle = await makeCycle(db);
    const before = await rowCounts();
    await expect(createItem(actor, cycle.id, await fields())).rejects.toThrow(ForbiddenError);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title', /required/],
    ['a 10,000-character title', { title: 'x'.repeat(10_000) }, 'title', /at most 200/],
    ['a negative estimate', { estimate: '-3' }, 'estimate', /more than 0/],
    ['an estimate that is not a size or number', { estimate: 'abc' }, 'estimate', /size/],
  ])('refuses %s with a field error and writes nothing', async (_label, over, field, message) => {
    const cycle = await makeCycle(db);
    const before = await rowCounts();
    const error = await validationErrorOf(async () => createItem(pm, cycle.id, await fields(over)));
    expect(error.fieldErrors[field]?.[0]).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts a title of exactly 200 characters', async () => {
    const item = await createItem(pm, (await makeCycle(db)).id, await fields({ title: 'y'.repeat(200) }));
    expect((await readItem(item.id)).title).toHaveLength(200);
  });

  it('refuses a theme from another cycle (fieldErrors.themeId) and writes nothing', async () => {
    const cycle = await makeCycle(db);
    const foreignTheme = await makeTheme(db, (await makeCycle(db)).id);
    const before = await rowCounts();
    const error = await validationErrorOf(async () =>
      createItem(pm, cycle.id, await fields({ themeId: foreignTheme.id })),
    );
    expect(error.fieldErrors.themeId).toEqual(['This theme belongs to another cycle.']);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts a theme of its own cycle', async () => {
    const cycle = await makeCycle(db);
    const theme = await makeTheme(db, cycle.id);
    expect(
      (await readItem((await createItem(pm, cycle.id, await fields({ themeId: String(theme.id) }))).id)).themeId,
    ).toBe(theme.id);
  });

  it('throws NotFoundError for an unknown cycle and writes nothing', async () => {
    const before = await rowCounts();
    await expect(createItem(pm, 987_654, await fields())).rejects.toThrow(NotFoundError);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('updateItem', () => {
  it('refuses a stale version with ConflictError and leaves the item as it was', async () => {
    const item = await createItem(pm, (await makeCycle(db)).id, await fields());
    await updateItem(pm, item.id, await fields({ title: 'First edit' }), 1);
    const eventsBefore = (await eventsOf('item', item.id)).length;

    await expect(updateItem(pm, item.id, await fields({ title: 'Second edit, from a stale page' }), 1)).rejects.toThrow(
      ConflictError,
    );
    expect(await readItem(item.id)).toMatchObject({ title: 'First edit', version: 2 });
    expect(await eventsOf('item', item.id)).toHaveLength(eventsBefore);
  });

  it('bumps the version and logs item.updated with before/after of only the changed fields', async () => {
    const item = await createItem(pm, (await makeCycle(db)).id, await fields());
    const after = await updateItem(
      pm,
      item.id,
      await fields({ title: 'Export to CSV and XLSX', estimate: '4' }),
      item.version,
    );

    expect(after).toMatchObject({ title: 'Export to CSV and XLSX', estimateSize: null, estimateWeeks: 4, version: 2 });
    const log = await eventsOf('item', item.id);
    expect(log.map((e) => e.type)).toEqual(['item.created', 'item.updated']);
    expect(log[1].actorId).toBe(pm.id);
    expect(log[1].data.changes).toEqual({
      title: { from: 'Export the backlog to CSV', to: 'Export to CSV and XLSX' },
      estimateSize: { from: 'M', to: null },
      estimateWeeks: { from: null, to: 4 },
    });
  });

  it('is refused to an engineer', async () => {
    const item = await createItem(pm, (await makeCycle(db)).id, await fields());
    await expect(updateItem(engineer, item.id, await fields({ title: 'Engineer edit' }), 1)).rejects.toThrow(
      ForbiddenError,
    );
    expect((await readItem(item.id)).title).toBe('Export the backlog to CSV');
  });
});

describe('setItemStatus', () => {
  const itemIn = async (status: 'rejected' | 'curated') =>
    makeItem(db, { requestorId: requestor.id, departmentId, cycleId: (await makeCycle(db)).id, status });

  it('refuses an illegal transition (rejected → scheduled) and keeps the status', async () => {
    const item = await itemIn('rejected');
    const eventsBefore = (await eventsOf('item', item.id)).length;
    const error = await validationErrorOf(() => setItemStatus(pm, item.id, 'scheduled'));
    expect(error.fieldErrors.status?.[0]).toMatch(/rejected item cannot change status/);
    expect(await readItem(item.id)).toMatchObject({ status: 'rejected', version: 1 });
    expect(await eventsOf('item', item.id)).toHaveLength(eventsBefore);
  });

  it('leaves delivery, merging and asking for information to their own steps, writing nothing', async () => {
    const cycleId = (await makeCycle(db)).id;
    const scheduled = await makeItem(db, { requestorId: requestor.id, departmentId, cycleId, status: 'scheduled' });
    const inDelivery = await makeItem(db, { requestorId: requestor.id, departmentId, cycleId, status: 'in_delivery' });
    const curated = await itemIn('curated');
    for (const [item, to, message] of [
      [scheduled, 'in_delivery', /on the delivery schedule/],
      [inDelivery, 'delivered', /on the delivery schedule/],
      [inDelivery, 'scheduled', /on the delivery schedule/],
      [curated, 'merged', /Merge a duplicate/],
    ] as const) {
      const error = await validationErrorOf(() => setItemStatus(pm, item.id, to));
      expect(error.fieldErrors.status?.[0]).toMatch(message);
      expect((await readItem(item.id)).status).toBe(item.status);
    }
    expect(plainStatusTargets('scheduled')).toEqual(['deferred']);
    expect(plainStatusTargets('in_delivery')).toEqual([]);
  });

  it('applies a legal transition and logs item.status_changed', async () => {
    const item = await itemIn('curated');
    const after = await setItemStatus(pm, item.id, 'accepted', item.version, 'Fits the growth theme');
    expect(after).toMatchObject({ status: 'accepted', decisionReason: 'Fits the growth theme', version: 2 });
    const last = (await eventsOf('item', item.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'item.status_changed', actorId: pm.id });
    expect(last.data.changes).toMatchObject({ status: { from: 'curated', to: 'accepted' } });
  });

  it('refuses a stale version with ConflictError', async () => {
    const item = await itemIn('curated');
    await setItemStatus(pm, item.id, 'accepted', item.version);
    await expect(setItemStatus(pm, item.id, 'deferred', item.version)).rejects.toThrow(ConflictError);
    expect(await readItem(item.id)).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('refuses an unknown status and an engineer', async () => {
    const item = await itemIn('curated');
    expect((await validationErrorOf(() => setItemStatus(pm, item.id, 'shipped'))).fieldErrors._form).toBeDefined();
    await expect(setItemStatus(engineer, item.id, 'accepted')).rejects.toThrow(ForbiddenError);
    expect((await readItem(item.id)).status).toBe('curated');
  });
});

describe('editItemInline', () => {
  const sizeWeeks = { XS: 1, S: 2, M: 5, L: 10, XL: 20 };
  const cycleItem = async () => {
    const cycle = await makeCycle(db, { sizeWeeks });
    return {
      cycle,
      item: await makeItem(db, { requestorId: requestor.id, departmentId, cycleId: cycle.id, status: 'curated' }),
    };
  };

  it("lets an engineer set the estimate; the row uses the cycle's size table", async () => {
    const { item } = await cycleItem();
    const row = await editItemInline(engineer, item.id, item.version, { field: 'estimate', value: 'm' });
    expect(row).toMatchObject({ id: item.id, estimateSize: 'M', estimateWeeks: null, effectiveWeeks: 5, version: 2 });
    const last = (await eventsOf('item', item.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'item.updated', actorId: engineer.id });
    expect(last.data.changes).toEqual({ estimateSize: { from: null, to: 'M' } });

    const weeks = await editItemInline(engineer, item.id, row.version, { field: 'estimate', value: '2.5' });
    expect(weeks).toMatchObject({ estimateSize: null, estimateWeeks: 2.5, effectiveWeeks: 2.5, version: 3 });
  });

  it.each([
    { field: 'theme', value: null },
    { field: 'status', value: 'accepted' },
  ])('refuses an engineer editing the $field', async (edit) => {
    const { item } = await cycleItem();
    const before = await rowCounts();
    await expect(editItemInline(engineer, item.id, item.version, edit)).rejects.toThrow(ForbiddenError);
    expect(await rowCounts()).toEqual(before);
    expect(await readItem(item.id)).toMatchObject({ status: 'curated', version: 1 });
  });

  it('refuses edits to an untriaged request or a draft, even to a role that may estimate', async () => {
    const request = await makeItem(db, { requestorId: requestor.id, departmentId, cycleId: null, status: 'submitted' });
    const draft = await makeItem(db, {
      requestorId: requestor.id,
      departmentId,
      cycleId: (await cycleItem()).cycle.id,
      status: 'draft',
    });
    for (const item of [request, draft]) {
      await expect(editItemInline(engineer, item.id, item.version, { field: 'estimate', value: 'M' })).rejects.toThrow(
        ForbiddenError,
      );
      expect(await readItem(item.id)).toMatchObject({ estimateSize: null, version: 1 });
    }
  });

  it('refuses a stale version and a bad estimate', async () => {
    const { item } = await cycleItem();
    await expect(
      editItemInline(engineer, item.id, item.version + 1, { field: 'estimate', value: 'L' }),
    ).rejects.toThrow(ConflictError);
    expect(
      (
        await validationErrorOf(() =>
          editItemInline(engineer, item.id, item.version, { field: 'estimate', value: '-1' }),
        )
      ).fieldErrors.value,
    ).toBeDefined();
    expect(await readItem(item.id)).toMatchObject({ estimateSize: null, version: 1 });
  });
});

describe('getItemForViewer', () => {
  it("hides another requestor's request and 404s an unknown id", async () => {
    const other = await userWithRole('requestor', { departmentId });
    const request = await makeItem(db, { requestorId: other.id, departmentId, cycleId: null, status: 'submitted' });
    expect((await getItemForViewer(other, request.id)).id).toBe(request.id);
    await expect(getItemForViewer(requestor, request.id)).rejects.toThrow(ForbiddenError);
    await expect(getItemForViewer(requestor, 987_654)).rejects.toThrow(NotFoundError);
  });
});

describe('the events table', () => {
  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    const item = await makeItem(db, { requestorId: requestor.id, departmentId, cycleId: null });
    const [event] = await eventsOf('item', item.id);
    await expect(execute('UPDATE events SET type = ? WHERE id = ?', ['tampered', event.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(execute('DELETE FROM events WHERE id = ?', [event.id])).rejects.toThrow(/append-only/);
    expect(await eventsOf('item', item.id)).toEqual([event]);
  });
});
