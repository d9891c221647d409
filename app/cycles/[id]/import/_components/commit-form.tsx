'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { plural } from '@/lib/plural';
import type { ImportPreview } from '@/lib/import/view';
import { commitImportAction } from '../actions';

/** Step 4: the import itself; the duplicate choices in the table belong to this form. */
export function CommitForm({ cycleId, preview }: { cycleId: number; preview: ImportPreview }) {
  const [state, action] = useActionState(commitImportAction, undefined);
  const blocked = preview.counts.withErrors > 0 || preview.mappingProblems.length > 0;
  return (
    <form id="commit-form" action={action} aria-label="Import" className="space-y-2">
      <h2 className="text-lg font-semibold">4. Import</h2>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="draft" value={preview.draft} />
      <p className="text-sm">
        {plural(preview.counts.rows, 'row')} read; {plural(preview.counts.duplicates, 'possible duplicate')}.{' '}
        {blocked
          ? preview.counts.withErrors > 0
            ? `Fix the ${plural(preview.counts.withErrors, 'row')} with problems first.`
            : 'Choose the columns first.'
          : 'Nothing is written until you import.'}
      </p>
      <FormMessage state={state} />
      {!blocked && <SubmitButton pendingText="Importing…">Import rows</SubmitButton>}
    </form>
  );
}
