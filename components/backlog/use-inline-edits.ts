'use client';

import { createContext, useCallback, useMemo, useRef, useState } from 'react';
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

/** The key of one cell in `saving`: an item may have a save under way in several of its cells. */
export function cellKey(itemId: number, field: InlineEdit['field']) {
  return `${itemId}:${field}`;
}

export type InlineEditApi = {
  meta: BacklogMeta;
  /** The edit in flight per cell (`cellKey`); its control shows that value until the server answers. */
  saving: ReadonlyMap<string, InlineEdit>;
  errors: ReadonlyMap<number, InlineError>;
  save: (row: BacklogRow, edit: InlineEdit) => void;
};

// Cells get their state from context so the column definitions stay module-level constants.
export const InlineEditContext = createContext<InlineEditApi | null>(null);

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V) {
  return new Map(map).set(key, value);
}
function without<K, V>(map: ReadonlyMap<K, V>, key: K) {
  const next = new Map(map);
  next.delete(key);
  return next;
}

/**
 * Saves cells one after another per item: each edit carries the version the previous one produced,
 * so two quick edits of one row (theme, then status) are not refused as if someone else had
 * changed it meanwhile. Controls are never disabled while saving, so focus stays where it is.
 */
export function useInlineEdits(meta: BacklogMeta, replaceRow: (row: BacklogRow) => void): InlineEditApi {
  const [saving, setSaving] = useState<ReadonlyMap<string, InlineEdit>>(() => new Map());
  const [errors, setErrors] = useState<ReadonlyMap<number, InlineError>>(() => new Map());
  const queues = useRef(new Map<number, Promise<void>>());
  const versions = useRef(new Map<number, number>());
  const save = useCallback(
    (row: BacklogRow, edit: InlineEdit) => {
      const key = cellKey(row.id, edit.field);
      setSaving((m) => withEntry(m, key, edit));
      setErrors((m) => without(m, row.id));
      const run = async () => {
        const version = Math.max(row.version, versions.current.get(row.id) ?? 0);
        const answered = (current: BacklogRow) => {
          versions.current.set(row.id, current.version);
          replaceRow(current);
        };
        let message: string | null = null;
        try {
          const result = await saveCell({ ...row, version }, edit);
          if (result.ok) {
            answered(result.row);
          } else {
            // A conflict sends the current row back: show it, so the next try starts from the truth.
            if (result.row) answered(result.row);
            message = result.error;
          }
        } catch {
          message = 'Could not save. Check your connection and try again.';
        }
        // A later edit of the same cell may be queued: its value stays shown until it is answered.
        setSaving((m) => (m.get(key) === edit ? without(m, key) : m));
        if (message !== null) {
          const error = { field: edit.field, message };
          setErrors((m) => withEntry(m, row.id, error));
        }
      };
      const queued = (queues.current.get(row.id) ?? Promise.resolve()).then(run);
      queues.current.set(row.id, queued);
    },
    [replaceRow],
  );
  return useMemo(() => ({ meta, saving, errors, save }), [meta, saving, errors, save]);
}
