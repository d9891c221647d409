import { KIND_LABEL, STATUS_LABEL } from './labels';
import type { BacklogRow } from './types';

/**
 * The backlog table's view — its filters, sort, grouping and hidden columns — as values. It lives
 * in the page's query string (components/backlog/url-state.ts reads and writes it there) and the
 * backlog export reads the same query string (lib/export/backlog.server.ts), so both share these.
 */

export type ItemStatus = BacklogRow['status'];
export type Kind = BacklogRow['kind'];

// In the label tables' order, which is the order the table's pickers offer them.
export const STATUSES = Object.keys(STATUS_LABEL) as ItemStatus[];
export const KINDS = Object.keys(KIND_LABEL) as Kind[];

export const COLUMN_IDS = [
  'id',
  'title',
  'theme',
  'status',
  'kind',
  'department',
  'modules',
  'estimate',
  'sponsor',
  'requestor',
  'sme',
  'score',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const GROUP_BY = ['theme', 'module', 'department', 'kind'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** "none" selects items without a theme / module. */
export type IdFilter = number | 'none';

export type BacklogView = {
  q: string;
  theme: IdFilter | null;
  dept: number | null;
  kind: Kind | null;
  status: ItemStatus | null;
  module: IdFilter | null;
  sort: { id: ColumnId; desc: boolean } | null;
  group: GroupBy | null;
  hide: ColumnId[];
};

/** The longest search the view keeps. */
export const SEARCH_MAX = 200;
