'use client';
import { useActionState } from 'react';
import type { ItemStatus } from '@/lib/backlog/constants';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { setStatusAction } from '@/app/items/actions';

/** Moves an item to one of the statuses its lifecycle allows from here. */
export function StatusForm({ itemId, version, options }: { itemId: number; version: number; options: ItemStatus[] }) {
  const [state, action] = useActionState(setStatusAction, undefined);
  return (
    <section
      aria-labelledby="status-heading"
      className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id="status-heading" className="font-semibold">
        Change status
      </h2>
      <form action={action} className="grid items-end gap-3 grid-cols-1 sm:grid-cols-[12rem_1fr_auto]">
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="version" value={version} />
        <SelectField
          label="New status"
          name="status"
          options={options.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          errors={state?.fieldErrors?.status}
        />
        <TextField label="Reason (optional)" name="reason" maxLength={2000} />
        <SubmitButton>Change status</SubmitButton>
      </form>
      <FormMessage state={state} besideFields={['status']} neutral />
    </section>
  );
}
