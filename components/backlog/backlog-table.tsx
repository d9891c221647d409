'use client';

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ColumnFiltersState, ColumnVisibilityState, GroupingState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { ExportLinks } from '@/components/ui/export-links';
import type { BacklogMeta, BacklogRow } from '@/lib/backlog/types';
import { BACKLOG_COLUMNS, NO_MODULE, tableRowId, type TableRow } from './backlog-columns';
import { BacklogToolbar } from './backlog-toolbar';
import { CapacityBar } from './capacity-bar';
import { formatWeeks } from './format';
import { InlineEditContext, useInlineEdits } from './use-inline-edits';
import { useUrlView } from './use-url-view';
import {
  COLUMN_IDS,
  GROUP_BY,
  GROUP_COLUMN,
  KINDS,
  STATUSES,
  clearFilters,
  serialiseView,
  type BacklogView,
  type ColumnId,
  type GroupBy,
  type IdFilter,
} from './url-state';

const GROUP_AGGREGATE = {
  value: (row: TableRow) => row.effectiveWeeks,
  format: (sum: number) => `${formatWeeks(sum)} pw`,
};

function orderOf(ids: { id: number }[]) {
  return new Map(ids.map((o, i) => [o.id, i]));
}

/**
 * Rows in the order their groups should appear (the cycle's theme order, then "none" last);
 * for modules, one copy per module so an item shows in each module's group.
 */
function tableData(rows: BacklogRow[], group: GroupBy | null, meta: BacklogMeta): TableRow[] {
  if (group === null) return rows;
  const last = Number.MAX_SAFE_INTEGER;
  if (group === 'module') {
    const order = orderOf(meta.modules);
    const expanded: TableRow[] = [];
    for (const r of rows) {
      if (r.moduleIds.length === 0) expanded.push({ ...r, groupModule: { id: null, name: NO_MODULE } });
      r.moduleIds.forEach((id, i) =>
        expanded.push({ ...r, groupModule: { id, name: r.moduleNames[i] ?? String(id) } }),
      );
    }
    const rank = (r: TableRow) => (r.groupModule?.id == null ? last : (order.get(r.groupModule.id) ?? last - 1));
    return expanded.sort((a, b) => rank(a) - rank(b));
  }
  const rank =
    group === 'theme'
      ? ((order) => (r: BacklogRow) => (r.themeId === null ? last : (order.get(r.themeId) ?? last - 1)))(
          orderOf(meta.themes),
        )
      : group === 'department'
        ? (
            (order) => (r: BacklogRow) =>
              order.get(r.departmentId) ?? last
          )(orderOf(meta.departments))
        : (r: BacklogRow) => KINDS.indexOf(r.kind);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

function filtersOf(view: Pick<BacklogView, 'theme' | 'dept' | 'kind' | 'status' | 'module'>): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  if (view.theme !== null) filters.push({ id: 'theme', value: view.theme });
  if (view.dept !== null) filters.push({ id: 'department', value: view.dept });
  if (view.kind !== null) filters.push({ id: 'kind', value: view.kind });
  if (view.status !== null) filters.push({ id: 'status', value: view.status });
  if (view.module !== null) filters.push({ id: 'modules', value: view.module });
  return filters;
}

// The table only hands back state it was given, but the mapping back is kept total anyway.
function viewOfFilters(filters: ColumnFiltersState): Partial<BacklogView> {
  const get = (id: string) => filters.find((f) => f.id === id)?.value;
  const idFilter = (v: unknown): IdFilter | null => (v === 'none' || typeof v === 'number' ? v : null);
  return {
    theme: idFilter(get('theme')),
    dept: typeof get('department') === 'number' ? (get('department') as number) : null,
    kind: KINDS.find((k) => k === get('kind')) ?? null,
    status: STATUSES.find((s) => s === get('status')) ?? null,
    module: idFilter(get('modules')),
  };
}

function isColumnId(id: string): id is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(id);
}

export function BacklogTable({ rows, meta }: { rows: BacklogRow[]; meta: BacklogMeta }) {
  // Inline edits replace rows locally; fresh rows from the server (a refresh) win over them.
  const [localRows, setLocalRows] = useState(rows);
  const [prevRows, setPrevRows] = useState(rows);
  if (rows !== prevRows) {
    setPrevRows(rows);
    setLocalRows(rows);
  }
  const replaceRow = useCallback((row: BacklogRow) => {
    setLocalRows((current) => current.map((r) => (r.id === row.id ? row : r)));
  }, []);
  const edits = useInlineEdits(meta, replaceRow);
  const { view, update } = useUrlView(meta);

  // Filtering 5,000 rows per keystroke is cheap, but the input should never wait for it.
  const q = useDeferredValue(view.q);
  const data = useMemo(() => tableData(localRows, view.group, meta), [localRows, view.group, meta]);
  const sorting = useMemo<SortingState>(() => (view.sort ? [view.sort] : []), [view.sort]);
  const { theme, dept, kind, status, module } = view;
  const columnFilters = useMemo(
    () => filtersOf({ theme, dept, kind, status, module }),
    [theme, dept, kind, status, module],
  );
  const grouping = useMemo<GroupingState>(() => (view.group ? [GROUP_COLUMN[view.group]] : []), [view.group]);
  const columnVisibility = useMemo<ColumnVisibilityState>(
    // No scoring model, no Score column: it would only say "—" on every row.
    () => ({ ...Object.fromEntries(view.hide.map((id) => [id, false])), ...(meta.scoring ? {} : { score: false }) }),
    [view.hide, meta.scoring],
  );
  const onClearFilters = () => update(clearFilters(view));
  const total = localRows.length;
  // Grouping by module repeats items, so count distinct ids.
  const summary = useCallback(
    (filtered: TableRow[]) => `Showing ${new Set(filtered.map((r) => r.id)).size} of ${total} items`,
    [total],
  );

  return (
    <div className="flex flex-col gap-3 text-zinc-900 dark:text-zinc-100">
      <CapacityBar rows={localRows} meta={meta} />
      <BacklogToolbar view={view} meta={meta} onChange={update} onClearFilters={onClearFilters} />
      {/* The links carry the view, so the file holds exactly the rows shown (lib/export/backlog.server.ts). */}
      <ExportLinks
        label="Export the backlog as shown"
        href={(format) =>
          `/cycles/${meta.cycleId}/export/backlog?${serialiseView(view, new URLSearchParams({ format }))}`
        }
      />
      <InlineEditContext value={edits}>
        <DataTable
          label="Backlog items"
          data={data}
          columns={BACKLOG_COLUMNS}
          getRowId={tableRowId}
          sorting={sorting}
          onSortingChange={(next) => {
            const first = next[0];
            update({ sort: first && isColumnId(first.id) ? { id: first.id, desc: first.desc } : null });
          }}
          globalFilter={q.trim()}
          onGlobalFilterChange={(next) => update({ q: next })}
          columnFilters={columnFilters}
          onColumnFiltersChange={(next) => update(viewOfFilters(next))}
          grouping={grouping}
          onGroupingChange={(next) => update({ group: GROUP_BY.find((g) => GROUP_COLUMN[g] === next[0]) ?? null })}
          columnVisibility={columnVisibility}
          onColumnVisibilityChange={(next) => update({ hide: COLUMN_IDS.filter((id) => next[id] === false) })}
          groupAggregate={GROUP_AGGREGATE}
          summary={summary}
          emptyMessage={
            localRows.length === 0
              ? 'This cycle has no items yet. Add requests to the cycle to build its backlog.'
              : undefined
          }
          onClearFilters={localRows.length === 0 ? undefined : onClearFilters}
        />
      </InlineEditContext>
    </div>
  );
}
