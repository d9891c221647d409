'use client';

import { useRef, useState } from 'react';
import { DEFAULT_SIZE_WEEKS } from '@/lib/estimates/estimates';
import type { BacklogMeta, BacklogRow } from '@/lib/backlog/types';
import { CellText, editorClass, editorWidth, useCellEditor } from './cell-editor';
import { formatEstimate, formatWeeks } from './format';
import { FieldError, useInlineEdit } from './inline-cells';
import { cellKey, type InlineEditApi } from './use-inline-edits';
import type { Size } from './url-state';

const SIZES = Object.keys(DEFAULT_SIZE_WEEKS) as Size[];
const isSize = (value: string): value is Size => (SIZES as string[]).includes(value);

/** The estimate as the inline edit sends it: a size, a number of weeks, or "" for none. */
function estimateValue(row: BacklogRow): string {
  return row.estimateSize ?? (row.estimateWeeks !== null ? String(row.estimateWeeks) : '');
}

function formatValue(value: string, sizeWeeks: BacklogMeta['sizeWeeks']): string {
  if (value === '') return '—';
  if (isSize(value)) return `${value} · ${formatWeeks(sizeWeeks[value])} pw`;
  return `${value} pw`;
}

export function EstimateCell({ row }: { row: BacklogRow }) {
  const api = useInlineEdit();
  if (!api.meta.canEdit.estimate) return <>{formatEstimate(row)}</>;
  return <EstimateEditor row={row} api={api} />;
}

/**
 * A size, or "weeks…" with a number beside it. Focus may move between the two without saving;
 * Enter saves (on the size with "weeks…" chosen, it moves to the number first), and so does
 * leaving the cell. Escape puts the saved estimate back.
 */
function EstimateEditor({ row, api }: { row: BacklogRow; api: InlineEditApi }) {
  const { editing, setEditing, editorRef } = useCellEditor<HTMLSelectElement>();
  const weeksRef = useRef<HTMLInputElement>(null);
  const [draftSize, setDraftSize] = useState<string | null>(null);
  const [draftWeeks, setDraftWeeks] = useState<string | null>(null);
  const label = `Estimate for item ${row.id}`;
  const saved = estimateValue(row);
  const pending = api.saving.get(cellKey(row.id, 'estimate'));
  const inFlight = pending?.field === 'estimate' ? pending.value : undefined;
  const current = inFlight ?? saved;
  const size = draftSize ?? (current === '' || isSize(current) ? current : 'weeks');
  const weeks = draftWeeks ?? (size === 'weeks' && !isSize(current) ? current : '');
  const value = size === 'weeks' ? weeks.trim() : size;

  const revert = () => {
    setDraftSize(null);
    setDraftWeeks(null);
  };
  const commit = () => {
    // "weeks…" with no number yet is not an estimate: nothing to save.
    if (size === 'weeks' && value === '') return revert();
    if (value !== saved) api.save(row, { field: 'estimate', value });
    revert();
  };

  if (!editing) {
    const text = inFlight === undefined ? formatEstimate(row) : formatValue(inFlight, api.meta.sizeWeeks);
    return (
      <>
        <CellText label={label} valueText={text === '—' ? 'not estimated' : text} onOpen={() => setEditing(true)}>
          <span className="whitespace-nowrap">{text}</span>
        </CellText>
        <FieldError api={api} row={row} field="estimate" />
      </>
    );
  }
  return (
    <>
      <span
        className="flex flex-wrap items-center gap-1"
        onBlur={(e) => {
          if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
          commit();
          setEditing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.target === editorRef.current && size === 'weeks' && value === '') weeksRef.current?.focus();
            else commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            revert();
            // The number field may go with the draft: keep focus in the cell.
            editorRef.current?.focus();
          }
        }}
      >
        <select
          ref={editorRef}
          aria-label={label}
          aria-busy={inFlight !== undefined}
          className={`${editorClass} ${editorWidth}`}
          value={size}
          onChange={(e) => setDraftSize(e.target.value)}
        >
          <option value="">—</option>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {formatValue(s, api.meta.sizeWeeks)}
            </option>
          ))}
          <option value="weeks">weeks…</option>
        </select>
        {size === 'weeks' && (
          <>
            <input
              ref={weeksRef}
              type="number"
              inputMode="decimal"
              min={0.5}
              max={1000}
              step={0.5}
              aria-label={`Weeks for item ${row.id}`}
              value={weeks}
              onChange={(e) => setDraftWeeks(e.target.value)}
              className={`${editorClass} w-16`}
            />
            <span className="text-xs text-zinc-500 dark:text-zinc-400">pw</span>
          </>
        )}
      </span>
      <FieldError api={api} row={row} field="estimate" />
    </>
  );
}
