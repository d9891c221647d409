'use client';
import { useActionState, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useChoices } from '@/components/ui/choices';
import { controlClass } from '@/components/ui/field';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { SubmitButton } from '@/components/ui/submit-button';
import type { DirectoryEntry } from '@/lib/directory/directory.server';
import { KIND_LABEL, NAME_MAX, type DirectoryKind } from '@/lib/directory/schema';
import { mergeEntryAction, renameEntryAction, setArchivedAction } from '@/app/admin/directory/actions';
import type { FormState } from '@/lib/actions.server';

function Status({ state, field }: { state: FormState | undefined; field?: string }) {
  if (!state?.message) return null;
  const text = state.ok ? state.message : ((field && state.fieldErrors?.[field]?.[0]) ?? state.message);
  return (
    <span role="status" className={`text-xs ${state.ok ? '' : 'text-red-700 dark:text-red-400'}`}>
      {text}
    </span>
  );
}

/**
 * Rename, merge and archive for one department or module. The merge picker opens on demand, with
 * the active entries sent once for the whole list (<Choices>).
 */
export function EntryCommands({ kind, entry }: { kind: DirectoryKind; entry: DirectoryEntry }) {
  const mergeTargets = useChoices().filter((t) => t.id !== entry.id && !t.archived);
  const [merging, setMerging] = useState(false);
  const [renamed, rename] = useActionState(renameEntryAction, undefined);
  const [merged, merge] = useActionState(mergeEntryAction, undefined);
  const [archived, archive] = useActionState(setArchivedAction, undefined);
  const id = useId();
  const label = KIND_LABEL[kind];
  return (
    <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
      <form action={rename} aria-label={`Rename ${entry.name}`} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="entryId" value={entry.id} />
        <label htmlFor={`${id}-name`} className="sr-only">
          New name for {entry.name}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          defaultValue={entry.name}
          maxLength={NAME_MAX}
          required
          className={`${controlClass} w-48`}
          aria-invalid={renamed?.ok === false || undefined}
        />
        <SubmitButton variant="secondary" pendingText="Saving…">
          Rename
        </SubmitButton>
        <Status state={renamed} field="name" />
      </form>
      {!entry.archived && mergeTargets.length > 0 && !merging && (
        <Button variant="secondary" onClick={() => setMerging(true)}>
          Merge into…{' '}
          <span className="sr-only">
            (merge {entry.name} into another {label.one})
          </span>
        </Button>
      )}
      {!entry.archived && mergeTargets.length > 0 && merging && (
        <form action={merge} aria-label={`Merge ${entry.name}`} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="entryId" value={entry.id} />
          <label htmlFor={`${id}-into`} className="text-sm">
            Merge {entry.name} into
          </label>
          <select
            id={`${id}-into`}
            name="intoId"
            required
            defaultValue=""
            className={`${controlClass} w-auto max-w-48`}
          >
            <option value="" disabled>
              Choose a {label.one}
            </option>
            {mergeTargets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <ConfirmStep
            open="Merge"
            question={`Merge ${entry.name}? Everything it has moves to the ${label.one} chosen, and ${entry.name} is archived.`}
            confirm="Yes, merge"
            pendingText="Merging…"
          />
          <Button variant="ghost" onClick={() => setMerging(false)}>
            Cancel
          </Button>
          <Status state={merged} field="intoId" />
        </form>
      )}
      {!entry.mergedIntoName && (
        <form
          action={archive}
          aria-label={`${entry.archived ? 'Unarchive' : 'Archive'} ${entry.name}`}
          className="flex items-center gap-2"
        >
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="archived" value={String(!entry.archived)} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            {entry.archived ? 'Unarchive' : 'Archive'}
          </SubmitButton>
          <Status state={archived} />
        </form>
      )}
    </div>
  );
}
