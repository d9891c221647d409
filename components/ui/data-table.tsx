'use client';

import { useMemo, useRef, type ReactNode } from 'react';
import {
  functionalUpdate,
  useTable,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type GroupingState,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { VirtualBody, type DisplayRow } from './data-table-body';
import { dataTableFeatures, type DataTableColumn, type DataTableRow, type GroupAggregate } from './data-table-features';

export type DataTableProps<TData extends RowData> = {
  data: TData[];
  columns: DataTableColumn<TData>[];
  getRowId: (row: TData) => string;
  /** Accessible name of the table (a visually hidden caption). */
  label: string;
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  globalFilter: string;
  onGlobalFilterChange: (next: string) => void;
  columnFilters: ColumnFiltersState;
  onColumnFiltersChange: (next: ColumnFiltersState) => void;
  grouping: GroupingState;
  onGroupingChange: (next: GroupingState) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
  /** Summed into each group header, e.g. person-weeks. */
  groupAggregate?: GroupAggregate<TData>;
  /** Rendered above the table with the rows left after filtering (before grouping). */
  summary?: (filtered: TData[]) => ReactNode;
  emptyMessage?: ReactNode;
  onClearFilters?: () => void;
  /** Estimated row height in px; rows are measured after render. */
  rowHeight?: number;
};

// Group rows come out of the grouped model as parents; showing them always expanded needs no expansion state.
function flatten<TData extends RowData>(rows: DataTableRow<TData>[], out: DisplayRow<TData>[] = []) {
  for (const row of rows) {
    if (row.getIsGrouped()) {
      out.push({ kind: 'group', row });
      flatten(row.subRows, out);
    } else {
      out.push({ kind: 'leaf', row });
    }
  }
  return out;
}

function applyUpdater<T>(updater: Updater<T>, current: T, set: (next: T) => void) {
  set(functionalUpdate(updater, current));
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { data, columns, sorting, globalFilter, columnFilters, grouping, columnVisibility } = props;
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: props.getRowId,
    state: { sorting, globalFilter, columnFilters, grouping, columnVisibility },
    onSortingChange: (u) => applyUpdater(u, sorting, props.onSortingChange),
    onGlobalFilterChange: (u) => applyUpdater(u, globalFilter, props.onGlobalFilterChange),
    onColumnFiltersChange: (u) => applyUpdater(u, columnFilters, props.onColumnFiltersChange),
    onGroupingChange: (u) => applyUpdater(u, grouping, props.onGroupingChange),
    onColumnVisibilityChange: (u) => applyUpdater(u, columnVisibility, props.onColumnVisibilityChange),
    globalFilterFn: 'includesString',
    enableMultiSort: false,
    // Numbers would otherwise sort descending first, which surprises people clicking "ID".
    sortDescFirst: false,
    // Group headers span the row, so the grouped column keeps its place among the others.
    groupedColumnMode: false,
  });

  const rowModel = table.getRowModel();
  const displayRows = useMemo(() => flatten(rowModel.rows), [rowModel]);
  const filteredModel = table.getFilteredRowModel();
  const { summary } = props;
  const summaryText = useMemo(
    () => (summary ? summary(filteredModel.rows.map((r) => r.original)) : null),
    [summary, filteredModel],
  );
  const headerGroups = table.getHeaderGroups();
  const visibleColumns = table.getVisibleLeafColumns();
  const minWidth = visibleColumns.reduce((sum, c) => sum + (c.columnDef.meta?.width ?? 120), 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const colCount = Math.max(visibleColumns.length, 1);

  return (
    <div className="flex flex-col gap-2">
      {summary ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {summaryText}
        </p>
      ) : null}
      <div
        ref={scrollRef}
        // Focusable so keyboard users can scroll the rows.
        tabIndex={0}
        role="region"
        aria-label={props.label}
        // Relative: absolutely placed bits inside (screen-reader-only text) stay in the scroll box, not the page.
        className="relative max-h-[70vh] overflow-auto rounded-md border border-zinc-200 bg-white dark:bg-zinc-950 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-800"
      >
        <table
          className="w-full table-fixed border-separate border-spacing-0 text-sm"
          style={{ minWidth }}
          aria-rowcount={displayRows.length + headerGroups.length}
        >
          <caption className="sr-only">{props.label}</caption>
          <colgroup>
            {visibleColumns.map((c) => (
              <col key={c.id} style={{ width: c.columnDef.meta?.width ?? 120 }} />
            ))}
          </colgroup>
          <thead>
            {headerGroups.map((group, gi) => (
              <tr key={group.id} aria-rowindex={gi + 1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined
                      }
                      className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 px-2 py-1.5 text-left font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded px-0.5 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="w-3 text-xs text-zinc-500 dark:text-zinc-400">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {displayRows.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={colCount} className="px-4 py-10 text-center text-zinc-600 dark:text-zinc-400">
                  <p>{props.emptyMessage ?? 'No items match these filters.'}</p>
                  {props.onClearFilters ? (
                    <button
                      type="button"
                      onClick={props.onClearFilters}
                      className="mt-3 rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
                    >
                      Clear filters
                    </button>
                  ) : null}
                </td>
              </tr>
            </tbody>
          ) : (
            <VirtualBody
              rows={displayRows}
              scrollRef={scrollRef}
              colCount={colCount}
              firstRowIndex={headerGroups.length + 1}
              rowHeight={props.rowHeight ?? 36}
              aggregate={props.groupAggregate}
            />
          )}
        </table>
      </div>
    </div>
  );
}
