import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeMeeting, type TestUser } from '@/db/factories';
import { cycles, mapCards, mapSlices } from '@/db/schema';
import { first } from '@/db/rows';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { createCycle } from '@/lib/cycles/cycles.server';
import { getAgendaEditor } from '@/lib/meetings/agenda.server';
import { defaultAgendaOrder } from '@/lib/meetings/agenda-order';
import { countRows, db, userWithRole } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { thisCycleFirst } from '@/lib/meetings/map-slice-order';
import { addActivity, addStep, deleteActivity, deleteStep, moveStep, renameActivity } from './backbone.server';
import { cullCard, moveCard } from './cards.server';
import { runMapCommand } from './commands.server';
import { addSlice, deleteSlice, moveSlice, renameSlice } from './slices.server';
import { mapState } from './state.server';

let pm: TestUser, leader: TestUser, requestor: TestUser;
beforeAll(async () => {
  [pm, leader, requestor] = await inOrder(['pm', 'leader', 'requestor'] as const, (role) => userWithRole(role));
});

const sliceNames = async (cycleId: number) => (await mapState(pm, cycleId)).slices.map((s) => [s.name, s.role]);

describe('slices', () => {
  it('every new cycle starts with This cycle, Next and Later', async () => {
    const cycle = await createCycle(pm, {
      name: `Map ${Date.now()}`,
      cadence: 'quarter',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
      capacityWeeks: '48',
      sizeWeeks: { XS: '0.5', S: '1', M: '3', L: '6', XL: '12' },
    });
    expect(await sliceNames(cycle.id)).toEqual([
      ['This cycle', 'this_cycle'],
      ['Next', 'next'],
      ['Later', 'later'],
    ]);
  });

  it('a map without slices loads, and gets them at its first write', async () => {
    const cycle = await makeCycle(db);
    await db.delete(mapSlices).where(eq(mapSlices.cycleId, cycle.id));
    expect(await sliceNames(cycle.id)).toEqual([]);
    await addActivity(pm, cycle.id, { name: 'Browse' });
    expect((await sliceNames(cycle.id)).map(([name]) => name)).toEqual(['This cycle', 'Next', 'Later']);
  });

  it('adds, renames and reorders slices; refuses bad names and other cycles’ slices', async () => {
    const cycle = await makeCycle(db);
    const other = await makeCycle(db);
    const { sliceId } = await addSlice(pm, cycle.id, { name: '  Someday  ' });
    await renameSlice(pm, cycle.id, { sliceId, name: 'Maybe' });
    await moveSlice(pm, cycle.id, { sliceId, toIndex: 0 });
    expect((await sliceNames(cycle.id)).map(([name]) => name)).toEqual(['Maybe', 'This cycle', 'Next', 'Later']);
    const before = await countRows('events');
    await expect(addSlice(pm, cycle.id, { name: '' })).rejects.toMatchObject({
      fieldErrors: { name: ['Slice name is required.'] },
    });
    await expect(addSlice(pm, cycle.id, { name: 'x'.repeat(81) })).rejects.toMatchObject({
      fieldErrors: { name: ['Slice name must be at most 80 characters.'] },
    });
    const foreign = (await mapState(pm, other.id)).slices[1].id;
    await expect(renameSlice(pm, cycle.id, { sliceId: foreign, name: 'Mine' })).rejects.toMatchObject({
      fieldErrors: { sliceId: ['This slice is not on this cycle’s map.'] },
    });
    await expect(moveSlice(pm, cycle.id, { sliceId, toIndex: 4 })).rejects.toThrow(ValidationError);
    await expect(addSlice(leader, cycle.id, { name: 'Leaders' })).rejects.toThrow(ForbiddenError);
    expect(await countRows('events')).toBe(before);
  });

  it('deleting a slice sends its cards to the tray; This cycle cannot be deleted', async () => {
    const cycle = await makeCycle(db);
    const { activityId } = await addActivity(pm, cycle.id, { name: 'Pay' });
    const { stepId } = await addStep(pm, cycle.id, { activityId, name: 'Card' });
    const [thisCycle, next] = (await mapState(pm, cycle.id)).slices;
    const [a, b] = await inOrder([1, 2], () =>
      makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId: pm.departmentId }),
    );
    await moveCard(pm, cycle.id, { itemId: a.id, version: 0, to: { stepId, sliceId: next.id } });
    await moveCard(pm, cycle.id, { itemId: b.id, version: 0, to: { stepId, sliceId: next.id } });
    await cullCard(pm, cycle.id, { itemId: b.id, version: 1, reason: 'Later' });
    expect(await deleteSlice(pm, cycle.id, { sliceId: next.id })).toEqual({ toTray: 2 });
    const state = await mapState(pm, cycle.id);
    expect(state.slices.map((s) => s.name)).toEqual(['This cycle', 'Later']);
    expect(state.cards.find((c) => c.itemId === a.id)).toMatchObject({ stepId: null, sliceId: null, version: 2 });
    expect(state.culled.find((c) => c.itemId === b.id)).toMatchObject({ sliceId: null });
    await expect(deleteSlice(pm, cycle.id, { sliceId: thisCycle.id })).rejects.toThrow(ConflictError);
    await renameSlice(pm, cycle.id, { sliceId: thisCycle.id, name: 'Now' });
    expect((await mapState(pm, cycle.id)).slices[0]).toMatchObject({ name: 'Now', role: 'this_cycle' });
  });
});

describe('backbone', () => {
  it('adds, renames, reorders and deletes activities and steps; a deleted step’s cards go to the tray', async () => {
    const cycle = await makeCycle(db);
    const { activityId } = await addActivity(pm, cycle.id, { name: 'Search' });
    const { activityId: second } = await addActivity(pm, cycle.id, { name: 'Buy' });
    await renameActivity(pm, cycle.id, { activityId, name: 'Find' });
    const { stepId: s1 } = await addStep(pm, cycle.id, { activityId, name: 'Type' });
    const { stepId: s2 } = await addStep(pm, cycle.id, { activityId, name: 'Filter' });
    await moveStep(pm, cycle.id, { stepId: s2, toIndex: 0 });
    let state = await mapState(pm, cycle.id);
    expect(state.activities.map((a) => [a.name, a.steps.map((s) => s.name)])).toEqual([
      ['Find', ['Filter', 'Type']],
      ['Buy', []],
    ]);
    const item = await makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId: pm.departmentId });
    await moveCard(pm, cycle.id, { itemId: item.id, version: 0, to: { stepId: s1, sliceId: state.slices[0].id } });
    expect(await deleteStep(pm, cycle.id, { stepId: s1 })).toEqual({ toTray: 1 });
    expect(first(await db.select().from(mapCards).where(eq(mapCards.itemId, item.id)))).toMatchObject({
      stepId: null,
      sliceId: null,
      version: 2,
    });
    await deleteActivity(pm, cycle.id, { activityId: second });
    state = await mapState(pm, cycle.id);
    expect(state.activities.map((a) => a.name)).toEqual(['Find']);
    await expect(addStep(pm, cycle.id, { activityId: second, name: 'Gone' })).rejects.toMatchObject({
      fieldErrors: { activityId: ['This activity is not on this cycle’s map.'] },
    });
    await expect(addActivity(pm, cycle.id, { name: 'Tab\there' })).rejects.toThrow(ValidationError);
  });
});

describe('the command envelope and permissions', () => {
  it('names the allowed actions, and refuses viewing to requestors', async () => {
    const cycle = await makeCycle(db);
    await expect(runMapCommand(pm, cycle.id, { action: 'explode' })).rejects.toMatchObject({
      fieldErrors: { action: [expect.stringContaining('action must be one of move-card')] },
    });
    await expect(runMapCommand(pm, cycle.id, { action: 'add-slice', name: 'Soon' })).resolves.toMatchObject({
      action: 'add-slice',
    });
    await expect(mapState(requestor, cycle.id)).rejects.toThrow(ForbiddenError);
    await expect(mapState(pm, 2_000_000_000)).rejects.toThrow('This cycle does not exist.');
    expect(first(await db.select().from(cycles).where(eq(cycles.id, cycle.id)))).toBeDefined();
  });
});

describe('the agenda editor', () => {
  it('offers the items on the map’s This cycle first, and says so', async () => {
    const cycle = await makeCycle(db);
    const items = await inOrder([1, 2, 3], () =>
      makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId: pm.departmentId }),
    );
    const { activityId } = await addActivity(pm, cycle.id, { name: 'Use' });
    const { stepId } = await addStep(pm, cycle.id, { activityId, name: 'Open' });
    const [thisCycle, next] = (await mapState(pm, cycle.id)).slices;
    await moveCard(pm, cycle.id, { itemId: items[2].id, version: 0, to: { stepId, sliceId: thisCycle.id } });
    await moveCard(pm, cycle.id, { itemId: items[0].id, version: 0, to: { stepId, sliceId: next.id } });
    const meeting = await makeMeeting(db, { cycleId: cycle.id, facilitatorId: pm.id });
    const data = await getAgendaEditor(pm, meeting.id);
    expect(data.onMapThisCycle).toEqual([items[2].id]);
    const offered = thisCycleFirst(defaultAgendaOrder(data.candidates, data.themes), data.onMapThisCycle);
    expect(offered.map((c) => c.id)).toEqual([items[2].id, items[0].id, items[1].id]);
  });
});
