import type { BacklogMeta, BacklogRow } from '@/lib/backlog/types';
import {
  COLUMN_IDS,
  GROUP_BY,
  KINDS,
  SEARCH_MAX,
  STATUSES,
  type BacklogView,
  type ColumnId,
  type GroupBy,
  type IdFilter,
} from '@/lib/backlog/view';

// The view's values are shared with the server's backlog export (lib/backlog/view.ts).
export { COLUMN_IDS, GROUP_BY, KINDS, STATUSES };
export type { BacklogView, ColumnId, GroupBy, IdFilter, ItemStatus, Kind } from '@/lib/backlog/view';
export type Size = NonNullable<BacklogRow['estimateSize']>;

/** The column each "Group by" choice groups on. */
export const GROUP_COLUMN: Record<GroupBy, ColumnId> = {
  theme: 'theme',
  module: 'modules',
  department: 'department',
  kind: 'kind',
};

export const EMPTY_VIEW: BacklogView = {
  q: '',
  theme: null,
  dept: null,
  kind: null,
  status: null,
  module: null,
  sort: null,
  group: null,
  hide: [],
};

const KEYS = ['q', 'theme', 'dept', 'kind', 'status', 'module', 'sort', 'group', 'hide'] as const;

/** Title is the link to the item: hiding it would leave rows nobody can open. */
export const UNHIDEABLE: readonly ColumnId[] = ['title'];

type Known = Pick<BacklogMeta, 'themes' | 'departments' | 'modules'>;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

function knownId(options: { id: number }[], value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return options.some((o) => o.id === id) ? id : null;
}

function idOrNone(options: { id: number }[], value: string | null): IdFilter | null {
  return value === 'none' ? 'none' : knownId(options, value);
}

/** Reads a view from the query string; anything unknown or malformed is dropped, never trusted. */
export function parseView(params: URLSearchParams, known: Known): BacklogView {
  const rawSort = params.get('sort');
  const desc = rawSort?.startsWith('-') ?? false;
  const sortId = oneOf(COLUMN_IDS, rawSort === null ? null : desc ? rawSort.slice(1) : rawSort);
  const hide = (params.get('hide') ?? '')
    .split(',')
    .map((s) => oneOf(COLUMN_IDS, s.trim()))
    .filter((id): id is ColumnId => id !== null && !UNHIDEABLE.includes(id));
  return {
    q: (params.get('q') ?? '').slice(0, SEARCH_MAX),
    theme: idOrNone(known.themes, params.get('theme')),
    dept: knownId(known.departments, params.get('dept')),
    kind: oneOf(KINDS, params.get('kind')),
    status: oneOf(STATUSES, params.get('status')),
    module: idOrNone(known.modules, params.get('module')),
    sort: sortId ? { id: sortId, desc } : null,
    group: oneOf(GROUP_BY, params.get('group')),
    hide: [...new Set(hide)],
  };
}

/**
 * Writes a view into a query string, keeping parameters that belong to someone else.
 * Commas stay literal so "hide=sponsor,sme" reads as written.
 */
export function serialiseView(view: BacklogView, current: URLSearchParams): string {
  const params = new URLSearchParams(current);
  for (const key of KEYS) params.delete(key);
  if (view.q) params.set('q', view.q);
  if (view.theme !== null) params.set('theme', String(view.theme));
  if (view.dept !== null) params.set('dept', String(view.dept));
  if (view.kind) params.set('kind', view.kind);
  if (view.status) params.set('status', view.status);
  if (view.module !== null) params.set('module', String(view.module));
  if (view.sort) params.set('sort', `${view.sort.desc ? '-' : ''}${view.sort.id}`);
  if (view.group) params.set('group', view.group);
  if (view.hide.length) params.set('hide', view.hide.join(','));
  return [...params]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`)
    .join('&');
}

export function hasFilters(view: BacklogView): boolean {
  return Boolean(
    view.q || view.theme !== null || view.dept !== null || view.kind || view.status || view.module !== null,
  );
}

export function clearFilters(view: BacklogView): BacklogView {
  return { ...view, q: '', theme: null, dept: null, kind: null, status: null, module: null };
}
