'use client';

import { createContext, useCallback, useMemo, useState } from 'react';
import type { BacklogMeta, BacklogRow, InlineEdit, InlineEditResult } from '@/lib/backlog/types';

/** Saves one cell through the JSON API; a refusal names what went wrong and may carry the current row. */
async function saveCell(row: BacklogRow, edit: InlineEdit): Promise<InlineEditResult> {
  const response = await fetch(`/api/items/${row.id}/cell`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ version: row.version, ...edit }),
  });
  const body = (await response.json()) as { row?: BacklogRow; error?: string; fieldErrors?: Record<string, string[]> };
  if (response.ok && body.row) return { ok: true, row: body.row };
  if (response.status === 403) return { ok: false, error: 'You may not change this field.' };
  if (response.status === 404) return { ok: false, error: 'This item no longer exists.' };
  const first = Object.values(body.fieldErrors ?? {}).flat()[0];
  return { ok: false, error: first ?? body.error ?? 'Could not save.', row: body.row };
}

type InlineError = { field: InlineEdit['field']; message: string };

export type InlineEditApi = {
  meta: BacklogMeta;
  /** The edit in flight per item id; its control shows that value and is disabled until the server answers. */
  saving: ReadonlyMap<number, InlineEdit>;
  errors: ReadonlyMap<number, InlineError>;
  save: (row: BacklogRow, edit: InlineEdit) => void;
};

// Cells get their state from context so the column definitions stay module-level constants.
export const InlineEditContext = createContext<InlineEditApi | null>(null);

function withEntry<V>(map: ReadonlyMap<number, V>, key: number, value: V) {
  return new Map(map).set(key, value);
}
function without<V>(map: ReadonlyMap<number, V>, key: number) {
  const next = new Map(map);
  next.delete(key);
  return next;
}

export function useInlineEdits(meta: BacklogMeta, replaceRow: (row: BacklogRow) => void): InlineEditApi {
  const [saving, setSaving] = useState<ReadonlyMap<number, InlineEdit>>(() => new Map());
  const [errors, setErrors] = useState<ReadonlyMap<number, InlineError>>(() => new Map());
  const save = useCallback(
    async (row: BacklogRow, edit: InlineEdit) => {
      setSaving((m) => withEntry(m, row.id, edit));
      setErrors((m) => without(m, row.id));
      let message: string | null = null;
      try {
        const result = await saveCell(row, edit);
        if (result.ok) {
          replaceRow(result.row);
        } else {
          // A conflict sends the current row back: show it, so the next try starts from the truth.
          if (result.row) replaceRow(result.row);
          message = result.error;
        }
      } catch {
        message = 'Could not save. Check your connection and try again.';
      }
      setSaving((m) => without(m, row.id));
      if (message !== null) {
        const error = { field: edit.field, message };
        setErrors((m) => withEntry(m, row.id, error));
      }
    },
    [replaceRow],
  );
  return useMemo(() => ({ meta, saving, errors, save }), [meta, saving, errors, save]);
}
