import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cycles, themes } from '@/db/schema';
import { first } from '@/db/rows';
import { makeCycle } from '@/db/factories';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { db, eventsOf, userWithRole } from '@/lib/testing/db';
import { closeCycle, recordMetricActual } from './close.server';
import { cycleReview } from './review.server';
import { reviewedCycle } from './test-review';

const ready = async (...args: Parameters<typeof cycleReview>) => {
  const review = await cycleReview(...args);
  if (review.state !== 'ready') throw new Error('expected a review');
  return review;
};

describe('cycleReview', () => {
  it('sums planned and delivered work overall and by theme from the delivery records', async () => {
    const s = await reviewedCycle();
    const review = await ready(await userWithRole('engineer'), s.cycle.id);
    expect(review.closed).toBe(false);
    // Planned: shipped 3 + debt 2 + beta 5 + undone 1; "below" was under the published cut line.
    expect(review.totals).toEqual({
      planned: { items: 4, weeks: 11 },
      delivered: { items: 2, weeks: 5 },
      deliveredUnplanned: 0,
      partial: { items: 1, weeks: 5 },
    });
    expect(review.themes.map((t) => [t.name, t.planned.items, t.delivered.items, t.partial.items])).toEqual([
      ['Growth', 2, 1, 1],
      ['Reliability', 1, 1, 0],
      ['No theme', 1, 0, 0],
    ]);
    expect(review.accuracy).toMatchObject({ measured: 2, delivered: 2, ratio: 1 });
    expect(review.accuracy.meanAbsolutePercentError).toBeCloseTo((100 / 3 + 50) / 2);
    expect(review.nfr).toMatchObject({ nfrWeeks: 2, percent: 10, short: true, targetPercent: 25 });
    expect(review.themes.map((t) => t.verdict)).toEqual(['not_measured', 'not_measured', 'no_target']);
    // Before closing, nothing is offered to the next cycle yet.
    expect(review.undelivered).toEqual([]);
    expect(review.targetCycles.map((c) => c.id)).toContain(s.next.id);
  });

  it('has no review before the outcome is published, and refuses requestors', async () => {
    const planning = await makeCycle(db, { status: 'planning' });
    expect((await cycleReview(await userWithRole('pm'), planning.id)).state).toBe('not_ready');
    await expect(cycleReview(await userWithRole('requestor'), planning.id)).rejects.toThrow(ForbiddenError);
  });
});

describe('closeCycle', () => {
  it('closes a published cycle, logs the status change, and then offers the undelivered items', async () => {
    const s = await reviewedCycle();
    await closeCycle(s.pm, s.cycle.id);
    expect(first(await db.select().from(cycles).where(eq(cycles.id, s.cycle.id)))!.status).toBe('closed');
    expect((await eventsOf('cycle', s.cycle.id)).map((e) => [e.type, e.actorId, e.data])).toEqual([
      ['cycle.status_changed', s.pm.id, { changes: { status: { from: 'published', to: 'closed' } } }],
    ]);
    const review = await ready(s.pm, s.cycle.id);
    expect(review.closed).toBe(true);
    expect(review.undelivered.map((i) => i.title).sort()).toEqual(['Dark mode', 'Invoice export', 'Partner portal']);
    await expect(closeCycle(s.pm, s.cycle.id)).rejects.toThrow('Only a published cycle can be closed');
  });

  it('refuses a cycle that is not published and a leader, writing nothing', async () => {
    const pm = await userWithRole('pm');
    const planning = await makeCycle(db, { status: 'decided' });
    await expect(closeCycle(pm, planning.id)).rejects.toThrow(ConflictError);
    const published = await makeCycle(db, { status: 'published' });
    await expect(closeCycle(await userWithRole('leader'), published.id)).rejects.toThrow(ForbiddenError);
    expect(await eventsOf('cycle', planning.id)).toEqual([]);
    expect(await eventsOf('cycle', published.id)).toEqual([]);
    expect(first(await db.select().from(cycles).where(eq(cycles.id, published.id)))!.status).toBe('published');
  });
});

describe('recordMetricActual', () => {
  it('records the measured value, logs it, and the verdict follows the metric’s direction', async () => {
    const s = await reviewedCycle();
    await recordMetricActual(s.pm, s.cycle.id, { themeId: String(s.growth.id), metricActual: '2.5' });
    await recordMetricActual(s.pm, s.cycle.id, { themeId: String(s.reliability.id), metricActual: '2.8' });
    const review = await ready(s.pm, s.cycle.id);
    expect(review.themes.slice(0, 2).map((t) => [t.metricActual, t.verdict])).toEqual([
      [2.5, 'not_met'],
      [2.8, 'met'],
    ]);
    expect((await eventsOf('theme', s.growth.id)).map((e) => [e.type, e.data])).toEqual([
      ['theme.metric_measured', { cycleId: s.cycle.id, changes: { metricActual: { from: null, to: 2.5 } } }],
    ]);
    await recordMetricActual(s.pm, s.cycle.id, { themeId: String(s.growth.id), metricActual: '' });
    expect(first(await db.select().from(themes).where(eq(themes.id, s.growth.id)))!.metricActual).toBeNull();
  });

  it('refuses a value that is not a number, a theme without a metric and a leader, writing nothing', async () => {
    const s = await reviewedCycle();
    const bad = recordMetricActual(s.pm, s.cycle.id, { themeId: String(s.growth.id), metricActual: '2,5' });
    await expect(bad).rejects.toThrow(ValidationError);
    await db.update(themes).set({ metricName: null }).where(eq(themes.id, s.reliability.id));
    await expect(
      recordMetricActual(s.pm, s.cycle.id, { themeId: String(s.reliability.id), metricActual: '1' }),
    ).rejects.toThrow(ValidationError);
    await expect(
      recordMetricActual(await userWithRole('leader'), s.cycle.id, { themeId: String(s.growth.id), metricActual: '1' }),
    ).rejects.toThrow(ForbiddenError);
    expect(await eventsOf('theme', s.growth.id)).toEqual([]);
    expect(first(await db.select().from(themes).where(eq(themes.id, s.growth.id)))!.metricActual).toBeNull();
  });
});
