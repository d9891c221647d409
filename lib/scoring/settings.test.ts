import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeItem, type TestUser } from '@/db/factories';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { setScoreInputs } from './inputs.server';
import { scoresOfCycle } from './scores.server';
import { getScoringSettings, updateScoringSettings } from './settings.server';

let pm: TestUser, leader: TestUser, engineer: TestUser, requestor: TestUser;

beforeAll(async () => {
  [pm, leader, engineer, requestor] = await inOrder(['pm', 'leader', 'engineer', 'requestor'] as const, async (role) =>
    userWithRole(role),
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

describe('scoring settings', () => {
  it('starts with no model and the default owners', async () => {
    const cycle = await makeCycle(db);
    expect(await getScoringSettings(leader, cycle.id)).toMatchObject({
      model: 'none',
      owners: { reach: 'leader', effort: 'engineer', job_size: 'engineer', business_value: 'leader' },
    });
  });

  it('a pm picks RICE and an owner, logged once as cycle.scoring_changed', async () => {
    const cycle = await makeCycle(db);
    const after = await updateScoringSettings(pm, cycle.id, { model: 'rice', owner_confidence: 'engineer' });
    expect(after).toMatchObject({ model: 'rice', owners: { confidence: 'engineer', reach: 'leader' } });
    expect(await getScoringSettings(pm, cycle.id)).toEqual(after);
    expect(await eventsOf('cycle', cycle.id)).toMatchObject([
      {
        type: 'cycle.scoring_changed',
        actorId: pm.id,
        data: { model: { from: 'none', to: 'rice' }, owners: { confidence: { from: 'leader', to: 'engineer' } } },
      },
    ]);
    // Saving the same again changes and logs nothing.
    await updateScoringSettings(pm, cycle.id, { model: 'rice', owner_confidence: 'engineer' });
    expect(await eventsOf('cycle', cycle.id)).toHaveLength(1);
  });

  it('refuses an unknown model or owner role, naming the field, and leaders', async () => {
    const cycle = await makeCycle(db);
    expect(
      (await validationErrorOf(() => updateScoringSettings(pm, cycle.id, { model: 'ice' }))).fieldErrors.model,
    ).toHaveLength(1);
    expect(
      (await validationErrorOf(() => updateScoringSettings(pm, cycle.id, { model: 'rice', owner_reach: 'requestor' })))
        .fieldErrors.owner_reach,
    ).toHaveLength(1);
    await expect(updateScoringSettings(leader, cycle.id, { model: 'rice' })).rejects.toThrow(ForbiddenError);
    await expect(updateScoringSettings(pm, 987_654, { model: 'rice' })).rejects.toThrow(NotFoundError);
    expect((await getScoringSettings(pm, cycle.id)).model).toBe('none');
  });

  it('switching models keeps inputs already given, which count again on the way back', async () => {
    const {
      cycle,
      items: [item],
    } = await cycleWith('rice');
    await setScoreInputs(leader, {
      cycleId: item.cycleId!,
      itemId: item.id,
      values: { reach: '100', impact: '1', confidence: '50' },
    });
    await setScoreInputs(engineer, { cycleId: item.cycleId!, itemId: item.id, values: { effort: '5' } });
    expect((await scoresOfCycle(db, cycle.id)).byItem.get(item.id)).toMatchObject({ complete: true, value: 10 });
    await updateScoringSettings(pm, cycle.id, { model: 'value_effort' });
    // Effort carries over to value/effort; value is missing.
    expect((await scoresOfCycle(db, cycle.id)).byItem.get(item.id)).toMatchObject({
      complete: false,
      missing: ['Value'],
    });
    await updateScoringSettings(pm, cycle.id, { model: 'rice' });
    expect((await scoresOfCycle(db, cycle.id)).byItem.get(item.id)).toMatchObject({ complete: true, value: 10 });
  });
});
