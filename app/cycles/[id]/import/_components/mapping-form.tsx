'use client';
import { useActionState } from 'react';
import { FieldFrame, controlClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions.server';
import { FIELD_LABEL, IMPORT_FIELDS } from '@/lib/import/fields';
import type { ImportPreview } from '@/lib/import/view';
import { updateMappingAction } from '../actions';

/** Step 2: a field (or Ignore) per column, and what to do with themes, departments and modules that do not exist. */
export function MappingForm({
  cycleId,
  preview,
  onPreview,
}: {
  cycleId: number;
  preview: ImportPreview;
  onPreview: (p: ImportPreview) => void;
}) {
  const [state, action] = useActionState(async (prev: FormState | undefined, form: FormData) => {
    const result = await updateMappingAction(prev, form);
    if (result.ok) onPreview(result.data as ImportPreview);
    return result;
  }, undefined);
  const source = preview.fileName || (preview.source === 'paste' ? 'the pasted rows' : 'the file');
  const options = [
    ['createThemes', 'Create missing themes', 'Otherwise an unknown theme is left out.'],
    ['createDepartments', 'Create missing departments', 'Otherwise such rows go to the department chosen below.'],
    ['createModules', 'Create missing modules', 'Otherwise an unknown module is left out.'],
  ] as const;
  return (
    <form action={action} aria-label="Columns and options" className="space-y-3">
      <h2 className="text-lg font-semibold">2. Columns of {source}</h2>
      {preview.notes.map((n) => (
        <p key={n} className="text-sm text-zinc-600 dark:text-zinc-300">
          {n}
        </p>
      ))}
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="draft" value={preview.draft} />
      {/* A new draft (another file) remounts the choices, so they start from its suggestion. */}
      <div key={preview.draft.slice(-16)} className="grid gap-3 grid-cols-1 sm:grid-cols-2 lg:grid-cols-3">
        {preview.headers.map((header, i) => (
          <FieldFrame
            key={`${i}-${header}`}
            label={`Column “${header}”`}
            id={`map-${i}`}
            hint={preview.samples[i] ? `e.g. ${preview.samples[i]}` : undefined}
          >
            <select
              id={`map-${i}`}
              name={`map.${i}`}
              defaultValue={preview.mapping[i]}
              className={controlClass}
              aria-describedby={preview.samples[i] ? `map-${i}-hint` : undefined}
            >
              <option value="ignore">Ignore</option>
              {IMPORT_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABEL[f]}
                </option>
              ))}
            </select>
          </FieldFrame>
        ))}
      </div>
      {preview.mappingProblems.length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
          {preview.mappingProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <fieldset key={`options-${preview.draft.slice(-16)}`} className="space-y-2">
        <legend className="text-sm font-medium">Options</legend>
        {options.map(([name, label, hint]) => {
          const allowed = preview.allowed[name];
          return (
            <div key={name} className="flex items-start gap-2 text-sm">
              <input
                id={`opt-${name}`}
                type="checkbox"
                name={name}
                defaultChecked={preview.options[name]}
                disabled={!allowed}
                aria-describedby={`opt-${name}-hint`}
                className="mt-1"
              />
              <label htmlFor={`opt-${name}`}>
                {label}
                <span id={`opt-${name}-hint`} className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {allowed ? hint : `Only an admin can do this. ${hint}`}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
      <FieldFrame label="Department for rows without a known department" id="fallbackDepartmentId">
        <select
          id="fallbackDepartmentId"
          name="fallbackDepartmentId"
          defaultValue={preview.options.fallbackDepartmentId}
          className={`${controlClass} sm:w-auto`}
        >
          {preview.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </FieldFrame>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="Updating…">
        Update preview
      </SubmitButton>
    </form>
  );
}
