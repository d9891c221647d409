'use client';

import { memo, type ReactNode, type RefObject } from 'react';
import { flexRender, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DataTableRow, GroupAggregate } from './data-table-features';

export type DisplayRow<TData extends RowData> = { kind: 'group' | 'leaf'; row: DataTableRow<TData> };

function columnLabel<TData extends RowData>(
  column: NonNullable<ReturnType<DataTableRow<TData>['table']['getColumn']>>,
) {
  const def = column.columnDef;
  return def.meta?.label ?? (typeof def.header === 'string' ? def.header : column.id);
}

/**
 * The rows on screen plus one spacer row above and below, so the markup stays a real table.
 * Kept apart from DataTable so scrolling re-renders only this body, not the table model.
 */
export function VirtualBody<TData extends RowData>(props: {
  rows: DisplayRow<TData>[];
  scrollRef: RefObject<HTMLDivElement | null>;
  colCount: number;
  firstRowIndex: number;
  rowHeight: number;
  aggregate?: GroupAggregate<TData>;
}) {
  const { rows, scrollRef, colCount, rowHeight } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index].row.id,
    overscan: 12,
    // Lets the server render the first screen of rows before the scroll box is measured.
    initialRect: { width: 1200, height: 720 },
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length > 0 ? items[0].start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <tbody>
      {paddingTop > 0 ? <SpacerRow height={paddingTop} colCount={colCount} /> : null}
      {items.map((item) => {
        const display = rows[item.index];
        return display.kind === 'group' ? (
          <GroupRow
            key={display.row.id}
            row={display.row}
            index={item.index}
            rowIndex={item.index + props.firstRowIndex}
            measure={virtualizer.measureElement}
            colCount={colCount}
            aggregate={props.aggregate}
          />
        ) : (
          <LeafRow
            key={display.row.id}
            cells={display.row.getVisibleCells()}
            index={item.index}
            rowIndex={item.index + props.firstRowIndex}
            measure={virtualizer.measureElement}
          />
        );
      })}
      {paddingBottom > 0 ? <SpacerRow height={paddingBottom} colCount={colCount} /> : null}
    </tbody>
  );
}

function SpacerRow({ height, colCount }: { height: number; colCount: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={colCount} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

type RowProps = {
  index: number;
  rowIndex: number;
  measure: (node: Element | null) => void;
};

// Memoised: while scrolling only rows entering the window render; rows holding form controls are costly.
const LeafRow = memo(function LeafRow<TData extends RowData>({
  cells,
  index,
  rowIndex,
  measure,
}: RowProps & { cells: ReturnType<DataTableRow<TData>['getVisibleCells']> }) {
  return (
    <tr
      data-index={index}
      ref={measure}
      aria-rowindex={rowIndex}
      className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60"
    >
      {cells.map((cell) => (
        <td
          key={cell.id}
          className={`border-b border-zinc-100 px-2 py-1 align-middle dark:border-zinc-800/70 ${cell.column.columnDef.meta?.cellClassName ?? 'truncate'}`}
        >
          {/* Not <FlexRender>: it blanks the grouped column in leaf rows, but the group header spans the
              row, so each row still shows (and can edit) its own value. */}
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}) as <TData extends RowData>(
  props: RowProps & { cells: ReturnType<DataTableRow<TData>['getVisibleCells']> },
) => ReactNode;

const GroupRow = memo(function GroupRow<TData extends RowData>({
  row,
  index,
  rowIndex,
  measure,
  colCount,
  aggregate,
}: RowProps & { row: DataTableRow<TData>; colCount: number; aggregate?: GroupAggregate<TData> }) {
  const leaves = row.getLeafRows().filter((r) => !r.getIsGrouped());
  const column = row.groupingColumnId ? row.table.getColumn(row.groupingColumnId) : undefined;
  const label = column ? columnLabel(column) : 'Group';
  let sum = 0;
  if (aggregate) for (const leaf of leaves) sum += aggregate.value(leaf.original) ?? 0;
  return (
    <tr data-index={index} ref={measure} aria-rowindex={rowIndex} className="bg-zinc-100/80 dark:bg-zinc-800/60">
      <td colSpan={colCount} className="border-b border-zinc-200 px-2 py-1.5 text-left dark:border-zinc-700">
        <span className="font-semibold text-zinc-900 dark:text-zinc-100">
          {label}: {String(row.groupingValue ?? '—')}
        </span>{' '}
        <span className="ml-3 text-zinc-600 dark:text-zinc-400">
          {leaves.length} {leaves.length === 1 ? 'item' : 'items'}
          {aggregate ? ` · ${aggregate.format(sum)}` : null}
        </span>
      </td>
    </tr>
  );
}) as <TData extends RowData>(
  props: RowProps & { row: DataTableRow<TData>; colCount: number; aggregate?: GroupAggregate<TData> },
) => ReactNode;
