import type { Roadmap, RoadmapEntry, RoadmapPeriod, ThemeGroup } from './types';

export type Lane = 'now' | 'next' | 'later' | 'shipped';

/** What each lane means, said on the page in the same words as the rule below. */
export const LANE_DEFINITIONS: Record<Exclude<Lane, 'shipped'>, { title: string; meaning: string }> = {
  now: {
    title: 'Now',
    meaning:
      'Accepted and under way: in delivery, or in a cycle (or a scheduled period) that has started and not delivered yet.',
  },
  next: {
    title: 'Next',
    meaning: 'Accepted for a cycle that has not started yet, or scheduled in a period that starts later.',
  },
  later: { title: 'Later', meaning: 'Deferred: the decision was to come back to it in a later cycle.' },
};

type Classified = Pick<RoadmapEntry, 'status' | 'deliveredOn' | 'period'> & { cycle: { startsOn: string } };

/**
 * The lane of one published item on `today` (YYYY-MM-DD). Delivered items have shipped; deferred ones
 * come later; an item in delivery is now. Otherwise the item's start decides: the start of its
 * scheduled period when the published schedule has one, else the start of its cycle — started (or
 * past and not yet delivered) is now, in the future is next.
 */
export function laneOf(entry: Classified, today: string): Lane {
  if (entry.status === 'delivered') return 'shipped';
  if (entry.status === 'deferred') return 'later';
  if (entry.status === 'in_delivery') return 'now';
  const start = entry.period?.startsOn ?? entry.cycle.startsOn;
  return start > today ? 'next' : 'now';
}

const NO_THEME = 'No theme';

function byTheme(entries: RoadmapEntry[]): ThemeGroup[] {
  const groups = new Map<string, RoadmapEntry[]>();
  for (const e of entries) {
    const key = e.theme ?? NO_THEME;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups].map(([theme, list]) => ({ theme, entries: list }));
}

const periodStart = (p: RoadmapPeriod) => p.startsOn ?? '9999-12-31';

/**
 * How far back "what shipped" looks: cycles that ended up to this many days ago (a quarter: the
 * previous quarterly cycle, or the last three monthly ones). Older deliveries are the changelog's.
 */
export const SHIPPED_WINDOW_DAYS = 92;

/** The first day whose cycles still show what they shipped on the roadmap. */
export function shippedSince(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - SHIPPED_WINDOW_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * The roadmap's three views from the published entries (already in cycle, theme and rank order): the
 * lanes; the timeline of the cycles that have not ended; and what shipped in the cycles that ended
 * less than SHIPPED_WINDOW_DAYS ago or have not ended — the changelog keeps the whole history.
 */
export function roadmapOf(entries: RoadmapEntry[], today: string): Roadmap {
  const since = shippedSince(today);
  const inLane = (lane: Lane) => entries.filter((e) => e.lane === lane);
  const timeline = new Map<string, Map<string, { period: RoadmapPeriod; entries: RoadmapEntry[] }>>();
  for (const e of entries) {
    if (!e.period || e.cycle.endsOn < today) continue;
    const periods = timeline.get(e.cycle.name) ?? new Map();
    timeline.set(e.cycle.name, periods);
    const slot = periods.get(e.period.name) ?? { period: e.period, entries: [] };
    periods.set(e.period.name, slot);
    slot.entries.push(e);
  }
  const shipped = new Map<string, RoadmapEntry[]>();
  for (const e of inLane('shipped').filter((x) => x.cycle.endsOn >= since)) {
    const list = shipped.get(e.cycle.name);
    if (list) list.push(e);
    else shipped.set(e.cycle.name, [e]);
  }
  return {
    today,
    lanes: { now: byTheme(inLane('now')), next: byTheme(inLane('next')), later: byTheme(inLane('later')) },
    timeline: [...timeline].map(([cycle, periods]) => ({
      cycle,
      periods: [...periods.values()].sort((a, b) => periodStart(a.period).localeCompare(periodStart(b.period))),
    })),
    shipped: [...shipped].map(([cycle, list]) => ({
      cycle,
      entries: [...list].sort((a, b) => (b.deliveredOn ?? '').localeCompare(a.deliveredOn ?? '')),
    })),
  };
}
