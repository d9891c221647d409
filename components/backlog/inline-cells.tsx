'use client';

import { useContext, useRef, useState } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { ITEM_STATUS_COLOUR } from '@/components/ui/status-colours';
import { DEFAULT_SIZE_WEEKS } from '@/lib/backlog/estimates';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { TRANSITIONS } from '@/lib/backlog/status-machine';
import type { BacklogRow, InlineEdit } from '@/lib/backlog/types';
import { formatEstimate, formatWeeks } from './format';
import type { Size } from './url-state';
import { InlineEditContext, type InlineEditApi } from './use-inline-edits';

const SIZES = Object.keys(DEFAULT_SIZE_WEEKS) as Size[];

function useInlineEdit(): InlineEditApi {
  const api = useContext(InlineEditContext);
  if (!api) throw new Error('Inline cells must be rendered inside InlineEditContext.');
  return api;
}

const selectBase =
  'h-7 min-w-0 rounded border border-zinc-300 px-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-60 dark:border-zinc-700';
const selectClass = `${selectBase} bg-white text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100`;
const fullWidth = `${selectClass} w-full`;

function FieldError({ api, row, field }: { api: InlineEditApi; row: BacklogRow; field: InlineEdit['field'] }) {
  const error = api.errors.get(row.id);
  if (!error || error.field !== field) return null;
  return (
    <span role="status" className="mt-0.5 block text-xs whitespace-normal text-red-700 dark:text-red-400">
      {error.message}
    </span>
  );
}

export function ThemeCell({ row }: { row: BacklogRow }) {
  const api = useInlineEdit();
  if (!api.meta.canEdit.theme) return <span title={row.themeName ?? undefined}>{row.themeName ?? '—'}</span>;
  const pending = api.saving.get(row.id);
  const value = pending?.field === 'theme' ? pending.value : row.themeId;
  return (
    <>
      <select
        aria-label={`Theme for item ${row.id}`}
        className={fullWidth}
        value={value === null ? '' : String(value)}
        disabled={pending !== undefined}
        aria-busy={pending?.field === 'theme'}
        onChange={(e) =>
          api.save(row, { field: 'theme', value: e.target.value === '' ? null : Number(e.target.value) })
        }
      >
        <option value="">No theme</option>
        {api.meta.themes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <FieldError api={api} row={row} field="theme" />
    </>
  );
}

export function StatusCell({ row }: { row: BacklogRow }) {
  const api = useInlineEdit();
  if (!api.meta.canEdit.status) return <StatusBadge status={row.status} />;
  const pending = api.saving.get(row.id);
  const value = pending?.field === 'status' ? pending.value : row.status;
  // Only moves the lifecycle allows are offered; the server checks again.
  const options = [row.status, ...TRANSITIONS[row.status]];
  return (
    <>
      <select
        aria-label={`Status for item ${row.id}`}
        // The select carries the status colour so the text label and its colour stay together.
        className={`${selectBase} w-full font-medium ${ITEM_STATUS_COLOUR[value]}`}
        value={value}
        disabled={pending !== undefined}
        aria-busy={pending?.field === 'status'}
        onChange={(e) => api.save(row, { field: 'status', value: e.target.value as BacklogRow['status'] })}
      >
        {options.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <FieldError api={api} row={row} field="status" />
    </>
  );
}

export function EstimateCell({ row }: { row: BacklogRow }) {
  const api = useInlineEdit();
  const [weeksChosen, setWeeksChosen] = useState(false);
  if (!api.meta.canEdit.estimate) return <span>{formatEstimate(row)}</span>;
  const pending = api.saving.get(row.id);
  const pendingValue = pending?.field === 'estimate' ? pending.value : null;
  const current = row.estimateSize ?? (row.estimateWeeks !== null ? 'weeks' : '');
  const selected =
    pendingValue !== null
      ? pendingValue === '' || (SIZES as string[]).includes(pendingValue)
        ? pendingValue
        : 'weeks'
      : weeksChosen
        ? 'weeks'
        : current;
  const busy = pending !== undefined;
  return (
    <>
      <span className="flex items-center gap-1">
        <select
          aria-label={`Estimate for item ${row.id}`}
          className={`${selectClass} w-24 shrink-0`}
          value={selected}
          disabled={busy}
          aria-busy={pending?.field === 'estimate'}
          onChange={(e) => {
            const v = e.target.value;
            setWeeksChosen(v === 'weeks');
            // Choosing "weeks…" only reveals the number field; the save happens when a number is entered.
            if (v !== 'weeks') api.save(row, { field: 'estimate', value: v });
          }}
        >
          <option value="">—</option>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {s} · {formatWeeks(api.meta.sizeWeeks[s])} pw
            </option>
          ))}
          <option value="weeks">weeks…</option>
        </select>
        {selected === 'weeks' ? (
          <WeeksInput
            key={row.version}
            row={row}
            disabled={busy}
            autoFocus={weeksChosen && row.estimateWeeks === null}
            onCommit={(value) => api.save(row, { field: 'estimate', value })}
            onCancel={() => setWeeksChosen(false)}
          />
        ) : (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {busy ? 'Saving…' : row.effectiveWeeks !== null ? `${formatWeeks(row.effectiveWeeks)} pw` : ''}
          </span>
        )}
      </span>
      <FieldError api={api} row={row} field="estimate" />
    </>
  );
}

function WeeksInput(props: {
  row: BacklogRow;
  disabled: boolean;
  autoFocus: boolean;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const { row } = props;
  const initial = row.estimateWeeks === null ? '' : String(row.estimateWeeks);
  // Enter and the blur that follows would otherwise save the same value twice.
  const committed = useRef(initial);
  const commit = (input: HTMLInputElement) => {
    const value = input.value.trim();
    if (value === '') {
      if (row.estimateWeeks === null) props.onCancel();
      else input.value = initial;
      return;
    }
    if (value === committed.current) return;
    committed.current = value;
    props.onCommit(value);
  };
  return (
    <>
      <input
        type="number"
        inputMode="decimal"
        min={0.5}
        max={1000}
        step={0.5}
        aria-label={`Weeks for item ${row.id}`}
        defaultValue={initial}
        disabled={props.disabled}
        // Focus follows the user's own "weeks…" choice, so it never jumps unasked.
        autoFocus={props.autoFocus}
        className={`${selectClass} w-16`}
        onBlur={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(e.currentTarget);
          } else if (e.key === 'Escape') {
            e.currentTarget.value = initial;
            if (row.estimateWeeks === null) props.onCancel();
          }
        }}
      />
      <span className="text-xs text-zinc-500 dark:text-zinc-400">{props.disabled ? 'Saving…' : 'pw'}</span>
    </>
  );
}
