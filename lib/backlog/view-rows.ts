import { KIND_LABEL, STATUS_LABEL } from './labels';
import type { BacklogRow } from './types';
import { scoreSortValue } from '@/lib/scoring/formulas';
import { STATUSES, type BacklogView, type ColumnId, type IdFilter } from './view';

/**
 * The rows the backlog table shows for a view, in its order, without the table: the export answers
 * exactly what the person was looking at. It follows the table's rules (components/backlog/
 * backlog-columns.tsx on TanStack Table): the search matches, case-insensitively, the text of every
 * column but the estimate; the pickers filter on ids; a sort compares the column's value (text in
 * lower case), puts empty values last in either direction, and keeps ties in id order.
 * Grouping only arranges rows on screen and is not applied: a spreadsheet is one flat list.
 */

type Value = string | number | undefined;

/**
 * Each column's value: the table's accessors (components/backlog/backlog-columns.tsx) are these, so
 * what the screen searches and sorts is what the export does. Undefined where the cell is empty.
 */
export const COLUMN_VALUE = {
  id: (r) => r.id,
  title: (r) => r.title,
  theme: (r) => r.themeName ?? undefined,
  status: (r) => STATUS_LABEL[r.status],
  kind: (r) => KIND_LABEL[r.kind],
  department: (r) => r.departmentName,
  modules: (r) => (r.moduleNames.length ? r.moduleNames.join(', ') : undefined),
  estimate: (r) => r.effectiveWeeks ?? undefined,
  sponsor: (r) => r.sponsorName ?? undefined,
  requestor: (r) => r.requestorName,
  sme: (r) => r.sme || undefined,
  // Incomplete scores have no value, so they sort last whichever way.
  score: (r) => scoreSortValue(r.score),
} satisfies Record<ColumnId, (r: BacklogRow) => Value>;
const VALUE: Record<ColumnId, (r: BacklogRow) => Value> = COLUMN_VALUE;

const SEARCHED = (Object.keys(VALUE) as ColumnId[]).filter((id) => id !== 'estimate' && id !== 'score');
const NUMERIC: ReadonlySet<ColumnId> = new Set(['id', 'estimate', 'score']);
/** Columns whose empty values sort last; the others always have a value. */
const EMPTY_LAST: ReadonlySet<ColumnId> = new Set(['theme', 'modules', 'estimate', 'sponsor', 'sme', 'score']);
const STATUS_ORDER = new Map(STATUSES.map((s, i) => [s, i]));

const matchesId = (actual: number | null, filter: IdFilter) =>
  filter === 'none' ? actual === null : actual === filter;

function passes(r: BacklogRow, view: BacklogView, search: string): boolean {
  if (view.theme !== null && !matchesId(r.themeId, view.theme)) return false;
  if (view.dept !== null && r.departmentId !== view.dept) return false;
  if (view.kind !== null && r.kind !== view.kind) return false;
  if (view.status !== null && r.status !== view.status) return false;
  if (view.module !== null) {
    const m = view.module;
    if (m === 'none' ? r.moduleIds.length > 0 : !r.moduleIds.includes(m)) return false;
  }
  if (search === '') return true;
  return SEARCHED.some((id) => {
    const value = VALUE[id](r);
    return value !== undefined && String(value).toLowerCase().includes(search);
  });
}

const basic = (a: Value, b: Value) => (a === b ? 0 : (a as string | number) > (b as string | number) ? 1 : -1);

function comparator(id: ColumnId, desc: boolean) {
  const value = VALUE[id];
  return (a: BacklogRow, b: BacklogRow): number => {
    if (EMPTY_LAST.has(id)) {
      const [va, vb] = [value(a), value(b)];
      if (va === undefined && vb === undefined) return 0;
      // Empty values go last whichever way the column is sorted.
      if (va === undefined || vb === undefined) return va === undefined ? 1 : -1;
    }
    const order =
      id === 'status'
        ? (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0)
        : NUMERIC.has(id)
          ? basic(value(a), value(b))
          : basic(String(value(a) ?? '').toLowerCase(), String(value(b) ?? '').toLowerCase());
    return desc ? -order : order;
  };
}

/** The rows of `rows` (in the list's order) that the view shows, sorted as the view sorts them. */
export function rowsInView(rows: readonly BacklogRow[], view: BacklogView): BacklogRow[] {
  const search = view.q.trim().toLowerCase();
  const shown = rows.map((row, index) => ({ row, index })).filter(({ row }) => passes(row, view, search));
  if (view.sort) {
    const compare = comparator(view.sort.id, view.sort.desc);
    shown.sort((a, b) => compare(a.row, b.row) || a.index - b.index);
  }
  return shown.map(({ row }) => row);
}
