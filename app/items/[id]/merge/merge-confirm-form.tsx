'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { mergeItemsAction } from './actions';

/** The last step: the reviewed choice, with the versions reviewed, so a change since then is refused. */
export function MergeConfirmForm({ values }: { values: Record<string, string | number> }) {
  const [state, action] = useActionState(mergeItemsAction, undefined);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingText="Merging…">Merge the duplicate</SubmitButton>
    </form>
  );
}
