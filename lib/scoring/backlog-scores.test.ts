import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeMeeting, type TestUser } from '@/db/factories';
import { cycles, items } from '@/db/schema';
import { backlogMeta, backlogRow, listBacklogRows } from '@/lib/backlog/list.server';
import { rowsInView } from '@/lib/backlog/view-rows';
import type { BacklogView } from '@/lib/backlog/view';
import { db, userWithRole } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { setScoreInputs } from './inputs.server';
import { getAgendaEditor } from '@/lib/meetings/agenda.server';
import { orderByScore } from './formulas';
import { makeDistributedPreread } from '@/lib/prereads/test-factories';
import { openPreread } from '@/lib/prereads/read.server';
import { scoresForPreread } from '@/lib/prereads/preread-scores.server';

let pm: TestUser, requestor: TestUser;
beforeAll(async () => {
  [pm, requestor] = await inOrder(['pm', 'requestor'] as const, async (role) => userWithRole(role));
});

const view = (sort: BacklogView['sort']): BacklogView => ({
  q: '',
  theme: null,
  dept: null,
  kind: null,
  status: null,
  module: null,
  sort,
  group: null,
  hide: [],
});

async function scoredCycle() {
  const cycle = await makeCycle(db, { scoringModel: 'value_effort' });
  const made: Record<string, number> = {};
  for (const title of ['Two', 'Partial', 'Eight', 'Half', 'Empty'])
    made[title] = (
      await makeItem(db, { cycleId: cycle.id, title, requestorId: requestor.id, departmentId: requestor.departmentId })
    ).id;
  const set = (title: string, values: Record<string, string>) =>
    setScoreInputs(pm, { cycleId: cycle.id, itemId: made[title], values });
  await set('Two', { value: '4', effort: '2' });
  await set('Partial', { value: '10' });
  await set('Eight', { value: '8', effort: '1' });
  await set('Half', { value: '1', effort: '2' });
  return { cycle, made };
}

describe('scores in the backlog', () => {
  it('sorts by score either way, incomplete scores always last', async () => {
    const { cycle } = await scoredCycle();
    const rows = await listBacklogRows(pm, cycle.id);
    const titles = (desc: boolean) => rowsInView(rows, view({ id: 'score', desc })).map((r) => r.title);
    expect(titles(true)).toEqual(['Eight', 'Two', 'Half', 'Partial', 'Empty']);
    expect(titles(false)).toEqual(['Half', 'Two', 'Eight', 'Partial', 'Empty']);
    expect(rows.find((r) => r.title === 'Partial')?.score).toMatchObject({ complete: false, given: 1, total: 2 });
  });

  it('has no scoring without a model, and an inline-edited row keeps its score', async () => {
    const plain = await makeCycle(db);
    expect((await backlogMeta(pm, plain.id)).scoring).toBeUndefined();
    const { cycle, made } = await scoredCycle();
    expect((await backlogMeta(pm, cycle.id)).scoring?.modelName).toBe('Value / effort');
    // The estimate stands in for effort, so an estimate makes a partial score whole.
    await db.update(items).set({ estimateWeeks: 5 }).where(eq(items.id, made.Partial));
    expect((await backlogRow(db, made.Partial)).score).toMatchObject({
      complete: true,
      value: 2,
      effortFromEstimate: true,
    });
  });
});

describe('scores in the agenda editor', () => {
  it('come with the editor data, and sort the agenda without changing it', async () => {
    const { cycle, made } = await scoredCycle();
    const agenda = [made.Partial, made.Two, made.Eight, made.Half];
    const meeting = await makeMeeting(db, { cycleId: cycle.id, facilitatorId: pm.id, itemIds: agenda });
    const data = await getAgendaEditor(pm, meeting.id);
    expect(data.scoring?.modelName).toBe('Value / effort');
    expect(orderByScore(data.included, data.scoring!.scores)).toEqual([made.Eight, made.Two, made.Half, made.Partial]);
    expect((await getAgendaEditor(pm, meeting.id)).included).toEqual(agenda);
  });
});

describe('scores on the pre-read', () => {
  it('shows the current scores of the items the viewer reads, and none without a model', async () => {
    const { cycle, made } = await scoredCycle();
    const { meeting } = await makeDistributedPreread(db, {
      cycleId: cycle.id,
      facilitatorId: pm.id,
      itemIds: [made.Two, made.Partial],
    });
    const view = await openPreread(pm, meeting.id);
    if (!view.distributed) throw new Error('expected a distributed pre-read');
    const scoring = await scoresForPreread(view);
    expect(scoring?.modelName).toBe('Value / effort');
    expect(Object.keys(scoring!.scores).map(Number).sort()).toEqual([made.Two, made.Partial].sort());
    expect(scoring!.scores[made.Two]).toMatchObject({ complete: true, value: 2 });

    await db.update(cycles).set({ scoringModel: 'none' }).where(eq(cycles.id, cycle.id));
    expect(await scoresForPreread(view)).toBeUndefined();
  });
});
