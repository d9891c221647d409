'use client';
import { useActionState, useState } from 'react';
import { FieldFrame, controlClass, describedBy } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions.server';
import type { ImportPreview } from '@/lib/import/view';
import { FILE_TOO_LARGE, MAX_IMPORT_FILE_BYTES } from '@/lib/import/limits';
import { startImportAction } from '../actions';
import { MappingForm } from './mapping-form';
import { PreviewTable } from './preview-table';
import { CommitForm } from './commit-form';

/**
 * The import's steps on one page: the source, then the mapping and options, the preview of every
 * row (with corrections) and the import. Each step's answer comes from the server with the sealed
 * draft the next step sends back.
 */
export function ImportWizard({ cycleId, limits }: { cycleId: number; limits: string }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [state, action] = useActionState(async (prev: FormState | undefined, form: FormData) => {
    const result = await startImportAction(prev, form);
    if (result.ok) setPreview(result.data as ImportPreview);
    return result;
  }, undefined);
  // Checked here too: the server refuses a larger body before the import sees it, so the form would not say why.
  const [tooLarge, setTooLarge] = useState(false);
  const fileErrors = tooLarge ? [FILE_TOO_LARGE] : state?.ok === false ? state.fieldErrors?.file : undefined;
  function checkSize(event: React.FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get('file');
    const large = file instanceof File && file.size > MAX_IMPORT_FILE_BYTES;
    setTooLarge(large);
    if (large) event.preventDefault();
  }
  return (
    <div className="space-y-6">
      <form
        action={action}
        onSubmit={checkSize}
        aria-label="Source"
        className="space-y-3"
        encType="multipart/form-data"
      >
        <h2 className="text-lg font-semibold">1. Source</h2>
        <input type="hidden" name="cycleId" value={cycleId} />
        <FieldFrame label="Spreadsheet file (CSV or XLSX)" id="import-file" hint={limits} errors={fileErrors}>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy('import-file', fileErrors, limits)}
            aria-invalid={fileErrors ? true : undefined}
            className={controlClass}
          />
        </FieldFrame>
        {preview && preview.sheets.length > 1 && (
          <FieldFrame label="Worksheet" id="import-sheet" hint="Choose another worksheet and read the file again.">
            <select
              id="import-sheet"
              name="sheet"
              defaultValue={preview.sheet}
              className={controlClass}
              aria-describedby="import-sheet-hint"
            >
              {preview.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </FieldFrame>
        )}
        <FieldFrame
          label="Or paste rows copied from a spreadsheet"
          id="import-paste"
          hint="The first row holds the column names."
        >
          <textarea
            id="import-paste"
            name="paste"
            rows={4}
            className={controlClass}
            aria-describedby="import-paste-hint"
            defaultValue={state?.ok === false ? String(state.values?.paste ?? '') : ''}
          />
        </FieldFrame>
        <FormMessage state={state?.ok ? undefined : state} besideFields={['file']} />
        <SubmitButton pendingText="Reading…">Read rows</SubmitButton>
      </form>
      {preview && (
        <>
          <MappingForm cycleId={cycleId} preview={preview} onPreview={setPreview} />
          <PreviewTable cycleId={cycleId} preview={preview} onPreview={setPreview} />
          <CommitForm cycleId={cycleId} preview={preview} />
        </>
      )}
    </div>
  );
}
