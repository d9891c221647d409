'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions.server';
import { FIELD_LABEL, type ImportField } from '@/lib/import/fields';
import type { ImportPreview, PreviewRow } from '@/lib/import/view';
import { editRowAction } from '../actions';

const EDITABLE: ImportField[] = [
  'title',
  'estimate',
  'kind',
  'theme',
  'department',
  'modules',
  'sponsor',
  'sme',
  'requestor',
];

/** Corrects one row's cells; the server normalises the row again and answers with the new preview. */
export function RowEditForm({
  cycleId,
  draft,
  row,
  onDone,
  onCancel,
}: {
  cycleId: number;
  draft: string;
  row: PreviewRow;
  onDone: (p: ImportPreview) => void;
  onCancel: () => void;
}) {
  const [state, action] = useActionState(async (prev: FormState | undefined, form: FormData) => {
    const result = await editRowAction(prev, form);
    if (result.ok) onDone(result.data as ImportPreview);
    return result;
  }, undefined);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  return (
    <form action={action} aria-label={`Edit row ${row.row}`} className="space-y-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="draft" value={draft} />
      <input type="hidden" name="row" value={row.row} />
      <div className="grid gap-2 grid-cols-1 sm:grid-cols-2 lg:grid-cols-3">
        {EDITABLE.map((f, i) => (
          <div key={f} className="space-y-1">
            <label htmlFor={`edit-${row.row}-${f}`} className="block text-xs font-medium">
              {FIELD_LABEL[f]}
            </label>
            <input
              ref={i === 0 ? firstField : undefined}
              id={`edit-${row.row}-${f}`}
              name={f}
              defaultValue={row.cells[f]}
              className={controlClass}
            />
          </div>
        ))}
      </div>
      <FormMessage state={state} />
      <div className="flex gap-2">
        <SubmitButton pendingText="Checking…">Save row {row.row}</SubmitButton>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
