import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme } from '@/db/factories';
import { itemModules } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, readItem, rowCounts, sqlite, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { editItemInline } from './inline-edit.server';
import { createItem, getItemForViewer, REQUESTOR_NOT_YOURS, setItemStatus, updateItem } from './items.server';
import type { TestUser } from '@/db/factories';

let pm: TestUser, engineer: TestUser, leader: TestUser, requestor: TestUser;
let departmentId: number;

beforeAll(async () => {
  departmentId = makeDepartment(db).id;
  [pm, engineer, leader, requestor] = await Promise.all(
    (['pm', 'engineer', 'leader', 'requestor'] as const).map((role) => userWithRole(role, { departmentId })),
  );
});

/** A complete, valid item form; override what a test is about. */
function fields(over: Record<string, unknown> = {}) {
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
  it('as pm: creates a curated item with its modules and an item.created event', () => {
    const cycle = makeCycle(db);
    const mod = makeModule(db);
    const item = createItem(pm, cycle.id, fields({ moduleIds: [mod.id] }));

    expect(readItem(item.id)).toMatchObject({
      status: 'curated',
      cycleId: cycle.id,
      title: 'Export the backlog to CSV',
      estimateSize: 'M',
      estimateWeeks: null,
      version: 1,
    });
    expect(db.select().from(itemModules).where(eq(itemModules.itemId, item.id)).all()).toEqual([
      { itemId: item.id, moduleId: mod.id },
    ]);
    const log = eventsOf('item', item.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'item.created', actorId: pm.id });
    expect(log[0].data.after).toMatchObject({
      title: 'Export the backlog to CSV',
      status: 'curated',
      cycleId: cycle.id,
      moduleIds: [mod.id],
    });
  });

  it('as engineer: creates a submitted item that waits for the pm', () => {
    const cycle = makeCycle(db);
    // The engineer's form has no requestor field: they are the requestor.
    const item = createItem(engineer, cycle.id, fields({ kind: 'tech_debt', requestorId: undefined }));
    expect(readItem(item.id)).toMatchObject({
      status: 'submitted',
      kind: 'tech_debt',
      cycleId: cycle.id,
      requestorId: engineer.id,
    });
    expect(eventsOf('item', item.id).map((e) => e.type)).toEqual(['item.created']);
  });

  it("refuses an engineer's item in someone else's name, naming the field, and writes nothing", () => {
    const cycle = makeCycle(db);
    const before = rowCounts();
    const error = validationErrorOf(() => createItem(engineer, cycle.id, fields({ requestorId: requestor.id })));
    expect(error.fieldErrors.requestorId).toEqual([REQUESTOR_NOT_YOURS]);
    expect(rowCounts()).toEqual(before);
    // Naming themselves is fine; a pm names anyone, and is the requestor when naming nobody.
    expect(createItem(engineer, cycle.id, fields({ requestorId: String(engineer.id) })).requestorId).toBe(engineer.id);
    expect(createItem(pm, cycle.id, fields()).requestorId).toBe(requestor.id);
    expect(createItem(pm, cycle.id, fields({ requestorId: '' })).requestorId).toBe(pm.id);
  });

  it.each(['requestor', 'leader'] as const)('as %s: ForbiddenError and nothing written', (role) => {
    const actor = role === 'requestor' ? requestor : leader;
    const cycle = makeCycle(db);
    const before = rowCounts();
    expect(() => createItem(actor, cycle.id, fields())).toThrow(ForbiddenError);
    expect(rowCounts()).toEqual(before);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title', /required/],
    ['a 10,000-character title', { title: 'x'.repeat(10_000) }, 'title', /at most 200/],
    ['a negative estimate', { estimate: '-3' }, 'estimate', /more than 0/],
    ['an estimate that is not a size or number', { estimate: 'abc' }, 'estimate', /size/],
  ])('refuses %s with a field error and writes nothing', (_label, over, field, message) => {
    const cycle = makeCycle(db);
    const before = rowCounts();
    const error = validationErrorOf(() => createItem(pm, cycle.id, fields(over)));
    expect(error.fieldErrors[field]?.[0]).toMatch(message);
    expect(rowCounts()).toEqual(before);
  });

  it('accepts a title of exactly 200 characters', () => {
    const item = createItem(pm, makeCycle(db).id, fields({ title: 'y'.repeat(200) }));
    expect(readItem(item.id).title).toHaveLength(200);
  });

  it('refuses a theme from another cycle (fieldErrors.themeId) and writes nothing', () => {
    const cycle = makeCycle(db);
    const foreignTheme = makeTheme(db, makeCycle(db).id);
    const before = rowCounts();
    const error = validationErrorOf(() => createItem(pm, cycle.id, fields({ themeId: foreignTheme.id })));
    expect(error.fieldErrors.themeId).toEqual(['This theme belongs to another cycle.']);
    expect(rowCounts()).toEqual(before);
  });

  it('accepts a theme of its own cycle', () => {
    const cycle = makeCycle(db);
    const theme = makeTheme(db, cycle.id);
    expect(readItem(createItem(pm, cycle.id, fields({ themeId: String(theme.id) })).id).themeId).toBe(theme.id);
  });

  it('throws NotFoundError for an unknown cycle and writes nothing', () => {
    const before = rowCounts();
    expect(() => createItem(pm, 987_654, fields())).toThrow(NotFoundError);
    expect(rowCounts()).toEqual(before);
  });
});

describe('updateItem', () => {
  it('refuses a stale version with ConflictError and leaves the item as it was', () => {
    const item = createItem(pm, makeCycle(db).id, fields());
    updateItem(pm, item.id, fields({ title: 'First edit' }), 1);
    const eventsBefore = eventsOf('item', item.id).length;

    expect(() => updateItem(pm, item.id, fields({ title: 'Second edit, from a stale page' }), 1)).toThrow(
      ConflictError,
    );
    expect(readItem(item.id)).toMatchObject({ title: 'First edit', version: 2 });
    expect(eventsOf('item', item.id)).toHaveLength(eventsBefore);
  });

  it('bumps the version and logs item.updated with before/after of only the changed fields', () => {
    const item = createItem(pm, makeCycle(db).id, fields());
    const after = updateItem(pm, item.id, fields({ title: 'Export to CSV and XLSX', estimate: '4' }), item.version);

    expect(after).toMatchObject({ title: 'Export to CSV and XLSX', estimateSize: null, estimateWeeks: 4, version: 2 });
    const log = eventsOf('item', item.id);
    expect(log.map((e) => e.type)).toEqual(['item.created', 'item.updated']);
    expect(log[1].actorId).toBe(pm.id);
    expect(log[1].data.changes).toEqual({
      title: { from: 'Export the backlog to CSV', to: 'Export to CSV and XLSX' },
      estimateSize: { from: 'M', to: null },
      estimateWeeks: { from: null, to: 4 },
    });
  });

  it('is refused to an engineer', () => {
    const item = createItem(pm, makeCycle(db).id, fields());
    expect(() => updateItem(engineer, item.id, fields({ title: 'Engineer edit' }), 1)).toThrow(ForbiddenError);
    expect(readItem(item.id).title).toBe('Export the backlog to CSV');
  });
});

describe('setItemStatus', () => {
  const itemIn = (status: 'rejected' | 'curated') =>
    makeItem(db, { requestorId: requestor.id, departmentId, cycleId: makeCycle(db).id, status });

  it('refuses an illegal transition (rejected → scheduled) and keeps the status', () => {
    const item = itemIn('rejected');
    const eventsBefore = eventsOf('item', item.id).length;
    const error = validationErrorOf(() => setItemStatus(pm, item.id, 'scheduled'));
    expect(error.fieldErrors.status?.[0]).toMatch(/rejected item cannot change status/);
    expect(readItem(item.id)).toMatchObject({ status: 'rejected', version: 1 });
    expect(eventsOf('item', item.id)).toHaveLength(eventsBefore);
  });

  it('applies a legal transition and logs item.status_changed', () => {
    const item = itemIn('curated');
    const after = setItemStatus(pm, item.id, 'accepted', item.version, 'Fits the growth theme');
    expect(after).toMatchObject({ status: 'accepted', decisionReason: 'Fits the growth theme', version: 2 });
    const last = eventsOf('item', item.id).at(-1)!;
    expect(last).toMatchObject({ type: 'item.status_changed', actorId: pm.id });
    expect(last.data.changes).toMatchObject({ status: { from: 'curated', to: 'accepted' } });
  });

  it('refuses a stale version with ConflictError', () => {
    const item = itemIn('curated');
    setItemStatus(pm, item.id, 'accepted', item.version);
    expect(() => setItemStatus(pm, item.id, 'deferred', item.version)).toThrow(ConflictError);
    expect(readItem(item.id)).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('refuses an unknown status and an engineer', () => {
    const item = itemIn('curated');
    expect(validationErrorOf(() => setItemStatus(pm, item.id, 'shipped')).fieldErrors._form).toBeDefined();
    expect(() => setItemStatus(engineer, item.id, 'accepted')).toThrow(ForbiddenError);
    expect(readItem(item.id).status).toBe('curated');
  });
});

describe('editItemInline', () => {
  const sizeWeeks = { XS: 1, S: 2, M: 5, L: 10, XL: 20 };
  const cycleItem = () => {
    const cycle = makeCycle(db, { sizeWeeks });
    return {
      cycle,
      item: makeItem(db, { requestorId: requestor.id, departmentId, cycleId: cycle.id, status: 'curated' }),
    };
  };

  it("lets an engineer set the estimate; the row uses the cycle's size table", () => {
    const { item } = cycleItem();
    const row = editItemInline(engineer, item.id, item.version, { field: 'estimate', value: 'm' });
    expect(row).toMatchObject({ id: item.id, estimateSize: 'M', estimateWeeks: null, effectiveWeeks: 5, version: 2 });
    const last = eventsOf('item', item.id).at(-1)!;
    expect(last).toMatchObject({ type: 'item.updated', actorId: engineer.id });
    expect(last.data.changes).toEqual({ estimateSize: { from: null, to: 'M' } });

    const weeks = editItemInline(engineer, item.id, row.version, { field: 'estimate', value: '2.5' });
    expect(weeks).toMatchObject({ estimateSize: null, estimateWeeks: 2.5, effectiveWeeks: 2.5, version: 3 });
  });

  it.each([
    { field: 'theme', value: null },
    { field: 'status', value: 'accepted' },
  ])('refuses an engineer editing the $field', (edit) => {
    const { item } = cycleItem();
    const before = rowCounts();
    expect(() => editItemInline(engineer, item.id, item.version, edit)).toThrow(ForbiddenError);
    expect(rowCounts()).toEqual(before);
    expect(readItem(item.id)).toMatchObject({ status: 'curated', version: 1 });
  });

  it('refuses edits to an untriaged request or a draft, even to a role that may estimate', () => {
    const request = makeItem(db, { requestorId: requestor.id, departmentId, cycleId: null, status: 'submitted' });
    const draft = makeItem(db, {
      requestorId: requestor.id,
      departmentId,
      cycleId: cycleItem().cycle.id,
      status: 'draft',
    });
    for (const item of [request, draft]) {
      expect(() => editItemInline(engineer, item.id, item.version, { field: 'estimate', value: 'M' })).toThrow(
        ForbiddenError,
      );
      expect(readItem(item.id)).toMatchObject({ estimateSize: null, version: 1 });
    }
  });

  it('refuses a stale version and a bad estimate', () => {
    const { item } = cycleItem();
    expect(() => editItemInline(engineer, item.id, item.version + 1, { field: 'estimate', value: 'L' })).toThrow(
      ConflictError,
    );
    expect(
      validationErrorOf(() => editItemInline(engineer, item.id, item.version, { field: 'estimate', value: '-1' }))
        .fieldErrors.value,
    ).toBeDefined();
    expect(readItem(item.id)).toMatchObject({ estimateSize: null, version: 1 });
  });
});

describe('getItemForViewer', () => {
  it("hides another requestor's request and 404s an unknown id", async () => {
    const other = await userWithRole('requestor', { departmentId });
    const request = makeItem(db, { requestorId: other.id, departmentId, cycleId: null, status: 'submitted' });
    expect(getItemForViewer(other, request.id).id).toBe(request.id);
    expect(() => getItemForViewer(requestor, request.id)).toThrow(ForbiddenError);
    expect(() => getItemForViewer(requestor, 987_654)).toThrow(NotFoundError);
  });
});

describe('the events table', () => {
  it('is append-only: UPDATE and DELETE are refused by the database', () => {
    const item = makeItem(db, { requestorId: requestor.id, departmentId, cycleId: null });
    const [event] = eventsOf('item', item.id);
    expect(() => sqlite.prepare('UPDATE events SET type = ? WHERE id = ?').run('tampered', event.id)).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare('DELETE FROM events WHERE id = ?').run(event.id)).toThrow(/append-only/);
    expect(eventsOf('item', item.id)).toEqual([event]);
  });
});
