import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { cycles, items } from '@/db/schema';
import { db, readItem } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { recordDecision } from '@/lib/live-meeting/decisions.server';
import { moveAccepted } from '@/lib/live-meeting/ranking-moves.server';
import { startMeeting } from '@/lib/live-meeting/session.server';
import { liveState } from '@/lib/live-meeting/state.server';
import { nfrShareAboveCut } from './nfr-share';

describe('the live ranking’s non-functional share', () => {
  it('carries each item’s kind and the cycle’s target, so the page computes the share as the ranking moves', async () => {
    const setup = await plannedMeeting({ items: 3 });
    const { pm, meeting, cycle } = setup;
    const [debt, a, b] = setup.items;
    await db.update(cycles).set({ capacityWeeks: 6, nfrTargetPercent: 30 }).where(eq(cycles.id, cycle.id));
    await db
      .update(items)
      .set({ estimateWeeks: 3, estimateSize: null })
      .where(
        inArray(
          items.id,
          setup.items.map((i) => i.id),
        ),
      );
    await db.update(items).set({ kind: 'tech_debt' }).where(eq(items.id, debt.id));
    await startMeeting(pm, meeting.id, { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] });
    for (const item of [debt, a, b]) await recordDecision(pm, meeting.id, item.id, { outcome: 'accepted' });

    const shareOf = async () => {
      const { ranking } = await liveState(pm, meeting.id);
      return nfrShareAboveCut(
        ranking.items.map((i) => ({ kind: i.kind, weeks: i.weeks })),
        ranking.capacityWeeks,
        ranking.nfrTargetPercent,
      );
    };
    const before = await liveState(pm, meeting.id);
    expect(before.ranking.nfrTargetPercent).toBe(30);
    expect(before.ranking.items.map((i) => [i.id, i.kind])).toEqual([
      [debt.id, 'tech_debt'],
      [a.id, 'feature'],
      [b.id, 'feature'],
    ]);
    expect(await shareOf()).toMatchObject({ nfrWeeks: 3, percent: 50, short: false });

    await moveAccepted(pm, meeting.id, debt.id, 2, (await readItem(debt.id)).version);
    expect(await shareOf()).toMatchObject({ nfrWeeks: 0, percent: 0, short: true, shortByWeeks: 1.8 });
  });
});
