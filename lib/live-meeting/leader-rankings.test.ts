import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { leaderRankings, meetingAttendees } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { acceptedRanking } from '@/lib/ranking/accepted.server';
import { countRows, db, eventsOf, readItem, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { recordDecision } from './decisions.server';
import { runLiveCommand } from './commands.server';
import { moveAccepted, RankConflictError } from './ranking-moves.server';
import { endMeeting, pauseMeeting, startMeeting } from './session.server';
import { liveState } from './state.server';

/** A live meeting with four accepted items, two voting leaders (two departments) and an observer. */
async function ranked() {
  const s = await plannedMeeting({ items: 4 });
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

const submit = (actor: Parameters<typeof runLiveCommand>[0], meetingId: number, itemIds: unknown) =>
  runLiveCommand(actor, meetingId, { action: 'submit-ranking', itemIds });
const submittedRows = async (meetingId: number) =>
  (await db.select().from(leaderRankings).where(eq(leaderRankings.meetingId, meetingId))).length;
const order = async (cycleId: number) => (await acceptedRanking(db, cycleId)).map((r) => r.id);

describe('submit-ranking', () => {
  it("stores a voter's order, replaces it on resubmission, and logs ranking.submitted without the order", async () => {
    const { leaders, meeting, ids } = await ranked();
    await submit(leaders[0], meeting.id, [ids[3], ids[2], ids[1], ids[0]]);
    await submit(leaders[0], meeting.id, [ids[1], ids[0], ids[3], ids[2]]);
    const rows = await db.select().from(leaderRankings).where(eq(leaderRankings.meetingId, meeting.id));
    expect(rows.sort((a, b) => a.position - b.position).map((r) => r.itemId)).toEqual([ids[1], ids[0], ids[3], ids[2]]);
    const logged = (await eventsOf('meeting', meeting.id)).filter((e) => e.type === 'ranking.submitted');
    expect(logged.map((e) => [e.actorId, e.data])).toEqual([
      [leaders[0].id, { itemCount: 4, resubmitted: false }],
      [leaders[0].id, { itemCount: 4, resubmitted: true }],
    ]);
  });

  it('refuses duplicates, unknown or missing items, and a malformed list, naming the field and writing nothing', async () => {
    const { leaders, meeting, ids } = await ranked();
    const stranger = (await plannedMeeting({ items: 1 })).items[0];
    const events = await countRows('events');
    const dup = await validationErrorOf(() => submit(leaders[0], meeting.id, [ids[0], ids[0], ids[1], ids[2]]));
    expect(dup.fieldErrors.itemIds[0]).toBe(`itemIds lists item ${ids[0]} more than once.`);
    const missing = await validationErrorOf(() => submit(leaders[0], meeting.id, [ids[0], ids[1]]));
    expect(missing.fieldErrors.itemIds[0]).toBe(
      `Your order leaves out accepted item ${ids[2]}, ${ids[3]}: rank every accepted item.`,
    );
    const unknown = await validationErrorOf(() => submit(leaders[0], meeting.id, [...ids, stranger.id]));
    expect(unknown.fieldErrors.itemIds[0]).toBe(`Item ${stranger.id} is not accepted in this meeting's cycle.`);
    for (const bad of ['1,2', [1.5], [], null, [-1]])
      expect((await validationErrorOf(() => submit(leaders[0], meeting.id, bad))).fieldErrors.itemIds).toBeDefined();
    expect(await countRows('events')).toBe(events);
    expect(await submittedRows(meeting.id)).toBe(0);
  });

  it('is for the voters only: not a requestor, a non-attendee, an observer or the (non-voting) facilitator', async () => {
    const { meeting, ids, observer, pm } = await ranked();
    const requestor = await userWithRole('requestor');
    const outsider = await userWithRole('leader');
    for (const who of [requestor, outsider, observer, pm])
      await expect(submit(who, meeting.id, ids)).rejects.toThrow(ForbiddenError);
    expect(await submittedRows(meeting.id)).toBe(0);
  });

  it('is open while the meeting is live or paused, not after it closed', async () => {
    const { leaders, meeting, ids, pm } = await ranked();
    await pauseMeeting(pm, meeting.id, (await liveState(pm, meeting.id)).meeting.version);
    await submit(leaders[1], meeting.id, ids);
    await endMeeting(pm, meeting.id);
    await expect(submit(leaders[0], meeting.id, ids)).rejects.toThrow(ConflictError);
    expect(await submittedRows(meeting.id)).toBe(4);
  });
});

describe('the projection and adopt-aggregate', () => {
  it("shows a leader only their own order, and the facilitator everyone's and the Borda aggregate", async () => {
    const { leaders, meeting, ids, pm, observer } = await ranked();
    await submit(leaders[0], meeting.id, [ids[3], ids[2], ids[1], ids[0]]);
    await submit(leaders[1], meeting.id, [ids[3], ids[0], ids[1], ids[2]]);
    const mine = (await liveState(leaders[0], meeting.id)).rankings;
    expect(mine).toMatchObject({ submitted: 2, voters: 2, canSubmit: true, aggregate: null, leaders: [] });
    expect(mine.mine?.order).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect((await liveState(observer, meeting.id)).rankings).toMatchObject({
      canSubmit: false,
      mine: null,
      aggregate: null,
      leaders: [],
    });
    const facilitator = (await liveState(pm, meeting.id)).rankings;
    expect(facilitator.leaders.map((l) => l.userId).sort()).toEqual([leaders[0].id, leaders[1].id].sort());
    // ids[3]: 3+3; ids[2]: 2+0; ids[1]: 1+1; ids[0]: 0+2 → 6, 2, 2, 2, each of the last three at mean position 3:
    // the current order breaks the tie.
    expect(facilitator.aggregate?.items.map((i) => [i.itemId, i.points])).toEqual([
      [ids[3], 6],
      [ids[0], 2],
      [ids[1], 2],
      [ids[2], 2],
    ]);
    expect(facilitator.aggregate?.byDepartment).toHaveLength(2);
    expect(facilitator.canAdopt).toBe(true);
  });

  it('adopts the aggregate in one go, bumping moved items, logged as a rank change; facilitator only', async () => {
    const { leaders, meeting, ids, pm, cycle } = await ranked();
    await expect(runLiveCommand(pm, meeting.id, { action: 'adopt-aggregate' })).rejects.toThrow(
      'No leader has submitted an order yet.',
    );
    await submit(leaders[0], meeting.id, [ids[3], ids[2], ids[1], ids[0]]);
    await submit(leaders[1], meeting.id, [ids[3], ids[2], ids[0], ids[1]]);
    await expect(runLiveCommand(leaders[0], meeting.id, { action: 'adopt-aggregate' })).rejects.toThrow(ForbiddenError);
    const seen = (await readItem(ids[0])).version;
    await runLiveCommand(pm, meeting.id, { action: 'adopt-aggregate' });
    // ids[0] and ids[1] tie (1 point, mean position 3.5): the current order keeps ids[0] first.
    expect(await order(cycle.id)).toEqual([ids[3], ids[2], ids[0], ids[1]]);
    expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
      type: 'live.rank_changed',
      data: { adopted: 'borda', ballots: 2, from: ids, to: [ids[3], ids[2], ids[0], ids[1]] },
    });
    // A move sent from the order before the adoption is stale, not silently applied.
    await expect(moveAccepted(pm, meeting.id, ids[0], 0, seen)).rejects.toThrow(RankConflictError);
    const events = await countRows('events');
    await runLiveCommand(pm, meeting.id, { action: 'adopt-aggregate' }); // already adopted: nothing to log
    expect(await countRows('events')).toBe(events);
  });
});
