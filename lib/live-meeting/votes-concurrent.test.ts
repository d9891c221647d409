import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { db } from '@/lib/testing/db';
import { runLiveCommand } from './commands.server';

/** A room voting at once: every vote is taken and logged, however they interleave. */
describe('votes cast at the same moment', () => {
  it('are all taken, each with its own event', async () => {
    const s = await plannedMeeting({ items: 1 });
    await runLiveCommand(s.pm, s.meeting.id, {
      action: 'start',
      votesVisibility: 'live',
      weighted: false,
      confirm: ['no_preread', 'early'],
    });
    const itemId = s.items[0].id;
    const rounds = 4;
    const results = await Promise.allSettled(
      Array.from({ length: rounds }).flatMap((_, r) =>
        s.leaders.map((voter) =>
          runLiveCommand(voter, s.meeting.id, { action: 'vote', itemId, choice: r % 2 ? 'accept' : 'defer' }),
        ),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    const cast = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.subjectId, s.meeting.id), eq(events.type, 'live.vote_cast')));
    expect(cast).toHaveLength(rounds * s.leaders.length);
  });
});
