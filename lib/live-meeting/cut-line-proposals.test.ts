import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cutLineProposals, cycles, meetingAttendees } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { countRows, db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { first } from '@/db/rows';
import { recordDecision } from './decisions.server';
import { runLiveCommand } from './commands.server';
import { endMeeting, startMeeting } from './session.server';
import { liveState } from './state.server';

async function ranked() {
  const s = await plannedMeeting({ items: 3 });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values({ meetingId: s.meeting.id, userId: observer.id, role: 'observer' });
  await startMeeting(s.pm, s.meeting.id, {
    votesVisibility: 'live',
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  for (const item of s.items) await recordDecision(s.pm, s.meeting.id, item.id, { outcome: 'accepted' });
  return { ...s, observer, ids: s.items.map((i) => i.id) };
}

const propose = (actor: Parameters<typeof runLiveCommand>[0], meetingId: number, body: Record<string, unknown>) =>
  runLiveCommand(actor, meetingId, { action: 'propose-cut-line', ...body });
const capacityOf = async (cycleId: number) =>
  first(await db.select().from(cycles).where(eq(cycles.id, cycleId)))!.capacityWeeks;

describe('what-if cut line proposals', () => {
  it('a leader proposes, everyone sees it, the facilitator applies the capacity only', async () => {
    const { leaders, meeting, ids, pm, cycle, observer } = await ranked();
    await propose(leaders[0], meeting.id, { capacityWeeks: 6, leftOutItemIds: [ids[0]] });
    const seen = (await liveState(observer, meeting.id)).rankings.proposals;
    expect(seen).toMatchObject([{ proposedBy: leaders[0].id, capacityWeeks: 6, leftOutItemIds: [ids[0]] }]);
    await runLiveCommand(pm, meeting.id, { action: 'close-cut-line-proposal', proposalId: seen[0].id, applied: true });
    expect(await capacityOf(cycle.id)).toBe(6);
    expect((await liveState(pm, meeting.id)).ranking.items.map((i) => i.id)).toEqual(ids); // nobody removed
    expect((await liveState(observer, meeting.id)).rankings.proposals).toEqual([]);
    const types = (await eventsOf('meeting', meeting.id)).map((e) => e.type).slice(-3);
    expect(types).toEqual(['live.cut_line_proposed', 'live.capacity_changed', 'live.cut_line_proposal_closed']);
    await expect(
      runLiveCommand(pm, meeting.id, { action: 'close-cut-line-proposal', proposalId: seen[0].id, applied: false }),
    ).rejects.toThrow(ConflictError);
  });

  it('dismissing changes nothing; a new proposal withdraws the proposer’s previous one', async () => {
    const { leaders, meeting, ids, pm, cycle } = await ranked();
    await propose(leaders[0], meeting.id, { capacityWeeks: 4 });
    await propose(leaders[0], meeting.id, { leftOutItemIds: [ids[1]] });
    await propose(pm, meeting.id, { capacityWeeks: 30 });
    const open = (await liveState(pm, meeting.id)).rankings.proposals;
    expect(open.map((p) => [p.proposedBy, p.capacityWeeks])).toEqual([
      [leaders[0].id, null],
      [pm.id, 30],
    ]);
    await runLiveCommand(pm, meeting.id, { action: 'close-cut-line-proposal', proposalId: open[1].id, applied: false });
    expect(await capacityOf(cycle.id)).toBe(20);
    expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
      type: 'live.cut_line_proposal_closed',
      data: { proposalId: open[1].id, applied: false },
    });
  });

  it('refuses bad input naming the field, strangers and observers, closing by anyone but the facilitator, and after the end', async () => {
    const { leaders, meeting, ids, pm, observer } = await ranked();
    const before = await countRows('cut_line_proposals');
    const requestor = await userWithRole('requestor');
    expect((await validationErrorOf(() => propose(leaders[0], meeting.id, {}))).fieldErrors.capacityWeeks).toEqual([
      'Propose another capacity, leave an item out, or both.',
    ]);
    expect(
      (await validationErrorOf(() => propose(leaders[0], meeting.id, { capacityWeeks: -2 }))).fieldErrors.capacityWeeks,
    ).toEqual(['Capacity cannot be negative.']);
    expect(
      (await validationErrorOf(() => propose(leaders[0], meeting.id, { leftOutItemIds: 'all' }))).fieldErrors
        .leftOutItemIds,
    ).toBeDefined();
    expect(
      (await validationErrorOf(() => propose(leaders[0], meeting.id, { leftOutItemIds: [999999] }))).fieldErrors
        .leftOutItemIds,
    ).toEqual(['Item 999999 is not in the ranking.']);
    await expect(propose(observer, meeting.id, { capacityWeeks: 3 })).rejects.toThrow(ForbiddenError);
    await expect(propose(requestor, meeting.id, { capacityWeeks: 3 })).rejects.toThrow(ForbiddenError);
    expect(await countRows('cut_line_proposals')).toBe(before);
    await propose(leaders[1], meeting.id, { leftOutItemIds: [ids[2]] });
    const [open] = await db.select().from(cutLineProposals).where(eq(cutLineProposals.meetingId, meeting.id));
    await expect(
      runLiveCommand(leaders[1], meeting.id, { action: 'close-cut-line-proposal', proposalId: open.id, applied: true }),
    ).rejects.toThrow(ForbiddenError);
    const badClose = await validationErrorOf(() =>
      runLiveCommand(pm, meeting.id, { action: 'close-cut-line-proposal', proposalId: open.id, applied: 'yes' }),
    );
    expect(badClose.fieldErrors.applied).toEqual(['applied must be true or false.']);
    await expect(
      runLiveCommand(pm, meeting.id, { action: 'close-cut-line-proposal', proposalId: 999999, applied: true }),
    ).rejects.toThrow(NotFoundError);
    await endMeeting(pm, meeting.id);
    await expect(propose(leaders[0], meeting.id, { capacityWeeks: 3 })).rejects.toThrow(ConflictError);
  });
});
