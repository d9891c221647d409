import type { BadInputTarget } from './targets';

/**
 * The downloads take their input in the query string (format, the backlog's view), whose every way
 * of being wrong is tested against the parsers in lib/export; here, the path.
 */
export const EXPORT_BAD_INPUT_TARGETS: BadInputTarget[] = [
  { target: 'GET /cycles/[id]/export/backlog', from: 'a planning cycle, filtered', as: 'pm', kinds: {} },
  { target: 'GET /cycles/[id]/export/schedule', from: 'published', as: 'pm', kinds: {} },
  { target: 'GET /cycles/[id]/export/changes', from: 'a cycle in delivery', as: 'pm', kinds: {} },
];
