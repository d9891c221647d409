import { MAX_ROW_ID } from '@/db/rows';
import { describe, expect, it } from 'vitest';
import { db, userWithRole } from '@/lib/testing/db';
import { logEvent } from '@/lib/events/log.server';
import { meetingEventsSince, projectForViewer, revealedItemsUpTo } from './replay.server';

const log = (meetingId: number, type: string, data: Record<string, unknown>, actorId: number | null = null) =>
  logEvent(db, { actorId, type, subjectType: 'meeting', subjectId: meetingId, data });

/** What a viewer would get for the meeting's events after `after`, reveals counted at send time. */
const replay = async (meetingId: number, after = 0) => {
  const rows = await meetingEventsSince(meetingId, after);
  const revealed = await revealedItemsUpTo(meetingId, rows.at(-1)?.id ?? after);
  return rows.map((e) => projectForViewer(e, revealed));
};

describe('meetingEventsSince', () => {
  it('returns only later events of that meeting, oldest first', async () => {
    const a1 = await log(101, 'live.started', {});
    await log(102, 'live.started', {});
    const a2 = await log(101, 'live.item_opened', { itemId: 1 });
    await logEvent(db, { actorId: null, type: 'item.created', subjectType: 'item', subjectId: 101, data: {} });
    const a3 = await log(101, 'live.item_opened', { itemId: 2 });

    expect((await meetingEventsSince(101, 0)).map((e) => e.id)).toEqual([a1, a2, a3]);
    expect((await meetingEventsSince(101, a1)).map((e) => e.id)).toEqual([a2, a3]);
    expect(await meetingEventsSince(101, a3)).toEqual([]);
    expect((await meetingEventsSince(101, 0, 2)).map((e) => e.id)).toEqual([a1, a2]);
  });
});

describe('hidden votes', () => {
  it('are projected with the voter but without choice or comment before the reveal, and in full after it', async () => {
    const voter = await userWithRole('leader');
    const m = 201;
    const hidden = await log(
      m,
      'live.vote_cast',
      { itemId: 7, userId: voter.id, choice: 'yes', comment: 'secret', hidden: true, voted: 1 },
      voter.id,
    );
    const other = await log(m, 'live.vote_cast', { itemId: 8, userId: voter.id, choice: 'no', hidden: true }, voter.id);
    const open = await log(m, 'live.vote_cast', { itemId: 9, userId: voter.id, choice: 'abstain' }, voter.id);

    const before = await replay(m);
    expect(before[0]).toEqual({
      id: hidden,
      type: 'live.vote_cast',
      at: expect.any(String),
      data: { itemId: 7, hidden: true, userId: voter.id, voted: 1 },
    });
    expect(before[1]).toEqual({
      id: other,
      type: 'live.vote_cast',
      at: expect.any(String),
      data: { itemId: 8, hidden: true, userId: voter.id },
    });
    expect(before[2]).toMatchObject({ id: open, actorId: voter.id, data: { choice: 'abstain', userId: voter.id } });
    expect(JSON.stringify(before.slice(0, 2))).not.toMatch(/yes|secret|"no"|actorId/);

    const reveal = await log(m, 'live.votes_revealed', { itemId: 7 });
    expect(await revealedItemsUpTo(m, reveal - 1)).toEqual(new Set());
    expect(await revealedItemsUpTo(m, reveal)).toEqual(new Set([7]));

    const after = await replay(m);
    expect(after[0]).toMatchObject({
      id: hidden,
      actorId: voter.id,
      data: { itemId: 7, userId: voter.id, choice: 'yes', comment: 'secret' },
    });
    // Item 8 was not revealed: still hidden.
    expect(after[1]).toEqual({
      id: other,
      type: 'live.vote_cast',
      at: expect.any(String),
      data: { itemId: 8, hidden: true, userId: voter.id },
    });
    expect(after.at(-1)).toMatchObject({ id: reveal, type: 'live.votes_revealed' });

    // A reveal in another meeting reveals nothing here.
    await log(202, 'live.votes_revealed', { itemId: 8 });
    expect(await revealedItemsUpTo(m, MAX_ROW_ID)).toEqual(new Set([7]));
  });
});
