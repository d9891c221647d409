'use client';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveSettingsAction } from '@/app/admin/settings/actions';

export function MeetingSettingsForm({
  initial,
}: {
  initial: { prereadLeadDays: number; maxDepartmentSharePercent: number };
}) {
  const [state, action] = useActionState(saveSettingsAction, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} key={JSON.stringify(typed ?? null)} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Pre-read lead time (days)"
        name="prereadLeadDays"
        inputMode="numeric"
        defaultValue={String(typed?.prereadLeadDays ?? initial.prereadLeadDays)}
        errors={e.prereadLeadDays}
        hint="Sending the pre-read later than this before the meeting needs a confirmation and is marked late."
      />
      <TextField
        label="Largest share of voters for one department (%)"
        name="maxDepartmentSharePercent"
        inputMode="decimal"
        defaultValue={String(typed?.maxDepartmentSharePercent ?? initial.maxDepartmentSharePercent)}
        errors={e.maxDepartmentSharePercent}
        hint="Planning a meeting warns when one department holds more of the votes than this."
      />
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
