import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { meetingAttendees, votes } from '@/db/schema';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { db, eventsOf, userWithRole } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { goToItem, pauseMeeting, startMeeting } from './session.server';
import { liveState } from './state.server';
import { projectForViewer } from '@/lib/realtime/replay.server';
import { castVote, closeVoting, reopenVoting, revealVotes } from './votes.server';

async function started(votesVisibility: 'live' | 'hidden' = 'live') {
  const setup = await plannedMeeting({ items: 2 });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values({ meetingId: setup.meeting.id, userId: observer.id, role: 'observer' });
  const stranger = await userWithRole('leader');
  const m = await startMeeting(setup.pm, setup.meeting.id, {
    votesVisibility,
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  return { ...setup, observer, stranger, m, current: setup.items[0].id };
}

const votesOf = async (meetingId: number, itemId: number) =>
  db
    .select()
    .from(votes)
    .where(and(eq(votes.meetingId, meetingId), eq(votes.itemId, itemId)));

describe('castVote', () => {
  it.each([
    ['a voting leader', 'voter', null],
    ['an observer', 'observer', 'Observers cannot vote.'],
    ['a non-attendee', 'stranger', "Only the meeting's attendees can take part in it."],
    ['the facilitator who is not a voting attendee', 'pm', "Only the meeting's voting attendees can vote."],
  ] as const)('%s: %s', async (_label, who, refusal) => {
    const s = await started();
    const actor = who === 'voter' ? s.leaders[0] : s[who];
    if (refusal === null) {
      await castVote(actor, s.meeting.id, s.current, { choice: 'accept' });
      expect(await votesOf(s.meeting.id, s.current)).toMatchObject([{ userId: actor.id, choice: 'accept' }]);
    } else {
      await expect(castVote(actor, s.meeting.id, s.current, { choice: 'accept' })).rejects.toThrow(ForbiddenError);
      await expect(castVote(actor, s.meeting.id, s.current, { choice: 'accept' })).rejects.toThrow(refusal);
      expect(await votesOf(s.meeting.id, s.current)).toHaveLength(0);
    }
  });

  it('a re-vote replaces the earlier one; each is an event', async () => {
    const { leaders, meeting, current } = await started();
    await castVote(leaders[0], meeting.id, current, { choice: 'accept', comment: 'good' });
    await castVote(leaders[0], meeting.id, current, { choice: 'reject', comment: 'on reflection, no' });
    expect(await votesOf(meeting.id, current)).toMatchObject([
      { userId: leaders[0].id, choice: 'reject', comment: 'on reflection, no' },
    ]);
    const item = (await liveState(leaders[1], meeting.id)).agenda[0];
    expect(item.tally.hidden).toBe(false);
    if (!item.tally.hidden) expect(item.tally.tally.counts).toEqual({ accept: 0, reject: 1, defer: 0 });
    expect((await eventsOf('meeting', meeting.id)).filter((e) => e.type === 'live.vote_cast')).toHaveLength(2);
    expect((await liveState(leaders[0], meeting.id)).agenda[0].myVote).toEqual({
      choice: 'reject',
      comment: 'on reflection, no',
    });
  });

  it('refuses bad choices, an item that is not current, closed voting and a paused meeting', async () => {
    const { pm, leaders, meeting, items, current } = await started();
    await expect(castVote(leaders[0], meeting.id, current, { choice: 'maybe' })).rejects.toThrow(ValidationError);
    await expect(castVote(leaders[0], meeting.id, items[1].id, { choice: 'accept' })).rejects.toThrow(
      'You can only vote on the item being discussed now.',
    );
    await closeVoting(pm, meeting.id, current);
    await expect(castVote(leaders[0], meeting.id, current, { choice: 'accept' })).rejects.toThrow(
      'Voting on this item is closed.',
    );
    await reopenVoting(pm, meeting.id, current);
    await castVote(leaders[0], meeting.id, current, { choice: 'accept' });
    await pauseMeeting(pm, meeting.id);
    await expect(castVote(leaders[1], meeting.id, current, { choice: 'accept' })).rejects.toThrow(
      'The meeting is paused.',
    );
    expect(await votesOf(meeting.id, current)).toHaveLength(1);
  });

  it('only the facilitator closes, reopens and reveals', async () => {
    const { leaders, meeting, current } = await started('hidden');
    await expect(closeVoting(leaders[0], meeting.id, current)).rejects.toThrow(ForbiddenError);
    await expect(reopenVoting(leaders[0], meeting.id, current)).rejects.toThrow(ForbiddenError);
    await expect(revealVotes(leaders[0], meeting.id, current)).rejects.toThrow(ForbiddenError);
  });
});

describe('hidden votes', () => {
  it('never appear in liveState for any viewer before the reveal — only how many voted, and who (names, no choices)', async () => {
    const s = await started('hidden');
    await castVote(s.leaders[0], s.meeting.id, s.current, { choice: 'reject', comment: 'too costly' });
    await castVote(s.leaders[1], s.meeting.id, s.current, { choice: 'accept', comment: 'needed' });
    const admin = await userWithRole('admin');
    for (const viewer of [s.pm, s.leaders[0], s.leaders[1], s.observer, admin]) {
      const state = await liveState(viewer, s.meeting.id);
      expect(state.agenda[0].tally).toEqual({
        hidden: true,
        voted: 2,
        eligible: 2,
        voters: [
          { userId: s.leaders[0].id, name: s.leaders[0].name },
          { userId: s.leaders[1].id, name: s.leaders[1].name },
        ],
      });
      // Nothing about the others' choices anywhere in the payload a page would serialise:
      const others = JSON.stringify({ ...state, agenda: state.agenda.map((i) => ({ ...i, myVote: null })) });
      expect(others).not.toMatch(/"(accept|reject)"|too costly|needed/);
    }
    // A voter still sees their own vote.
    expect((await liveState(s.leaders[0], s.meeting.id)).agenda[0].myVote).toEqual({
      choice: 'reject',
      comment: 'too costly',
    });
    expect((await liveState(s.pm, s.meeting.id)).agenda[0].myVote).toBeNull();

    await revealVotes(s.pm, s.meeting.id, s.current);
    const shown = (await liveState(s.observer, s.meeting.id)).agenda[0].tally;
    expect(shown.hidden).toBe(false);
    if (!shown.hidden) {
      expect(shown.tally.counts).toEqual({ accept: 1, reject: 1, defer: 0 });
      expect(shown.votes.map((v) => v.comment).sort()).toEqual(['needed', 'too costly']);
    }
    await expect(revealVotes(s.pm, s.meeting.id, s.current)).rejects.toThrow(
      'The votes on this item are already shown.',
    );
  });

  it('stay hidden on an item not yet revealed while another item is revealed', async () => {
    const s = await started('hidden');
    await castVote(s.leaders[0], s.meeting.id, s.current, { choice: 'accept' });
    await revealVotes(s.pm, s.meeting.id, s.current);
    await goToItem(s.pm, s.meeting.id, 'next', (await liveState(s.pm, s.meeting.id)).meeting.version);
    await castVote(s.leaders[0], s.meeting.id, s.items[1].id, { choice: 'defer' });
    const [first, second] = (await liveState(s.leaders[1], s.meeting.id)).agenda;
    expect(first.tally.hidden).toBe(false);
    expect(second.tally).toEqual({
      hidden: true,
      voted: 1,
      eligible: 2,
      voters: [{ userId: s.leaders[0].id, name: s.leaders[0].name }],
    });
  });

  it('the audit event keeps the choice, marked hidden; the projection for the stream keeps only the voter', async () => {
    const s = await started('hidden');
    await castVote(s.leaders[0], s.meeting.id, s.current, { choice: 'reject', comment: 'no' });
    const event = (await eventsOf('meeting', s.meeting.id)).at(-1)!;
    expect(event).toMatchObject({
      type: 'live.vote_cast',
      data: { itemId: s.current, userId: s.leaders[0].id, choice: 'reject', hidden: true, voted: 1 },
    });
    expect(projectForViewer(event, new Set())).toEqual({
      id: event.id,
      type: 'live.vote_cast',
      at: event.at,
      data: { itemId: s.current, hidden: true, userId: s.leaders[0].id, voted: 1 },
    });
    expect(JSON.stringify(projectForViewer(event, new Set()))).not.toMatch(/reject|"no"/);
    // A second voter makes it 2; a changed vote leaves the count as it was.
    await castVote(s.leaders[1], s.meeting.id, s.current, { choice: 'accept' });
    await castVote(s.leaders[0], s.meeting.id, s.current, { choice: 'defer' });
    expect((await eventsOf('meeting', s.meeting.id)).slice(-2).map((e) => (e.data as { voted: number }).voted)).toEqual(
      [2, 2],
    );
  });

  it('in live mode the event is not marked hidden and projects unchanged', async () => {
    const s = await started('live');
    await castVote(s.leaders[0], s.meeting.id, s.current, { choice: 'defer' });
    const event = (await eventsOf('meeting', s.meeting.id)).at(-1)!;
    expect(event.data.hidden).toBeUndefined();
    expect(projectForViewer(event, new Set())).toEqual(event);
  });
});
