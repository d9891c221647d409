import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeCycle, makeItem, type TestUser } from '@/db/factories';
import { events, mapCards } from '@/db/schema';
import { first } from '@/db/rows';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { countRows, db, userWithRole } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { addActivity, addStep } from './backbone.server';
import { cullCard, moveCard, restoreCard } from './cards.server';
import { mapState } from './state.server';

let pm: TestUser, engineer: TestUser, leader: TestUser;
beforeAll(async () => {
  [pm, engineer, leader] = await inOrder(['pm', 'engineer', 'leader'] as const, (role) => userWithRole(role));
});

/** A cycle with one activity of two steps, and `n` items in its tray. */
async function world(n = 3) {
  const cycle = await makeCycle(db);
  const { activityId } = await addActivity(pm, cycle.id, { name: 'Sign up' });
  const { stepId: s1 } = await addStep(pm, cycle.id, { activityId, name: 'Enter e-mail' });
  const { stepId: s2 } = await addStep(pm, cycle.id, { activityId, name: 'Confirm' });
  const state = await mapState(pm, cycle.id);
  const [thisCycle, next] = state.slices;
  const items = [];
  for (let i = 0; i < n; i++)
    items.push(await makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId: pm.departmentId }));
  return { cycle, s1, s2, thisCycle, next, items };
}

const card = async (itemId: number) => first(await db.select().from(mapCards).where(eq(mapCards.itemId, itemId)));
const mapEvents = async (cycleId: number, type: string) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'cycle_map'), eq(events.subjectId, cycleId), eq(events.type, type)));

describe('moving cards', () => {
  it('starts every item in the tray, moves into a cell, reorders inside it and back to the tray', async () => {
    const { cycle, s1, thisCycle, items } = await world(3);
    const [a, b, c] = items;
    let state = await mapState(engineer, cycle.id);
    expect(state.cards.map((x) => [x.itemId, x.stepId, x.sliceId, x.version])).toEqual(
      items.map((i) => [i.id, null, null, 0]),
    );
    const cell = { stepId: s1, sliceId: thisCycle.id };
    expect(await moveCard(engineer, cycle.id, { itemId: a.id, version: 0, to: cell, index: 0 })).toEqual({
      version: 1,
    });
    await moveCard(engineer, cycle.id, { itemId: b.id, version: 0, to: cell, index: 0 });
    await moveCard(pm, cycle.id, { itemId: c.id, version: 0, to: cell, index: 1 });
    state = await mapState(pm, cycle.id);
    const inCell = () =>
      state.cards
        .filter((x) => x.stepId === s1 && x.sliceId === thisCycle.id)
        .sort((x, y) => x.position - y.position)
        .map((x) => x.itemId);
    expect(inCell()).toEqual([b.id, c.id, a.id]);
    // Within the cell: the first card goes last.
    await moveCard(pm, cycle.id, { itemId: b.id, version: 1, to: cell, index: 2 });
    state = await mapState(pm, cycle.id);
    expect(inCell()).toEqual([c.id, a.id, b.id]);
    // To the tray.
    expect(await moveCard(pm, cycle.id, { itemId: a.id, version: 1, to: null, index: 0 })).toEqual({ version: 2 });
    state = await mapState(pm, cycle.id);
    expect(inCell()).toEqual([c.id, b.id]);
    expect(state.cards.find((x) => x.itemId === a.id)).toMatchObject({ stepId: null, sliceId: null, version: 2 });
    const logged = await mapEvents(cycle.id, 'map.card_moved');
    expect(logged).toHaveLength(5);
    expect(logged[3]).toMatchObject({
      actorId: pm.id,
      data: { itemId: b.id, from: cell, to: cell, version: 2, order: [c.id, a.id, b.id] },
    });
  });

  it('refuses a stale version, naming who moved the card, and writes nothing', async () => {
    const { cycle, s1, s2, thisCycle, items } = await world(1);
    const [a] = items;
    await moveCard(pm, cycle.id, { itemId: a.id, version: 0, to: { stepId: s1, sliceId: thisCycle.id } });
    const before = await countRows('events');
    await expect(
      moveCard(engineer, cycle.id, { itemId: a.id, version: 0, to: { stepId: s2, sliceId: thisCycle.id } }),
    ).rejects.toMatchObject({
      status: 409,
      message: `"${a.title}" was just moved by ${pm.name}; the map now shows where it is.`,
    });
    expect(await card(a.id)).toMatchObject({ stepId: s1, version: 1 });
    expect(await countRows('events')).toBe(before);
  });

  it('refuses ids of another cycle, positions out of range and malformed input, writing nothing', async () => {
    const { cycle, s1, thisCycle, items } = await world(1);
    const other = await world(1);
    const before = await countRows('events');
    const cell = { stepId: s1, sliceId: thisCycle.id };
    const fields = async (input: unknown) => {
      const error = await moveCard(pm, cycle.id, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return Object.keys((error as ValidationError).fieldErrors);
    };
    expect(await fields({ itemId: other.items[0].id, version: 0, to: cell })).toEqual(['itemId']);
    expect(await fields({ itemId: items[0].id, version: 0, to: { stepId: other.s1, sliceId: thisCycle.id } })).toEqual([
      'stepId',
    ]);
    expect(await fields({ itemId: items[0].id, version: 0, to: { stepId: s1, sliceId: other.thisCycle.id } })).toEqual([
      'sliceId',
    ]);
    expect(await fields({ itemId: items[0].id, version: 0, to: cell, index: 1 })).toEqual(['index']);
    expect(await fields({ itemId: '3', version: -1, to: cell, index: 1.5 })).toEqual(['itemId', 'version', 'index']);
    expect(await countRows('events')).toBe(before);
    expect(await card(items[0].id)).toBeUndefined();
  });

  it('is for those who edit the map: a leader may look but not move', async () => {
    const { cycle, s1, thisCycle, items } = await world(1);
    await expect(mapState(leader, cycle.id)).resolves.toMatchObject({ canEdit: false });
    await expect(
      moveCard(leader, cycle.id, { itemId: items[0].id, version: 0, to: { stepId: s1, sliceId: thisCycle.id } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(mapState(await userWithRole('requestor'), cycle.id)).rejects.toThrow(ForbiddenError);
    expect(await card(items[0].id)).toBeUndefined();
  });
});

describe('culling', () => {
  it('takes a card off the grid with a reason, refuses moving it, and brings it back where it was', async () => {
    const { cycle, s2, next, items } = await world(2);
    const [a] = items;
    await moveCard(pm, cycle.id, { itemId: a.id, version: 0, to: { stepId: s2, sliceId: next.id } });
    await expect(cullCard(pm, cycle.id, { itemId: a.id, version: 1, reason: '  ' })).rejects.toMatchObject({
      fieldErrors: { reason: ['Give a reason for leaving it out of this cycle.'] },
    });
    await expect(cullCard(pm, cycle.id, { itemId: a.id, version: 1, reason: 'x'.repeat(501) })).rejects.toMatchObject({
      fieldErrors: { reason: ['The reason must be at most 500 characters.'] },
    });
    expect(await cullCard(pm, cycle.id, { itemId: a.id, version: 1, reason: 'Too big for now' })).toEqual({
      version: 2,
    });
    let state = await mapState(engineer, cycle.id);
    expect(state.cards.map((x) => x.itemId)).not.toContain(a.id);
    expect(state.culled).toMatchObject([{ itemId: a.id, reason: 'Too big for now', culledBy: pm.name }]);

    const before = await countRows('events');
    await expect(moveCard(engineer, cycle.id, { itemId: a.id, version: 1, to: null })).rejects.toThrow(
      `"${a.title}" was just culled by ${pm.name}: it is no longer on the map.`,
    );
    await expect(moveCard(engineer, cycle.id, { itemId: a.id, version: 2, to: null })).rejects.toThrow(ConflictError);
    expect(await countRows('events')).toBe(before);

    expect(await restoreCard(engineer, cycle.id, { itemId: a.id })).toEqual({ version: 3 });
    state = await mapState(engineer, cycle.id);
    expect(state.culled).toEqual([]);
    expect(state.cards.find((x) => x.itemId === a.id)).toMatchObject({ stepId: s2, sliceId: next.id, version: 3 });
    await expect(restoreCard(engineer, cycle.id, { itemId: a.id })).rejects.toThrow(ConflictError);
    expect((await mapEvents(cycle.id, 'map.card_culled'))[0]).toMatchObject({
      actorId: pm.id,
      data: { itemId: a.id, reason: 'Too big for now' },
    });
    expect(await mapEvents(cycle.id, 'map.card_restored')).toHaveLength(1);
  });

  it('culls a card straight from the tray (it has no row yet)', async () => {
    const { cycle, items } = await world(1);
    await cullCard(engineer, cycle.id, { itemId: items[0].id, version: 0, reason: 'Duplicate' });
    expect(await card(items[0].id)).toMatchObject({ culledBy: engineer.id, stepId: null, version: 1 });
  });
});
