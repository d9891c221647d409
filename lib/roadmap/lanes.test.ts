import { describe, expect, it } from 'vitest';
import { laneOf, roadmapOf } from './lanes';
import type { RoadmapEntry } from './types';

const cycle = { startsOn: '2026-10-01' };
const today = '2026-11-15';
const lane = (status: Parameters<typeof laneOf>[0]['status'], extra: Partial<Parameters<typeof laneOf>[0]> = {}) =>
  laneOf({ status, deliveredOn: null, period: null, cycle, ...extra }, today);

describe('laneOf', () => {
  it('puts delivered items in shipped and deferred ones in later', () => {
    expect(lane('delivered', { deliveredOn: '2026-11-03' })).toBe('shipped');
    expect(lane('deferred')).toBe('later');
  });

  it('puts an item in delivery in now, whatever its period', () => {
    const december = { name: 'December', startsOn: '2026-12-01', endsOn: '2026-12-31' };
    expect(lane('in_delivery', { period: december })).toBe('now');
  });

  it('decides accepted and scheduled items by the start of their period, else of their cycle', () => {
    const november = { name: 'November', startsOn: '2026-11-01', endsOn: '2026-11-30' };
    const december = { name: 'December', startsOn: '2026-12-01', endsOn: '2026-12-31' };
    expect(lane('scheduled', { period: november })).toBe('now');
    expect(lane('scheduled', { period: december })).toBe('next');
    expect(lane('accepted')).toBe('now');
    expect(lane('accepted', { cycle: { startsOn: '2027-01-01' } })).toBe('next');
    // A period starting today has started.
    expect(lane('scheduled', { period: { ...december, startsOn: today } })).toBe('now');
    // Accepted in a cycle that has ended but not delivered: still under way.
    expect(lane('accepted', { cycle: { startsOn: '2026-01-01' } })).toBe('now');
  });
});

describe('roadmapOf', () => {
  const entry = (title: string, endsOn: string, extra: Partial<RoadmapEntry> = {}): RoadmapEntry => ({
    title,
    theme: null,
    cycle: { name: `Ends ${endsOn}`, startsOn: '2026-01-01', endsOn },
    status: 'delivered',
    period: { name: 'P', startsOn: '2026-01-01', endsOn: '2026-01-31' },
    deliveredOn: '2026-01-15',
    lane: 'shipped',
    ...extra,
  });

  it('shows the timeline of cycles not ended, and what shipped in the last three months', () => {
    const roadmap = roadmapOf(
      [entry('Long ago', '2026-06-30'), entry('Last quarter', '2026-09-30'), entry('This quarter', '2026-12-31')],
      today,
    );
    expect(roadmap.shipped.map((c) => c.entries.map((e) => e.title))).toEqual([['Last quarter'], ['This quarter']]);
    expect(roadmap.timeline.map((c) => c.cycle)).toEqual(['Ends 2026-12-31']);
    expect(roadmap.lanes.now).toEqual([]);
  });
});
