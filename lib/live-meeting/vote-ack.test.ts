import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { events, meetingAttendees } from '@/db/schema';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { meetingEventsSince, projectForViewer, revealedItemsUpTo } from '@/lib/realtime/replay.server';
import { db, userWithRole } from '@/lib/testing/db';
import { applyVoteEvent } from './apply-event';
import { runLiveCommand } from './commands.server';
import { liveState } from './state.server';
import { isVoteAck, laterAck, voteAck, withOwnVote } from './vote-ack';

async function started(votesVisibility: 'live' | 'hidden') {
  const s = await plannedMeeting({ items: 2 });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values({ meetingId: s.meeting.id, userId: observer.id, role: 'observer' });
  await runLiveCommand(s.pm, s.meeting.id, {
    action: 'start',
    votesVisibility,
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  return { ...s, observer, item: s.items[0].id };
}

async function lastStreamed(meetingId: number) {
  const event = (await meetingEventsSince(meetingId, 0, 10_000)).at(-1)!;
  return projectForViewer(event, await revealedItemsUpTo(meetingId, event.id));
}

describe('a vote is answered with an ack', () => {
  it('names the logged event and the voter’s own vote, and nothing of anyone else’s', async () => {
    const s = await started('hidden');
    await runLiveCommand(s.leaders[1], s.meeting.id, { action: 'vote', itemId: s.item, choice: 'reject' });
    const ack = await runLiveCommand(s.leaders[0], s.meeting.id, {
      action: 'vote',
      itemId: s.item,
      choice: 'accept',
      comment: '  soon ',
    });
    expect(isVoteAck(ack)).toBe(true);
    const logged = await db
      .select({ id: events.id, data: events.data })
      .from(events)
      .where(
        and(eq(events.subjectType, 'meeting'), eq(events.subjectId, s.meeting.id), eq(events.type, 'live.vote_cast')),
      );
    expect(ack).toEqual({
      ack: 'vote',
      eventId: logged.at(-1)!.id,
      itemId: s.item,
      myVote: { choice: 'accept', comment: 'soon' },
    });
    expect(JSON.stringify(ack)).not.toContain('reject');
  });

  it('other commands still answer nothing of their own (the route answers them with the state)', async () => {
    const s = await started('live');
    expect(await runLiveCommand(s.pm, s.meeting.id, { action: 'close-voting', itemId: s.item })).toBeUndefined();
  });

  it.each(['live', 'hidden'] as const)(
    '%s votes: the stream’s event plus the ack give the voter what the server projects after the vote',
    async (visibility) => {
      const s = await started(visibility);
      const voter = s.leaders[0];
      for (const choice of ['accept', 'defer'] as const) {
        const before = await liveState(voter, s.meeting.id);
        const ack = await runLiveCommand(voter, s.meeting.id, { action: 'vote', itemId: s.item, choice });
        if (!isVoteAck(ack)) throw new Error('no ack');
        const after = await liveState(voter, s.meeting.id);
        const streamed = applyVoteEvent(before, await lastStreamed(s.meeting.id))!;
        // Whichever arrives first: the ack, then the event…
        expect(applyVoteEvent(withOwnVote(before, ack, true), await lastStreamed(s.meeting.id))).toEqual(after);
        // …or the event, then the ack.
        expect(withOwnVote(streamed, ack, true)).toEqual(after);
        // An observer's page is told nothing by the ack; the stream alone brings them the vote.
        const observerBefore = await liveState(s.observer, s.meeting.id);
        expect(observerBefore.agenda[0].myVote).toBeNull();
      }
    },
  );

  it('a state read before the vote gets the acknowledged vote; a later one is left as the server sent it', async () => {
    const s = await started('hidden');
    const voter = s.leaders[0];
    const stale = await liveState(voter, s.meeting.id);
    const ack = await runLiveCommand(voter, s.meeting.id, { action: 'vote', itemId: s.item, choice: 'reject' });
    if (!isVoteAck(ack)) throw new Error('no ack');
    const fresh = await liveState(voter, s.meeting.id);
    expect(withOwnVote(stale, ack).agenda[0].myVote).toEqual({ choice: 'reject', comment: '' });
    // Only the voter's own vote changes: the count and the rest come from the stream and the server.
    expect(withOwnVote(stale, ack)).toEqual({
      ...stale,
      agenda: [{ ...stale.agenda[0], myVote: fresh.agenda[0].myVote }, ...stale.agenda.slice(1)],
    });
    expect(withOwnVote(fresh, ack)).toBe(fresh);
    expect(withOwnVote(fresh, null)).toBe(fresh);
  });
});

describe('vote ack helpers', () => {
  it('recognises only a well-formed ack', () => {
    const ack = voteAck(9, 3, { choice: 'accept', comment: '' });
    expect(isVoteAck(ack)).toBe(true);
    expect(isVoteAck({ ...ack, eventId: '9' })).toBe(false);
    expect(isVoteAck({ ...ack, myVote: null })).toBe(false);
    expect(isVoteAck({ lastEventId: 9, agenda: [] })).toBe(false);
    expect(isVoteAck(null)).toBe(false);
  });

  it('keeps the later of two acks, whichever arrives last', () => {
    const first = voteAck(5, 1, { choice: 'accept', comment: '' });
    const second = voteAck(8, 1, { choice: 'reject', comment: 'changed my mind' });
    expect(laterAck(null, first)).toBe(first);
    expect(laterAck(first, second)).toBe(second);
    expect(laterAck(second, first)).toBe(second);
  });
});
