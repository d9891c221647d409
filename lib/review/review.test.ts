import { describe, expect, it } from 'vitest';
import {
  byTheme,
  deliveredNfrShare,
  deliveryState,
  estimateAccuracy,
  metricVerdict,
  plannedVsDelivered,
  type ReviewItem,
} from './review';

const item = (over: Partial<ReviewItem> & Pick<ReviewItem, 'id'>): ReviewItem => ({
  title: `Item ${over.id}`,
  kind: 'feature',
  themeId: 1,
  weeks: 3,
  actualWeeks: null,
  planned: true,
  delivery: 'none',
  ...over,
});

describe('deliveryState', () => {
  it('is delivered with a standing final record, partial with milestones only, and ignores undone records', () => {
    expect(
      deliveryState([
        { kind: 'milestone', undoneAt: null },
        { kind: 'final', undoneAt: null },
      ]),
    ).toBe('delivered');
    expect(deliveryState([{ kind: 'milestone', undoneAt: null }])).toBe('partial');
    expect(deliveryState([{ kind: 'final', undoneAt: '2027-03-01T00:00:00Z' }])).toBe('none');
    expect(
      deliveryState([
        { kind: 'final', undoneAt: '2027-03-01T00:00:00Z' },
        { kind: 'milestone', undoneAt: null },
      ]),
    ).toBe('partial');
    expect(deliveryState([])).toBe('none');
  });
});

describe('plannedVsDelivered and byTheme', () => {
  const items = [
    item({ id: 1, weeks: 3, delivery: 'delivered' }),
    item({ id: 2, weeks: 2, themeId: 2, delivery: 'delivered' }),
    item({ id: 3, weeks: 5, delivery: 'partial' }),
    item({ id: 4, weeks: 1, themeId: null }),
    item({ id: 5, weeks: 6, planned: false, delivery: 'delivered' }),
    item({ id: 6, weeks: null, themeId: 2 }),
  ];

  it('counts planned items and weeks, delivered ones (planned or not) and partial ones', () => {
    expect(plannedVsDelivered(items)).toEqual({
      planned: { items: 5, weeks: 11 },
      delivered: { items: 3, weeks: 11 },
      deliveredUnplanned: 1,
      partial: { items: 1, weeks: 5 },
    });
  });

  it('sums per theme in the themes’ order, with the items without a theme last', () => {
    const groups = byTheme(items, [
      { id: 1, name: 'Growth' },
      { id: 2, name: 'Reliability' },
    ]);
    expect(groups.map((g) => [g.name, g.planned, g.delivered, g.partial.items])).toEqual([
      ['Growth', { items: 2, weeks: 8 }, { items: 2, weeks: 9 }, 1],
      ['Reliability', { items: 2, weeks: 2 }, { items: 1, weeks: 2 }, 0],
      ['No theme', { items: 1, weeks: 1 }, { items: 0, weeks: 0 }, 0],
    ]);
  });
});

describe('estimateAccuracy', () => {
  it('compares estimate and actual of delivered items that have both, overall and per item', () => {
    const accuracy = estimateAccuracy([
      item({ id: 1, weeks: 4, actualWeeks: 5, delivery: 'delivered' }),
      item({ id: 2, weeks: 2, actualWeeks: 1, delivery: 'delivered' }),
      item({ id: 3, weeks: 3, delivery: 'delivered' }), // no actual effort recorded
      item({ id: 4, weeks: 3, actualWeeks: 9, delivery: 'partial' }), // not delivered
    ]);
    expect(accuracy.measured).toBe(2);
    expect(accuracy.delivered).toBe(3);
    expect(accuracy.ratio).toBeCloseTo(6 / 6);
    expect(accuracy.meanAbsolutePercentError).toBeCloseTo((25 + 50) / 2);
    expect(accuracy.rows.map((r) => [r.id, r.estimate, r.actual, r.errorPercent])).toEqual([
      [1, 4, 5, 25],
      [2, 2, 1, 50],
    ]);
  });

  it('has no ratio when no delivered item has an actual effort', () => {
    expect(estimateAccuracy([item({ id: 1, delivery: 'delivered' })])).toMatchObject({
      measured: 0,
      delivered: 1,
      ratio: null,
      meanAbsolutePercentError: null,
    });
  });
});

describe('metricVerdict', () => {
  const metric = { metricName: 'Conversion', metricBaseline: 2, metricTarget: 3, metricActual: null };
  it('is met at or above a rising target, not met below it, not measured without a value', () => {
    expect(metricVerdict({ ...metric, metricActual: 3 })).toBe('met');
    expect(metricVerdict({ ...metric, metricActual: 2.9 })).toBe('not_met');
    expect(metricVerdict(metric)).toBe('not_measured');
  });
  it('is met at or below a falling target', () => {
    const churn = { metricName: 'Churn', metricBaseline: 5, metricTarget: 3 };
    expect(metricVerdict({ ...churn, metricActual: 2.5 })).toBe('met');
    expect(metricVerdict({ ...churn, metricActual: 3 })).toBe('met');
    expect(metricVerdict({ ...churn, metricActual: 4 })).toBe('not_met');
  });
  it('has no target without a metric name or a target', () => {
    expect(metricVerdict({ ...metric, metricName: null, metricActual: 3 })).toBe('no_target');
    expect(metricVerdict({ ...metric, metricTarget: null, metricActual: 3 })).toBe('no_target');
  });
});

describe('deliveredNfrShare', () => {
  it('counts delivered non-functional and tech-debt weeks only, against capacity and target', () => {
    const share = deliveredNfrShare(
      [
        item({ id: 1, kind: 'tech_debt', weeks: 2, delivery: 'delivered' }),
        item({ id: 2, kind: 'non_functional', weeks: 3, delivery: 'partial' }),
        item({ id: 3, kind: 'feature', weeks: 5, delivery: 'delivered' }),
      ],
      20,
      25,
    );
    expect(share).toMatchObject({ nfrWeeks: 2, percent: 10, short: true, shortByWeeks: 3, targetPercent: 25 });
  });
});
