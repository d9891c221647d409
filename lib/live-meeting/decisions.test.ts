import { describe, expect, it } from 'vitest';
import { makeItem } from '@/db/factories';
import { agendaItems } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { db, eventsOf, readItem, validationErrorOf } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { startMeeting } from './session.server';
import { liveState } from './state.server';
import { NOTE_REQUIRED, REASON_REQUIRED } from './tally';
import { castVote } from './votes.server';
import { addNote, recordDecision } from './decisions.server';

async function started(votesVisibility: 'live' | 'hidden' = 'live') {
  const setup = await plannedMeeting({ items: 2 });
  await startMeeting(setup.pm, setup.meeting.id, {
    votesVisibility,
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  return { ...setup, current: setup.items[0].id };
}

describe('recordDecision', () => {
  it.each([
    ['accept with the tally', { outcome: 'accepted' }, null],
    ['reject without a reason', { outcome: 'rejected', note: 'n' }, ['reason', REASON_REQUIRED]],
    [
      'reject with a reason, against the tally, with a note',
      { outcome: 'rejected', reason: 'No budget', note: 'Finance veto' },
      null,
    ],
    ['defer against the tally without a note', { outcome: 'deferred' }, ['note', NOTE_REQUIRED]],
    ['defer against the tally with a blank note', { outcome: 'deferred', note: '  ' }, ['note', NOTE_REQUIRED]],
    ['an unknown outcome', { outcome: 'maybe' }, ['outcome', undefined]],
  ] as const)('%s', async (_label, input, problem) => {
    const { pm, leaders, meeting, current } = await started();
    await castVote(leaders[0], meeting.id, current, { choice: 'accept' });
    await castVote(leaders[1], meeting.id, current, { choice: 'accept' });
    if (problem === null) {
      const row = await recordDecision(pm, meeting.id, current, input);
      expect(row).toMatchObject({ outcome: input.outcome, suggested: 'accepted', decidedBy: pm.id });
    } else {
      const error = await validationErrorOf(() => recordDecision(pm, meeting.id, current, input));
      expect(error.fieldErrors[problem[0]]).toBeDefined();
      if (problem[1]) expect(error.fieldErrors[problem[0]]).toEqual([problem[1]]);
      expect((await readItem(current)).status).toBe('curated');
    }
  });

  it('moves the item to its status, with the reason for a rejection, closes and reveals voting', async () => {
    const { pm, leaders, meeting, current } = await started('hidden');
    await castVote(leaders[0], meeting.id, current, { choice: 'reject' });
    const versionBefore = (await readItem(current)).version;
    await recordDecision(pm, meeting.id, current, {
      outcome: 'rejected',
      reason: ' Out of scope for Q1 ',
      confirmHiddenVotes: true,
    });
    expect(await readItem(current)).toMatchObject({
      status: 'rejected',
      decisionReason: 'Out of scope for Q1',
      version: versionBefore + 1,
    });
    expect((await eventsOf('item', current)).at(-1)).toMatchObject({ type: 'item.status_changed' });
    expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
      type: 'live.decision_recorded',
      data: { itemId: current, outcome: 'rejected', reason: 'Out of scope for Q1', decidedWhileHidden: true },
    });
    const state = (await liveState(leaders[1], meeting.id)).agenda[0];
    expect(state).toMatchObject({ votingClosed: true, revealed: true, decision: { outcome: 'rejected' } });
    expect(state.tally.hidden).toBe(false);
    await expect(castVote(leaders[1], meeting.id, current, { choice: 'accept' })).rejects.toThrow(
      'Voting on this item is closed.',
    );
  });

  it('gives accepted items a rank at the bottom, in decision order', async () => {
    const { pm, meeting, items } = await started();
    await recordDecision(pm, meeting.id, items[0].id, { outcome: 'accepted' });
    await recordDecision(pm, meeting.id, items[1].id, { outcome: 'accepted' });
    const [a, b] = [(await readItem(items[0].id)).rank!, (await readItem(items[1].id)).rank!];
    expect(a < b).toBe(true);
  });

  it('refuses a second decision, a non-facilitator, an item off the agenda, and an illegal status move', async () => {
    const { pm, leaders, meeting, current, cycle, departments } = await started();
    await expect(recordDecision(leaders[0], meeting.id, current, { outcome: 'accepted' })).rejects.toThrow(
      ForbiddenError,
    );
    await recordDecision(pm, meeting.id, current, { outcome: 'accepted' });
    await expect(recordDecision(pm, meeting.id, current, { outcome: 'deferred', note: 'x' })).rejects.toThrow(
      ConflictError,
    );
    const other = await makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId: departments.sales.id });
    await expect(recordDecision(pm, meeting.id, other.id, { outcome: 'accepted' })).rejects.toThrow(ValidationError);
    const withdrawn = await makeItem(db, {
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: departments.sales.id,
      status: 'withdrawn',
    });
    await db.insert(agendaItems).values({ meetingId: meeting.id, itemId: withdrawn.id, position: 99 });
    await expect(recordDecision(pm, meeting.id, withdrawn.id, { outcome: 'accepted' })).rejects.toThrow(
      /withdrawn item cannot change status/i,
    );
  });
});

describe('addNote', () => {
  it('appends notes visible to every participant; facilitator only; refuses blank', async () => {
    const { pm, leaders, meeting, current } = await started();
    await addNote(pm, meeting.id, current, 'Depends on the billing rewrite');
    expect(await addNote(pm, meeting.id, current, 'Sales to confirm size')).toBe(
      'Depends on the billing rewrite\nSales to confirm size',
    );
    expect((await liveState(leaders[1], meeting.id)).agenda[0].notes).toBe(
      'Depends on the billing rewrite\nSales to confirm size',
    );
    await expect(addNote(leaders[0], meeting.id, current, 'mine')).rejects.toThrow(ForbiddenError);
    await expect(addNote(pm, meeting.id, current, '   ')).rejects.toThrow(ValidationError);
    expect((await eventsOf('meeting', meeting.id)).filter((e) => e.type === 'live.note_added')).toHaveLength(2);
  });
});
