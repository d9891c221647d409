import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeTheme } from '@/db/factories';
import { cycles, items, themes } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, rowCounts, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { createCycle, updateCycle } from './cycles.server';
import { addTheme, listThemes, moveTheme, removeTheme, updateTheme } from './themes.server';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { inOrder } from '@/lib/testing/in-order';

let pm: TestUser, admin: TestUser, leader: TestUser, requestor: TestUser;

beforeAll(async () => {
  [pm, admin, leader, requestor] = await inOrder(['pm', 'admin', 'leader', 'requestor'] as const, async (role) =>
    userWithRole(role),
  );
});

let n = 0;
const cycleInput = (over: Record<string, unknown> = {}) => ({
  name: `2027-Q${++n}`,
  cadence: 'quarter',
  startsOn: '2027-01-01',
  endsOn: '2027-03-31',
  capacityWeeks: '48',
  sizeWeeks: { XS: '0.5', S: '1', M: '3', L: '6', XL: '12' },
  ...over,
});

/** {id, position} of a cycle's themes, in display order. */
const themeOrder = async (cycleId: number) =>
  db
    .select({ id: themes.id, position: themes.position })
    .from(themes)
    .where(eq(themes.cycleId, cycleId))
    .orderBy(asc(themes.position));

describe('createCycle', () => {
  it('creates a cycle from form strings and logs cycle.created', async () => {
    const cycle = await createCycle(pm, cycleInput({ name: '2027-Q1 platform' }));
    expect(first(await db.select().from(cycles).where(eq(cycles.id, cycle.id)))).toMatchObject({
      name: '2027-Q1 platform',
      status: 'planning',
      capacityWeeks: 48,
      sizeWeeks: { XS: 0.5, S: 1, M: 3, L: 6, XL: 12 },
    });
    expect(await eventsOf('cycle', cycle.id)).toMatchObject([{ type: 'cycle.created', actorId: pm.id }]);
  });

  it.each([
    ['an end date before the start', { startsOn: '2027-03-01', endsOn: '2027-02-01' }, 'endsOn'],
    ['an end date equal to the start', { startsOn: '2027-03-01', endsOn: '2027-03-01' }, 'endsOn'],
    ['a negative capacity', { capacityWeeks: '-5' }, 'capacityWeeks'],
    ['a zero capacity', { capacityWeeks: 0 }, 'capacityWeeks'],
    ['a capacity that is not a number', { capacityWeeks: 'lots' }, 'capacityWeeks'],
    ['a date that is not a date', { startsOn: '01/01/2027' }, 'startsOn'],
    ['a day that does not exist', { startsOn: '2027-02-30' }, 'startsOn'],
    ['a negative size in the size table', { sizeWeeks: { XS: '0.5', S: '-1', M: '3', L: '6', XL: '12' } }, 'sizeWeeks'],
    ['an empty name', { name: '  ' }, 'name'],
  ])('refuses %s (fieldErrors.%s) and writes nothing', async (_label, over, field) => {
    const before = await rowCounts();
    expect(
      (await validationErrorOf(() => createCycle(pm, cycleInput(over)))).fieldErrors[field]?.length,
    ).toBeGreaterThan(0);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a duplicate name', async () => {
    await createCycle(pm, cycleInput({ name: 'Duplicate me' }));
    const before = await rowCounts();
    expect(
      (await validationErrorOf(() => createCycle(admin, cycleInput({ name: 'Duplicate me' })))).fieldErrors.name,
    ).toEqual(['A cycle with this name already exists.']);
    expect(await rowCounts()).toEqual(before);
  });

  it("lets a cycle keep its own name on update but not take another's", async () => {
    const a = await createCycle(pm, cycleInput({ name: 'Keep A' }));
    await createCycle(pm, cycleInput({ name: 'Keep B' }));
    expect((await updateCycle(pm, a.id, cycleInput({ name: 'Keep A', capacityWeeks: 50 }))).capacityWeeks).toBe(50);
    expect(
      (await validationErrorOf(() => updateCycle(pm, a.id, cycleInput({ name: 'Keep B' })))).fieldErrors.name,
    ).toHaveLength(1);
  });

  it('is refused to leaders and requestors', async () => {
    const before = await rowCounts();
    await expect(createCycle(leader, cycleInput())).rejects.toThrow(ForbiddenError);
    await expect(createCycle(requestor, cycleInput())).rejects.toThrow(ForbiddenError);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('themes', () => {
  const themeInput = (name: string) => ({ name, keyOutcome: `${name} improves a metric` });

  it('addTheme appends at the next dense position', async () => {
    const cycle = await makeCycle(db);
    const added = [];
    for (const name of ['Growth', 'Reliability', 'Cost']) added.push(await addTheme(pm, cycle.id, themeInput(name)));
    expect(added.map((t) => t.position)).toEqual([0, 1, 2]);
    expect(await eventsOf('theme', added[0].id)).toMatchObject([{ type: 'theme.created' }]);
  });

  it('addTheme validates, and 404s an unknown cycle', async () => {
    const cycle = await makeCycle(db);
    expect(
      (await validationErrorOf(() => addTheme(pm, cycle.id, { name: '', keyOutcome: '' }))).fieldErrors,
    ).toMatchObject({
      name: [expect.any(String)],
      keyOutcome: [expect.any(String)],
    });
    await expect(addTheme(pm, 987_654, themeInput('Orphan'))).rejects.toThrow(NotFoundError);
    expect(await themeOrder(cycle.id)).toEqual([]);
  });

  it('updateTheme changes name and outcome, logging only the change', async () => {
    const cycle = await makeCycle(db);
    const theme = await addTheme(pm, cycle.id, themeInput('Growth'));
    const after = await updateTheme(pm, cycle.id, theme.id, { name: 'Growth', keyOutcome: '+10% activation' });
    expect(after).toMatchObject({ name: 'Growth', keyOutcome: '+10% activation', position: 0 });
    expect((await eventsOf('theme', theme.id)).at(-1)!.data.changes).toEqual({
      keyOutcome: { from: 'Growth improves a metric', to: '+10% activation' },
    });
  });

  it('updateTheme refuses a theme of another cycle', async () => {
    const theme = await makeTheme(db, (await makeCycle(db)).id);
    await expect(updateTheme(pm, (await makeCycle(db)).id, theme.id, themeInput('Hijack'))).rejects.toThrow(
      NotFoundError,
    );
  });

  it('moveTheme swaps neighbours and keeps positions dense; moving past an end does nothing', async () => {
    const cycle = await makeCycle(db);
    const [a, b, c] = await inOrder(['A', 'B', 'C'], async (name) => makeTheme(db, cycle.id, { name }));

    await moveTheme(pm, cycle.id, c.id, 'up');
    expect(await themeOrder(cycle.id)).toEqual([
      { id: a.id, position: 0 },
      { id: c.id, position: 1 },
      { id: b.id, position: 2 },
    ]);

    await moveTheme(pm, cycle.id, a.id, 'down');
    expect(await themeOrder(cycle.id)).toEqual([
      { id: c.id, position: 0 },
      { id: a.id, position: 1 },
      { id: b.id, position: 2 },
    ]);

    await moveTheme(pm, cycle.id, c.id, 'up');
    await moveTheme(pm, cycle.id, b.id, 'down');
    expect((await themeOrder(cycle.id)).map((t) => t.id)).toEqual([c.id, a.id, b.id]);
  });

  it('removeTheme un-themes its items (one event per item), leaves others, and re-densifies positions', async () => {
    const cycle = await makeCycle(db);
    const [a, b, c] = await inOrder(['A', 'B', 'C'], async (name) => makeTheme(db, cycle.id, { name }));
    const inB = await inOrder([1, 2], async () =>
      makeItem(db, { requestorId: pm.id, departmentId: pm.departmentId, cycleId: cycle.id, themeId: b.id }),
    );
    const inA = await makeItem(db, {
      requestorId: pm.id,
      departmentId: pm.departmentId,
      cycleId: cycle.id,
      themeId: a.id,
    });

    await removeTheme(pm, cycle.id, b.id);

    expect(await themeOrder(cycle.id)).toEqual([
      { id: a.id, position: 0 },
      { id: c.id, position: 1 },
    ]);
    for (const item of inB) {
      expect(first(await db.select().from(items).where(eq(items.id, item.id)))).toMatchObject({
        themeId: null,
        cycleId: cycle.id,
        version: 2,
      });
      const log = (await eventsOf('item', item.id)).filter((e) => e.type === 'item.updated');
      expect(log).toHaveLength(1);
      expect(log[0].data.changes).toEqual({ themeId: { from: b.id, to: null } });
    }
    expect(first(await db.select().from(items).where(eq(items.id, inA.id)))).toMatchObject({
      themeId: a.id,
      version: 1,
    });
    expect((await eventsOf('theme', b.id)).at(-1)).toMatchObject({
      type: 'theme.deleted',
      data: { itemsUnthemed: 2 },
    });
  });

  it('listThemes counts the items of each theme', async () => {
    const cycle = await makeCycle(db);
    const [a, b] = await inOrder(['A', 'B', 'C'], async (name) => makeTheme(db, cycle.id, { name }));
    const item = async (themeId: number | null) =>
      makeItem(db, { requestorId: pm.id, departmentId: pm.departmentId, cycleId: cycle.id, themeId });
    for (let i = 0; i < 10; i++) await item(a.id);
    await item(b.id);
    await item(null);
    expect((await listThemes(pm, cycle.id)).map((t) => [t.name, t.itemCount])).toEqual([
      ['A', 10],
      ['B', 1],
      ['C', 0],
    ]);
  });

  it('is pm-only: a leader gets ForbiddenError and nothing changes', async () => {
    const cycle = await makeCycle(db);
    const [a, b] = await inOrder(['A', 'B'], async (name) => makeTheme(db, cycle.id, { name }));
    const before = await rowCounts();
    await expect(addTheme(leader, cycle.id, themeInput('Leader theme'))).rejects.toThrow(ForbiddenError);
    await expect(updateTheme(leader, cycle.id, a.id, themeInput('Renamed'))).rejects.toThrow(ForbiddenError);
    await expect(moveTheme(leader, cycle.id, b.id, 'up')).rejects.toThrow(ForbiddenError);
    await expect(removeTheme(leader, cycle.id, a.id)).rejects.toThrow(ForbiddenError);
    expect(await rowCounts()).toEqual(before);
    expect((await themeOrder(cycle.id)).map((t) => t.id)).toEqual([a.id, b.id]);
  });
});
