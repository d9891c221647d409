'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

/** The share of capacity the cycle means to give non-functional and tech-debt work; empty for none. */
export function NfrTargetForm({
  action,
  cycleId,
  current,
}: {
  action: Action;
  cycleId: number;
  current: number | null;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} key={JSON.stringify(typed ?? null)} className="max-w-2xl space-y-3" noValidate>
      <FormMessage state={state} besideFields={['nfrTargetPercent']} />
      <input type="hidden" name="cycleId" value={cycleId} />
      <TextField
        label="Non-functional target (% of capacity)"
        name="nfrTargetPercent"
        inputMode="numeric"
        hint="Non-functional and tech-debt items above the cut line should take at least this share of capacity. Leave empty for no target."
        defaultValue={String(typed?.nfrTargetPercent ?? current ?? '')}
        errors={state?.fieldErrors?.nfrTargetPercent}
      />
      <SubmitButton variant="secondary">Save target</SubmitButton>
    </form>
  );
}
