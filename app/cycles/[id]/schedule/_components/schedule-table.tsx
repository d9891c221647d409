'use client';
import { useCallback, useDeferredValue, useMemo, useState, useSyncExternalStore } from 'react';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { createDataTableColumnHelper } from '@/components/ui/data-table-features';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { formatWeeks } from '@/lib/meetings/format';
import { SCHEDULE_STATUSES } from '@/lib/schedule/types';
import type { ScheduleRow } from '@/lib/schedule/wire';
import { compactControl, useSchedule } from './context';
import { DeliveryCell } from './delivery';
import { EntryEditor, EntryText } from './entry-editor';
import { MovedLegend, MovedMark } from './moved-mark';

const col = createDataTableColumnHelper<ScheduleRow>();
const wrap = 'overflow-visible whitespace-normal';
const NO_SORT = { enableSorting: false } as const;

function FlagsCell({ row }: { row: ScheduleRow }) {
  const { selected, select } = useSchedule();
  const open = selected === row.id;
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls="schedule-flags"
      onClick={() => select(open ? null : row.id)}
      className={`rounded px-1.5 py-0.5 text-xs font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 ${row.openFlags ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100' : 'text-indigo-700 dark:text-indigo-300'}`}
    >
      Questions<span className="sr-only"> on {row.title}</span>
      {row.openFlags ? ` (${row.openFlags} open)` : ''}
    </button>
  );
}

function EntryCell({ row }: { row: ScheduleRow }) {
  const { view } = useSchedule();
  const editable = view.viewer.canEdit && row.status !== 'delivered';
  // Keyed on the entry version: a saved entry remounts the editor with the server's values.
  return editable ? <EntryEditor key={row.entryVersion} row={row} /> : <EntryText row={row} />;
}

// Rank order is the schedule's order: no column sorts it away.
const COLUMNS = col.columns([
  col.accessor('position', {
    header: '#',
    ...NO_SORT,
    enableGlobalFilter: false,
    meta: { width: 52, cellClassName: 'tabular-nums text-zinc-500 dark:text-zinc-400' },
  }),
  col.accessor('title', {
    header: 'Item',
    ...NO_SORT,
    meta: { width: 280, cellClassName: wrap },
    cell: ({ row: { original: r } }) => (
      <>
        <div className="font-medium">{r.title}</div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">
          {r.theme ?? 'No theme'} · {r.requestor}
          {r.sponsor ? ` · sponsor ${r.sponsor}` : ''}
        </div>
        <MovedMark itemId={r.id} />
      </>
    ),
  }),
  col.accessor((r) => r.weeks ?? undefined, {
    id: 'weeks',
    header: 'Weeks',
    ...NO_SORT,
    enableGlobalFilter: false,
    meta: { width: 72, cellClassName: 'tabular-nums' },
    cell: ({ getValue, row }) => {
      const w = getValue();
      const actual = row.original.actualWeeks;
      return (
        <>
          {w === undefined ? '—' : formatWeeks(w)}
          {actual !== null && <span className="block text-xs">actual {formatWeeks(actual)}</span>}
        </>
      );
    },
  }),
  col.accessor((r) => r.periodId ?? undefined, {
    id: 'period',
    header: 'Period · owner · kickoff',
    ...NO_SORT,
    enableGlobalFilter: false,
    filterFn: (row, _id, value: number | 'none') =>
      value === 'none' ? row.original.periodId === null : row.original.periodId === value,
    meta: { width: 520, cellClassName: wrap },
    cell: ({ row }) => <EntryCell row={row.original} />,
  }),
  col.accessor((r) => [r.theme, r.requestor, r.sponsor, r.owner].filter(Boolean).join(' '), {
    id: 'people',
    header: 'Theme and people',
    ...NO_SORT,
  }),
  col.accessor('status', {
    header: 'Status',
    ...NO_SORT,
    enableGlobalFilter: false,
    filterFn: (row, _id, value: string) => row.original.status === value,
    meta: { width: 230, cellClassName: wrap },
    cell: ({ row }) => <DeliveryCell row={row.original} />,
  }),
  col.accessor('openFlags', {
    header: 'Questions and flags',
    ...NO_SORT,
    enableGlobalFilter: false,
    meta: { width: 150, cellClassName: wrap },
    cell: ({ row }) => <FlagsCell row={row.original} />,
  }),
]);

const noop = () => {};
// The table's state is fixed but for the filters; constants keep TanStack's row models memoised.
const NONE: never[] = [];
// The people column only lets the text filter find items by theme and person; it is never shown.
const HIDDEN = { people: false };

const noSubscription = () => noop;
/** False on the server and while hydrating, true once the page runs in the browser. */
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/**
 * The schedule in rank order, virtualised: a 2,000-item cycle renders only the rows on screen.
 * Built in the browser only (like the backlog table, docs/decisions/0005): the table model of
 * 2,000 rows costs the server more than the rest of the page, and the rows are in the page's data.
 */
export function ScheduleTable() {
  const { view } = useSchedule();
  const inBrowser = useInBrowser();
  const [query, setQuery] = useState('');
  const [period, setPeriod] = useState('');
  const [status, setStatus] = useState('');
  const q = useDeferredValue(query);
  const filters = useMemo<ColumnFiltersState>(
    () => [
      ...(period ? [{ id: 'period', value: period === 'none' ? 'none' : Number(period) }] : []),
      ...(status ? [{ id: 'status', value: status }] : []),
    ],
    [period, status],
  );
  const clear = () => {
    setQuery('');
    setPeriod('');
    setStatus('');
  };
  const total = view.items.length;
  const summary = useCallback((shown: ScheduleRow[]) => `Showing ${shown.length} of ${total} items`, [total]);
  return (
    <section aria-labelledby="schedule-list-heading" className="space-y-2">
      <h2 id="schedule-list-heading" className="text-lg font-semibold">
        Items in rank order
      </h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="space-y-1">
          <span className="block font-medium">Find an item</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Title, theme, person…"
            className={`${compactControl} w-64`}
          />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Period</span>
          <select value={period} onChange={(e) => setPeriod(e.target.value)} className={compactControl}>
            <option value="">All periods</option>
            <option value="none">No period yet</option>
            {view.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)} className={compactControl}>
            <option value="">All statuses</option>
            {SCHEDULE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <MovedLegend />
      {!inBrowser ? (
        <p
          role="status"
          className="rounded-md border border-zinc-200 p-6 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
        >
          Loading the {total} items…
        </p>
      ) : (
        <DataTable
          label="Schedule items in rank order"
          data={view.items}
          columns={COLUMNS}
          getRowId={(r) => String(r.id)}
          sorting={NONE}
          onSortingChange={noop}
          globalFilter={q.trim()}
          onGlobalFilterChange={setQuery}
          columnFilters={filters}
          onColumnFiltersChange={noop}
          grouping={NONE}
          onGroupingChange={noop}
          columnVisibility={HIDDEN}
          onColumnVisibilityChange={noop}
          summary={summary}
          emptyMessage="No items match these filters."
          onClearFilters={clear}
          rowHeight={56}
        />
      )}
    </section>
  );
}
