import type { Lane } from './lanes';

/** The statuses an item can show on the roadmap, as a person without backlog access may see them. */
export type RoadmapStatus = 'accepted' | 'scheduled' | 'in_delivery' | 'delivered' | 'deferred';

export type RoadmapPeriod = { name: string; startsOn: string | null; endsOn: string | null };

/**
 * One item as the roadmap shows it: only what is published and fit for anyone to read — its title,
 * theme, cycle, period and delivery date. No reasons, votes, estimates or people, by construction.
 */
export type RoadmapEntry = {
  title: string;
  theme: string | null;
  cycle: { name: string; startsOn: string; endsOn: string };
  status: RoadmapStatus;
  /** The period of the schedule as last published; null when not on a published schedule. */
  period: RoadmapPeriod | null;
  /** The day of the final delivery (not undone); only when the item shows as delivered. */
  deliveredOn: string | null;
  lane: Lane;
};

export type ThemeGroup = { theme: string; entries: RoadmapEntry[] };

export type Roadmap = {
  today: string;
  lanes: Record<Exclude<Lane, 'shipped'>, ThemeGroup[]>;
  timeline: { cycle: string; periods: { period: RoadmapPeriod; entries: RoadmapEntry[] }[] }[];
  shipped: { cycle: string; entries: RoadmapEntry[] }[];
};
