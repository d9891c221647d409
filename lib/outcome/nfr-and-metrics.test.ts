import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { cycles, items, themes } from '@/db/schema';
import { db } from '@/lib/testing/db';
import { cycleOutcome } from './report.server';
import { endedMeeting } from './test-meeting';

describe('the outcome’s non-functional share and key outcome metrics', () => {
  it('counts non-functional work accepted above the cut line against the target, and words each metric', async () => {
    // a and b are accepted, 3 weeks each, capacity 5: b is ranked first and alone above the line.
    const s = await endedMeeting();
    await db.update(items).set({ kind: 'tech_debt' }).where(eq(items.id, s.b.id));
    await db.update(items).set({ kind: 'non_functional' }).where(eq(items.id, s.a.id));
    await db.update(cycles).set({ nfrTargetPercent: 70 }).where(eq(cycles.id, s.cycle.id));
    const [growth] = await db.select().from(themes).where(eq(themes.cycleId, s.cycle.id)).orderBy(themes.position);
    await db
      .update(themes)
      .set({ metricName: 'Checkout conversion', metricUnit: '%', metricBaseline: 2.1, metricTarget: 3 })
      .where(eq(themes.id, growth.id));

    const o = await cycleOutcome(s.pm, s.cycle.id);
    if (o.state !== 'ready') throw new Error('expected an outcome');
    // Only b (3 of 5 weeks, 60 %) counts: a is below the line.
    expect(o.nfr).toMatchObject({ nfrWeeks: 3, percent: 60, targetPercent: 70, short: true });
    expect(o.nfr!.shortByWeeks).toBeCloseTo(0.5);
    expect(o.themes.map((t) => [t.name, t.metric])).toEqual([
      ['Growth', 'Checkout conversion: 2.1 % → 3 %'],
      ['Reliability', null],
    ]);

    await db.update(cycles).set({ nfrTargetPercent: null }).where(eq(cycles.id, s.cycle.id));
    await db
      .update(items)
      .set({ kind: 'feature' })
      .where(inArray(items.id, [s.a.id, s.b.id]));
    const plain = await cycleOutcome(s.pm, s.cycle.id);
    if (plain.state !== 'ready') throw new Error('expected an outcome');
    expect(plain.nfr).toMatchObject({ nfrWeeks: 0, targetPercent: null, short: false });
  });
});
