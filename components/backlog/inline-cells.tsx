'use client';

import { useContext } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { ITEM_STATUS_COLOUR } from '@/components/ui/status-colours';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { plainStatusTargets } from '@/lib/backlog/status-machine';
import type { BacklogRow, InlineEdit } from '@/lib/backlog/types';
import { CellText, DraftSelect, editorBase, editorClass, useCellEditor } from './cell-editor';
import { InlineEditContext, cellKey, type InlineEditApi } from './use-inline-edits';

export function useInlineEdit(): InlineEditApi {
  const api = useContext(InlineEditContext);
  if (!api) throw new Error('Inline cells must be rendered inside InlineEditContext.');
  return api;
}

export function FieldError({ api, row, field }: { api: InlineEditApi; row: BacklogRow; field: InlineEdit['field'] }) {
  const error = api.errors.get(row.id);
  if (!error || error.field !== field) return null;
  return (
    <span role="status" className="mt-0.5 block text-xs whitespace-normal text-red-700 dark:text-red-400">
      {error.message}
    </span>
  );
}

const themeValue = (id: number | null) => (id === null ? '' : String(id));

export function ThemeCell({ row }: { row: BacklogRow }) {
  const api = useInlineEdit();
  if (!api.meta.canEdit.theme) return <>{row.themeName ?? '—'}</>;
  return <ThemeEditor row={row} api={api} />;
}

function ThemeEditor({ row, api }: { row: BacklogRow; api: InlineEditApi }) {
  const { editing, setEditing, editorRef } = useCellEditor<HTMLSelectElement>();
  const label = `Theme for item ${row.id}`;
  const saved = themeValue(row.themeId);
  const pending = api.saving.get(cellKey(row.id, 'theme'));
  const inFlight = pending?.field === 'theme' ? themeValue(pending.value) : undefined;
  const options = [
    { value: '', label: 'No theme' },
    ...api.meta.themes.map((t) => ({ value: String(t.id), label: t.name })),
  ];
  const shownName = options.find((o) => o.value === (inFlight ?? saved))?.label ?? 'No theme';
  return (
    <>
      {editing ? (
        <DraftSelect
          label={label}
          saved={saved}
          inFlight={inFlight}
          options={options}
          selectRef={editorRef}
          className={() => `${editorClass} w-full`}
          onCommit={(value) => api.save(row, { field: 'theme', value: value === '' ? null : Number(value) })}
          onLeave={() => setEditing(false)}
        />
      ) : (
        <CellText label={label} valueText={shownName} onOpen={() => setEditing(true)}>
          {(inFlight ?? saved) ? shownName : <span className="text-zinc-500 dark:text-zinc-400">—</span>}
        </CellText>
      )}
      <FieldError api={api} row={row} field="theme" />
    </>
  );
}

export function StatusCell({ row }: { row: BacklogRow }) {
  const api = useInlineEdit();
  if (!api.meta.canEdit.status) return <StatusBadge status={row.status} />;
  return <StatusEditor row={row} api={api} />;
}

function StatusEditor({ row, api }: { row: BacklogRow; api: InlineEditApi }) {
  const { editing, setEditing, editorRef } = useCellEditor<HTMLSelectElement>();
  const label = `Status for item ${row.id}`;
  const pending = api.saving.get(cellKey(row.id, 'status'));
  const inFlight = pending?.field === 'status' ? pending.value : undefined;
  const shown = inFlight ?? row.status;
  // Only moves the lifecycle allows are offered; the server checks again.
  const options = [row.status, ...plainStatusTargets(row.status)].map((s) => ({ value: s, label: STATUS_LABEL[s] }));
  return (
    <>
      {editing ? (
        <DraftSelect
          label={label}
          saved={row.status}
          inFlight={inFlight}
          options={options}
          selectRef={editorRef}
          // The select carries the status colour so the text label and its colour stay together.
          className={(value) =>
            `${editorBase} w-full font-medium ${ITEM_STATUS_COLOUR[value as BacklogRow['status']] ?? ''}`
          }
          onCommit={(value) => api.save(row, { field: 'status', value: value as BacklogRow['status'] })}
          onLeave={() => setEditing(false)}
        />
      ) : (
        <CellText label={label} valueText={STATUS_LABEL[shown]} onOpen={() => setEditing(true)}>
          <StatusBadge status={shown} />
        </CellText>
      )}
      <FieldError api={api} row={row} field="status" />
    </>
  );
}
