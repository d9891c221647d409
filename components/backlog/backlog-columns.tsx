'use client';

import Link from '@/components/ui/link';
import { createDataTableColumnHelper, type DataTableRow } from '@/components/ui/data-table-features';
import type { BacklogRow } from '@/lib/backlog/types';
import { COLUMN_VALUE } from '@/lib/backlog/view-rows';
import { EstimateCell } from './estimate-cell';
import { ScoreCell } from './score-cell';
import { StatusCell, ThemeCell } from './inline-cells';
import { STATUSES, type ColumnId, type IdFilter } from './url-state';

/**
 * A table row: an item, or, when grouping by module, one copy of an item per module it touches
 * (TanStack groups on one value per row, so multi-module items are expanded before grouping).
 */
export type TableRow = BacklogRow & { groupModule?: { id: number | null; name: string } };

export const COLUMN_LABEL: Record<ColumnId, string> = {
  id: 'ID',
  title: 'Title',
  theme: 'Theme',
  status: 'Status',
  kind: 'Kind',
  department: 'Department',
  modules: 'Modules',
  estimate: 'Estimate',
  sponsor: 'Sponsor',
  requestor: 'Requestor',
  sme: 'SME',
  score: 'Score',
};

export const NO_THEME = 'No theme';
export const NO_MODULE = 'No module';

export function tableRowId(row: TableRow): string {
  return row.groupModule ? `${row.id}:${row.groupModule.id ?? 'none'}` : String(row.id);
}

const col = createDataTableColumnHelper<TableRow>();

const STATUS_ORDER = new Map(STATUSES.map((s, i) => [s, i]));

// Group header rows carry their first item as `original`; comparing them by it would shuffle the groups.
function byItem(compare: (a: TableRow, b: TableRow) => number) {
  return (a: DataTableRow<TableRow>, b: DataTableRow<TableRow>) =>
    a.getIsGrouped() || b.getIsGrouped() ? 0 : compare(a.original, b.original);
}

function matchesId(actual: number | null, filter: IdFilter) {
  return filter === 'none' ? actual === null : actual === filter;
}

// Cells wrap rather than truncate, so nothing needs a tooltip to be read; a long unbroken word breaks.
const textCell = 'whitespace-normal wrap-break-word';
const editableCell = `overflow-visible ${textCell}`;

export const BACKLOG_COLUMNS = col.columns([
  col.accessor('id', {
    header: COLUMN_LABEL.id,
    sortFn: 'basic',
    meta: { width: 48, cellClassName: 'tabular-nums text-zinc-500 dark:text-zinc-400' },
  }),
  col.accessor('title', {
    header: COLUMN_LABEL.title,
    sortFn: 'text',
    meta: { width: 176, cellClassName: textCell },
    cell: ({ row }) => (
      <Link href={`/items/${row.original.id}`} className="font-medium">
        {row.original.title}
      </Link>
    ),
  }),
  col.accessor(COLUMN_VALUE.theme, {
    id: 'theme',
    header: COLUMN_LABEL.theme,
    sortFn: 'text',
    sortUndefined: 'last',
    filterFn: (row, _id, value: IdFilter) => matchesId(row.original.themeId, value),
    getGroupingValue: (r) => r.themeName ?? NO_THEME,
    meta: { width: 112, cellClassName: editableCell },
    cell: ({ row }) => <ThemeCell row={row.original} />,
  }),
  col.accessor(COLUMN_VALUE.status, {
    id: 'status',
    header: COLUMN_LABEL.status,
    // Lifecycle order reads better than alphabetical.
    sortFn: byItem((a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0)),
    filterFn: (row, _id, value: string) => row.original.status === value,
    meta: { width: 108, cellClassName: editableCell },
    cell: ({ row }) => <StatusCell row={row.original} />,
  }),
  col.accessor(COLUMN_VALUE.kind, {
    id: 'kind',
    header: COLUMN_LABEL.kind,
    sortFn: 'text',
    filterFn: (row, _id, value: string) => row.original.kind === value,
    meta: { width: 88, cellClassName: textCell },
  }),
  col.accessor('departmentName', {
    id: 'department',
    header: COLUMN_LABEL.department,
    sortFn: 'text',
    filterFn: (row, _id, value: number) => row.original.departmentId === value,
    meta: { width: 112, cellClassName: textCell },
  }),
  col.accessor(COLUMN_VALUE.modules, {
    id: 'modules',
    header: COLUMN_LABEL.modules,
    sortFn: 'text',
    sortUndefined: 'last',
    // When expanded for grouping, a copy matches only on its own module, so a filtered group stays pure.
    filterFn: (row, _id, value: IdFilter) => {
      const r = row.original;
      if (r.groupModule) return matchesId(r.groupModule.id, value);
      return value === 'none' ? r.moduleIds.length === 0 : r.moduleIds.includes(value);
    },
    getGroupingValue: (r) => r.groupModule?.name ?? (r.moduleNames.length ? r.moduleNames.join(', ') : NO_MODULE),
    // Group headers name one module: "Module: Billing".
    meta: { width: 112, label: 'Module', cellClassName: textCell },
    cell: ({ row }) => row.original.moduleNames.join(', ') || '—',
  }),
  col.accessor(COLUMN_VALUE.estimate, {
    id: 'estimate',
    header: COLUMN_LABEL.estimate,
    sortFn: 'basic',
    sortUndefined: 'last',
    enableGlobalFilter: false,
    meta: { width: 100, cellClassName: editableCell },
    cell: ({ row }) => <EstimateCell row={row.original} />,
  }),
  col.accessor(COLUMN_VALUE.sponsor, {
    id: 'sponsor',
    header: COLUMN_LABEL.sponsor,
    sortFn: 'text',
    sortUndefined: 'last',
    meta: { width: 100, cellClassName: textCell },
    cell: ({ getValue }) => getValue() ?? '—',
  }),
  col.accessor('requestorName', {
    id: 'requestor',
    header: COLUMN_LABEL.requestor,
    sortFn: 'text',
    meta: { width: 100, cellClassName: textCell },
  }),
  col.accessor(COLUMN_VALUE.sme, {
    id: 'sme',
    header: COLUMN_LABEL.sme,
    sortFn: 'text',
    sortUndefined: 'last',
    meta: { width: 88, cellClassName: textCell },
    cell: ({ getValue }) => getValue() ?? '—',
  }),
  col.accessor(COLUMN_VALUE.score, {
    id: 'score',
    header: COLUMN_LABEL.score,
    sortFn: 'basic',
    // The first click shows the highest scores first: what a person sorting by score is after.
    sortDescFirst: true,
    sortUndefined: 'last',
    enableGlobalFilter: false,
    meta: { width: 96, cellClassName: textCell },
    cell: ({ row }) => <ScoreCell score={row.original.score} />,
  }),
]);
