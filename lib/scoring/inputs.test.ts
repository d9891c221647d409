import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, type TestUser } from '@/db/factories';
import { itemScoreInputs, items } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { countRows, db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { getScoreSheet, setScoreInputs } from './inputs.server';
import { updateScoringSettings } from './settings.server';

let pm: TestUser, admin: TestUser, leader: TestUser, engineer: TestUser, requestor: TestUser;

beforeAll(async () => {
  [pm, admin, leader, engineer, requestor] = await inOrder(
    ['pm', 'admin', 'leader', 'engineer', 'requestor'] as const,
    async (role) => userWithRole(role),
  );
});

async function cycleWith(model: 'rice' | 'wsjf' | 'value_effort' | 'none', titles = ['First']) {
  const cycle = await makeCycle(db, { scoringModel: model });
  const made = [];
  for (const title of titles)
    made.push(
      await makeItem(db, { cycleId: cycle.id, title, requestorId: requestor.id, departmentId: requestor.departmentId }),
    );
  return { cycle, items: made };
}

const inputCount = () => countRows('item_score_inputs');

describe('setting inputs', () => {
  it('the engineer sets effort but not reach; the leader reach but not effort; a requestor nothing', async () => {
    const {
      items: [item],
    } = await cycleWith('rice');
    await setScoreInputs(engineer, { cycleId: item.cycleId!, itemId: item.id, values: { effort: '2.5' } });
    await setScoreInputs(leader, {
      cycleId: item.cycleId!,
      itemId: item.id,
      values: { reach: '40', impact: '0.5', confidence: '100' },
    });
    const before = await inputCount();
    await expect(
      setScoreInputs(engineer, { cycleId: item.cycleId!, itemId: item.id, values: { reach: '1' } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setScoreInputs(leader, { cycleId: item.cycleId!, itemId: item.id, values: { effort: '1' } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setScoreInputs(requestor, { cycleId: item.cycleId!, itemId: item.id, values: { reach: '1' } }),
    ).rejects.toThrow(ForbiddenError);
    expect(await inputCount()).toBe(before);
    const given = await db.select().from(itemScoreInputs).where(eq(itemScoreInputs.itemId, item.id));
    expect(Object.fromEntries(given.map((g) => [g.input, [g.value, g.setBy]]))).toEqual({
      effort: [2.5, engineer.id],
      reach: [40, leader.id],
      impact: [0.5, leader.id],
      confidence: [100, leader.id],
    });
    const events = (await eventsOf('item', item.id)).filter((e) => e.type === 'item.score_input_set');
    expect(events.map((e) => e.data)).toEqual([
      { model: 'rice', input: 'effort', from: null, to: 2.5 },
      { model: 'rice', input: 'reach', from: null, to: 40 },
      { model: 'rice', input: 'impact', from: null, to: 0.5 },
      { model: 'rice', input: 'confidence', from: null, to: 100 },
    ]);
  });

  it('a pm and an admin may set any input, and an owner change moves the right', async () => {
    const {
      cycle,
      items: [item],
    } = await cycleWith('wsjf');
    await setScoreInputs(pm, { cycleId: item.cycleId!, itemId: item.id, values: { job_size: '3' } });
    await setScoreInputs(admin, { cycleId: item.cycleId!, itemId: item.id, values: { time_criticality: '7' } });
    await expect(
      setScoreInputs(leader, { cycleId: item.cycleId!, itemId: item.id, values: { job_size: '4' } }),
    ).rejects.toThrow(ForbiddenError);
    await updateScoringSettings(pm, cycle.id, { model: 'wsjf', owner_job_size: 'leader' });
    await setScoreInputs(leader, { cycleId: item.cycleId!, itemId: item.id, values: { job_size: '4' } });
    await expect(
      setScoreInputs(engineer, { cycleId: item.cycleId!, itemId: item.id, values: { job_size: '5' } }),
    ).rejects.toThrow(ForbiddenError);
  });

  it.each([
    [
      'RICE confidence 101',
      'rice',
      { confidence: '101' },
      'input_confidence',
      'Confidence for “Scored” must be at most 100.',
    ],
    [
      'RICE impact 1.5',
      'rice',
      { impact: '1.5' },
      'input_impact',
      expect.stringContaining('Impact for “Scored” must be one of'),
    ],
    ['a negative reach', 'rice', { reach: '-1' }, 'input_reach', 'Reach for “Scored” must be at least 0.'],
    ['a reach that is not a number', 'rice', { reach: '12abc' }, 'input_reach', 'Reach for “Scored” must be a number.'],
    ['WSJF job size 0', 'wsjf', { job_size: '0' }, 'input_job_size', 'Job size for “Scored” must be at least 1.'],
    ['an input of another model', 'wsjf', { reach: '3' }, 'input_reach', 'Reach for “Scored” is not an input of WSJF.'],
  ] as const)('refuses %s, naming input and item, and writes nothing', async (_l, model, values, field, message) => {
    const {
      items: [item],
    } = await cycleWith(model, ['Scored']);
    const before = [await inputCount(), await countRows('events')];
    const error = await validationErrorOf(() =>
      setScoreInputs(pm, { cycleId: item.cycleId!, itemId: item.id, values }),
    );
    expect(error.fieldErrors[field]).toEqual([message]);
    expect([await inputCount(), await countRows('events')]).toEqual(before);
  });

  it('one bad value in a row writes none of the row', async () => {
    const {
      items: [item],
    } = await cycleWith('rice');
    const before = await inputCount();
    await validationErrorOf(() =>
      setScoreInputs(pm, { cycleId: item.cycleId!, itemId: item.id, values: { reach: '10', confidence: '150' } }),
    );
    expect(await inputCount()).toBe(before);
  });

  it('clears with an empty value, skips unchanged ones, and refuses a cycle without a model', async () => {
    const {
      items: [item],
    } = await cycleWith('value_effort');
    await setScoreInputs(pm, { cycleId: item.cycleId!, itemId: item.id, values: { value: '4', effort: '2' } });
    expect(
      await setScoreInputs(pm, { cycleId: item.cycleId!, itemId: item.id, values: { value: '4', effort: '' } }),
    ).toEqual({
      itemId: item.id,
      changed: 1,
    });
    expect(await db.select().from(itemScoreInputs).where(eq(itemScoreInputs.itemId, item.id))).toHaveLength(1);
    const none = await cycleWith('none');
    await expect(
      setScoreInputs(pm, { cycleId: none.items[0].cycleId!, itemId: none.items[0].id, values: { value: '4' } }),
    ).rejects.toThrow(ConflictError);
    await expect(
      setScoreInputs(pm, { cycleId: item.cycleId!, itemId: 987_654, values: { value: '4' } }),
    ).rejects.toThrow(NotFoundError);
  });

  it('refuses an item of another cycle than the page showed', async () => {
    const {
      items: [item],
    } = await cycleWith('rice');
    const other = await makeCycle(db, { scoringModel: 'rice' });
    await expect(setScoreInputs(pm, { cycleId: other.id, itemId: item.id, values: { reach: '4' } })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('a score never changes status, rank or version', async () => {
    const {
      items: [item],
    } = await cycleWith('value_effort');
    const before = (await db.select().from(items).where(eq(items.id, item.id)))[0];
    await setScoreInputs(pm, { cycleId: item.cycleId!, itemId: item.id, values: { value: '9', effort: '1' } });
    const after = (await db.select().from(items).where(eq(items.id, item.id)))[0];
    expect(after).toEqual(before);
  });
});

describe('the score sheet and the cycle scores', () => {
  it('lists items with who set what, the viewer’s editable inputs, and sorts by score', async () => {
    const { cycle, items: made } = await cycleWith('rice', ['Low', 'High', 'Partial']);
    const [low, high, partial] = made;
    await db.update(items).set({ estimateSize: 'M' }).where(eq(items.id, low.id)); // 3 weeks from the size table
    await setScoreInputs(leader, {
      cycleId: low.cycleId!,
      itemId: low.id,
      values: { reach: '30', impact: '1', confidence: '100' },
    });
    await setScoreInputs(leader, {
      cycleId: high.cycleId!,
      itemId: high.id,
      values: { reach: '300', impact: '2', confidence: '50' },
    });
    await setScoreInputs(engineer, { cycleId: high.cycleId!, itemId: high.id, values: { effort: '6' } });
    await setScoreInputs(leader, { cycleId: partial.cycleId!, itemId: partial.id, values: { reach: '999' } });

    const sheet = await getScoreSheet(engineer, cycle.id);
    expect(sheet.editable).toEqual(['effort']);
    expect((await getScoreSheet(leader, cycle.id)).editable).toEqual(['reach', 'impact', 'confidence']);
    expect((await getScoreSheet(pm, cycle.id)).editable).toEqual(['reach', 'impact', 'confidence', 'effort']);
    const row = (id: number) => sheet.rows.find((r) => r.id === id)!;
    expect(row(low.id).score).toMatchObject({ complete: true, value: 10, effortFromEstimate: true });
    expect(row(high.id).score).toMatchObject({ complete: true, value: 50 });
    expect(row(high.id).given.effort).toMatchObject({ value: 6, setByName: engineer.name });
    expect(row(partial.id).score).toMatchObject({ complete: false, given: 1, total: 4 });
    await expect(getScoreSheet(requestor, cycle.id)).rejects.toThrow(ForbiddenError);
  });
});
