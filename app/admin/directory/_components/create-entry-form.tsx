'use client';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { KIND_LABEL, NAME_MAX, type DirectoryKind } from '@/lib/directory/schema';
import { createEntryAction } from '@/app/admin/directory/actions';

export function CreateEntryForm({ kind }: { kind: DirectoryKind }) {
  const [state, action] = useActionState(createEntryAction, undefined);
  const label = KIND_LABEL[kind];
  // A successful add empties the field for the next one: each confirmation names what was added, so the key changes.
  const key = state?.ok ? `added-${state.message}` : 'form';
  return (
    <form action={action} aria-label={`Add a ${label.one}`} className="space-y-2" key={key}>
      <input type="hidden" name="kind" value={kind} />
      <FormMessage state={state} besideFields={['name']} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:max-w-sm">
          <TextField
            id={`new-${kind}-name`}
            label={`New ${label.one}`}
            name="name"
            maxLength={NAME_MAX}
            required
            defaultValue={state?.ok === false ? String(state.values?.name ?? '') : undefined}
            errors={state?.fieldErrors?.name}
          />
        </div>
        <SubmitButton pendingText="Adding…">Add {label.one}</SubmitButton>
      </div>
    </form>
  );
}
