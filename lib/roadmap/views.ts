import { z } from 'zod';

/**
 * The roadmap's views, one at a time: a company's roadmap holds thousands of items, and each view
 * answers its own question (what is under way, when, what shipped). The first is the default.
 */
export const ROADMAP_VIEWS = [
  { id: 'lanes', title: 'Now, next and later' },
  { id: 'timeline', title: 'Timeline' },
  { id: 'shipped', title: 'What shipped' },
] as const;

export type RoadmapViewId = (typeof ROADMAP_VIEWS)[number]['id'];

const VIEW_IDS = ROADMAP_VIEWS.map((v) => v.id) as [RoadmapViewId, ...RoadmapViewId[]];

/** The view a page's query string asks for; an unknown or repeated one shows the default. */
export const RoadmapQuerySchema = z.object({ view: z.enum(VIEW_IDS).catch('lanes').default('lanes') });

/**
 * The changelog's `?quarter=` ("2026-Q4"). Anything else (a word, a repeated key) shows the newest
 * quarter with deliveries; a quarter without any shows that it has none.
 */
export const ChangelogQuerySchema = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
});
