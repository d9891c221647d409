import { describe, expect, it } from 'vitest';
import { meetingAttendees } from '@/db/schema';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { meetingEventsSince, projectForViewer, revealedItemsUpTo } from '@/lib/realtime/replay.server';
import { db, userWithRole } from '@/lib/testing/db';
import { seededRandom } from '@/lib/testing/random';
import { applyVoteEvent } from './apply-event';
import { startMeeting } from './session.server';
import { liveState } from './state.server';
import { CHOICES } from './tally';
import { castVote, revealVotes } from './votes.server';
import { inOrder } from '@/lib/testing/in-order';

/** A started meeting with voters from two departments (two of them in one), an observer watching. */
async function meeting(votesVisibility: 'live' | 'hidden', weighted: boolean) {
  const s = await plannedMeeting({ items: 2 });
  const extra = await userWithRole('leader', { departmentId: s.leaders[0].departmentId });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values([
    { meetingId: s.meeting.id, userId: extra.id, role: 'voter' },
    { meetingId: s.meeting.id, userId: observer.id, role: 'observer' },
  ]);
  await startMeeting(s.pm, s.meeting.id, { votesVisibility, weighted, confirm: ['no_preread', 'early'] });
  return { ...s, voters: [...s.leaders, extra], observer };
}

/** The last event as the stream sends it to everyone. */
async function streamed(meetingId: number) {
  const event = (await meetingEventsSince(meetingId, 0, 10_000)).at(-1)!;
  return projectForViewer(event, await revealedItemsUpTo(meetingId, event.id));
}

describe('applyVoteEvent', () => {
  it.each([
    ['live votes, one person one vote', 'live', false],
    ['live votes, weighted by department', 'live', true],
    ['hidden votes', 'hidden', false],
  ] as const)(
    'gives what the server gives after each vote (%s), for a voter and an observer',
    async (_label, visibility, weighted) => {
      const s = await meeting(visibility, weighted);
      const random = seededRandom(visibility === 'hidden' ? 7 : weighted ? 11 : 3);
      const item = s.items[0].id;
      for (let step = 0; step < 12; step++) {
        const viewers = [s.voters[0], s.observer];
        const before = await inOrder(viewers, async (v) => liveState(v, s.meeting.id));
        const voter = s.voters[Math.floor(random() * s.voters.length)];
        await castVote(voter, s.meeting.id, item, {
          choice: CHOICES[Math.floor(random() * 3)],
          comment: step % 3 ? '' : `step ${step}`,
        });
        const event = await streamed(s.meeting.id);
        for (const [i, viewer] of viewers.entries()) {
          const after = await liveState(viewer, s.meeting.id);
          // A hidden vote's event names the voter but never their choice, not even to the voter:
          // their own page takes their vote from the answer to their POST, so here it stays as it was.
          const expected =
            visibility === 'hidden' && viewer.id === voter.id
              ? {
                  ...after,
                  agenda: after.agenda.map((it, k) => ({
                    ...it,
                    myVote: before[i].agenda[k].myVote,
                  })),
                }
              : after;
          expect(applyVoteEvent(before[i], event), `step ${step}, viewer ${i}`).toEqual(expected);
        }
      }
    },
    // Twelve votes, each read back in full by two viewers: slow on a busy machine, not stuck.
    30_000,
  );

  it('declines what it cannot apply exactly, so the page re-reads the state', async () => {
    const s = await meeting('hidden', false);
    const before = await liveState(s.voters[0], s.meeting.id);
    await castVote(s.voters[1], s.meeting.id, s.items[0].id, { choice: 'accept' });
    await revealVotes(s.pm, s.meeting.id, s.items[0].id);
    const revealed = await liveState(s.voters[0], s.meeting.id);
    // A vote event that is not hidden, on an item the page still shows hidden: re-read.
    const plain = {
      id: 1e9,
      type: 'live.vote_cast',
      data: { itemId: s.items[0].id, userId: s.voters[1].id, choice: 'reject', comment: '' },
    };
    expect(applyVoteEvent(before, plain)).toBeNull();
    // A hidden vote on an item the page shows revealed, a stranger's vote, an unknown item, another kind.
    expect(
      applyVoteEvent(revealed, {
        id: 1e9,
        type: 'live.vote_cast',
        data: { itemId: s.items[0].id, hidden: true, userId: s.voters[0].id, voted: 2 },
      }),
    ).toBeNull();
    // A hidden vote that does not say who voted (as an older server sent it): re-read.
    expect(
      applyVoteEvent(before, {
        id: 1e9,
        type: 'live.vote_cast',
        data: { itemId: s.items[0].id, hidden: true, voted: 1 },
      }),
    ).toBeNull();
    expect(applyVoteEvent(revealed, { ...plain, data: { ...plain.data, userId: 999_999 } })).toBeNull();
    expect(applyVoteEvent(revealed, { ...plain, data: { ...plain.data, itemId: 999_999 } })).toBeNull();
    expect(applyVoteEvent(revealed, { id: 1e9, type: 'live.item_changed', data: {} })).toBeNull();
  });
});
