'use client';

import { useId, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/backlog/labels';
import type { BacklogMeta } from '@/lib/backlog/types';
import { COLUMN_LABEL } from './backlog-columns';
import {
  COLUMN_IDS,
  GROUP_BY,
  KINDS,
  STATUSES,
  UNHIDEABLE,
  hasFilters,
  type BacklogView,
  type GroupBy,
  type IdFilter,
} from './url-state';

const GROUP_LABEL: Record<GroupBy, string> = {
  theme: 'Theme',
  module: 'Module',
  department: 'Department',
  kind: 'Kind',
};

const controlClass =
  'h-8 max-w-full rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="flex max-w-full min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function idFilterValue(value: IdFilter | null) {
  return value === null ? '' : String(value);
}
function parseIdFilter(value: string): IdFilter | null {
  return value === '' ? null : value === 'none' ? 'none' : Number(value);
}

export function BacklogToolbar({
  view,
  meta,
  onChange,
  onClearFilters,
}: {
  view: BacklogView;
  meta: BacklogMeta;
  onChange: (patch: Partial<BacklogView>) => void;
  onClearFilters: () => void;
}) {
  const hidden = new Set(view.hide);
  return (
    // Named without the words of the controls inside, so label queries for "Search" or "Theme" stay unambiguous.
    <div role="search" aria-label="Backlog filters" className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <Labelled label="Search">
        {(id) => (
          <input
            id={id}
            type="search"
            value={view.q}
            placeholder="Title, person, module…"
            onChange={(e) => onChange({ q: e.target.value })}
            className={`${controlClass} w-56`}
          />
        )}
      </Labelled>
      <Labelled label="Theme">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={idFilterValue(view.theme)}
            onChange={(e) => onChange({ theme: parseIdFilter(e.target.value) })}
          >
            <option value="">All themes</option>
            <option value="none">No theme</option>
            {meta.themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled label="Department">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={view.dept === null ? '' : String(view.dept)}
            onChange={(e) => onChange({ dept: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">All departments</option>
            {meta.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled label="Kind">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={view.kind ?? ''}
            onChange={(e) => onChange({ kind: KINDS.find((k) => k === e.target.value) ?? null })}
          >
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled label="Status">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={view.status ?? ''}
            onChange={(e) => onChange({ status: STATUSES.find((s) => s === e.target.value) ?? null })}
          >
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled label="Module">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={idFilterValue(view.module)}
            onChange={(e) => onChange({ module: parseIdFilter(e.target.value) })}
          >
            <option value="">All modules</option>
            <option value="none">No module</option>
            {meta.modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Labelled label="Group by">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={view.group ?? ''}
            onChange={(e) => onChange({ group: GROUP_BY.find((g) => g === e.target.value) ?? null })}
          >
            <option value="">None</option>
            {GROUP_BY.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABEL[g]}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <details
        className="relative"
        onKeyDown={(e) => {
          // Native disclosures ignore Escape; closing returns focus to the summary like a menu would.
          if (e.key !== 'Escape' || !e.currentTarget.open) return;
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }}
      >
        <summary className={`${buttonClass('secondary')} cursor-pointer list-none`}>Columns</summary>
        <fieldset className="absolute right-0 z-20 mt-1 grid w-48 gap-1 rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <legend className="sr-only">Visible columns</legend>
          {COLUMN_IDS.filter((id) => id !== 'score' || meta.scoring).map((id) => (
            <label key={id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={!hidden.has(id)}
                disabled={UNHIDEABLE.includes(id)}
                onChange={(e) =>
                  onChange({ hide: e.target.checked ? view.hide.filter((h) => h !== id) : [...view.hide, id] })
                }
              />
              <span>
                <span className="sr-only">Show </span>
                {COLUMN_LABEL[id]}
                <span className="sr-only"> column</span>
              </span>
            </label>
          ))}
        </fieldset>
      </details>
      <button type="button" className={buttonClass('ghost')} onClick={onClearFilters} disabled={!hasFilters(view)}>
        Clear filters
      </button>
    </div>
  );
}
