'use client';
import { Fragment, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FIELD_LABEL, IMPORT_FIELDS, type ImportField } from '@/lib/import/fields';
import type { ImportPreview, PreviewRow } from '@/lib/import/view';
import { RowEditForm } from './row-edit-form';

/** Step 3: every row as it will be imported, its problems and notes, its duplicate choice and a way to correct it. */
export function PreviewTable({
  cycleId,
  preview,
  onPreview,
}: {
  cycleId: number;
  preview: ImportPreview;
  onPreview: (p: ImportPreview) => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  // Said here, not in the edit form: the form closes once its row is saved.
  const [saved, setSaved] = useState<string | null>(null);
  const mapped = new Set(preview.mapping);
  const fields = IMPORT_FIELDS.filter((f) => mapped.has(f) || f === 'department' || f === 'requestor');
  return (
    <section aria-labelledby="preview-heading" className="space-y-2">
      <h2 id="preview-heading" className="text-lg font-semibold">
        3. Preview
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        {preview.counts.withErrors > 0
          ? `${preview.counts.withErrors} of ${preview.counts.rows} rows have problems to fix.`
          : `All ${preview.counts.rows} rows can be imported.`}
      </p>
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
        {saved}
      </p>
      <div className="relative max-h-[70vh] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-700">
        <table className="w-full text-sm">
          <caption className="sr-only">Rows to import</caption>
          <thead className="sticky top-0 bg-white text-left text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-2 py-2">
                Row
              </th>
              {fields.map((f) => (
                <th key={f} scope="col" className="px-2">
                  {FIELD_LABEL[f]}
                </th>
              ))}
              <th scope="col" className="px-2">
                Problems and notes
              </th>
              <th scope="col" className="px-2">
                Duplicate
              </th>
              <th scope="col" className="px-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <Fragment key={r.row}>
                <PreviewLine
                  row={r}
                  fields={fields}
                  onEdit={() => {
                    setSaved(null);
                    setEditing(editing === r.row ? null : r.row);
                  }}
                />
                {editing === r.row && (
                  <tr>
                    <td colSpan={fields.length + 4} className="bg-zinc-50 px-2 py-3 dark:bg-zinc-800">
                      <RowEditForm
                        cycleId={cycleId}
                        draft={preview.draft}
                        row={r}
                        onDone={(next) => {
                          onPreview(next);
                          setEditing(null);
                          setSaved(`Row ${r.row} updated.`);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PreviewLine({ row, fields, onEdit }: { row: PreviewRow; fields: ImportField[]; onEdit: () => void }) {
  const name = `choice.${row.row}`;
  return (
    <tr
      aria-label={`Row ${row.row}`}
      className={`border-t border-zinc-100 align-top dark:border-zinc-800 ${row.errors.length ? 'bg-red-50 dark:bg-red-950/40' : ''}`}
    >
      <th scope="row" className="px-2 py-2 font-medium">
        {row.row}
      </th>
      {fields.map((f) => (
        // break-words, not wrap-anywhere: a column is never narrower than its longest word (the table scrolls instead).
        <td key={f} className={`${f === 'title' ? 'min-w-48' : 'min-w-24'} max-w-64 px-2 py-2 break-words`}>
          {row.shown[f]}
        </td>
      ))}
      <td className="min-w-48 px-2 py-2">
        {row.errors.length + row.notes.length > 0 && (
          <ul className="space-y-0.5">
            {row.errors.map((e) => (
              <li key={e} className="font-medium text-red-700 dark:text-red-400">
                {e}
              </li>
            ))}
            {row.notes.map((n) => (
              <li key={n} className="text-zinc-600 dark:text-zinc-300">
                {n}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="min-w-40 px-2 py-2">
        {row.duplicate && (
          <fieldset form="commit-form">
            <legend className="text-xs">{row.duplicate.label}</legend>
            {(['skip', 'import'] as const).map((choice) => (
              <label key={choice} className="mr-3 inline-flex items-center gap-1 text-xs">
                <input
                  type="radio"
                  form="commit-form"
                  name={name}
                  value={choice}
                  defaultChecked={(choice === 'skip') === row.duplicate!.exact}
                />
                {choice === 'skip' ? 'Skip' : 'Import anyway'}
                <span className="sr-only"> row {row.row}</span>
              </label>
            ))}
          </fieldset>
        )}
      </td>
      <td className="px-2 py-2">
        <Button variant="ghost" onClick={onEdit} aria-label={`Edit row ${row.row}`}>
          Edit
        </Button>
      </td>
    </tr>
  );
}
