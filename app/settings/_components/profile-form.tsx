'use client';
import { useActionState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveProfileAction } from '@/app/settings/actions';

/** The person's own name and the time zone every time is shown to them in. */
export function ProfileForm({
  name,
  timeZone,
  zones,
}: {
  name: string;
  timeZone: string | null;
  /** The server's list, so the choice is one it accepts. */
  zones: string[];
}) {
  const [state, action] = useActionState(saveProfileAction, undefined);
  const value = (key: string, stored: string) => (state?.ok === false ? String(state.values?.[key] ?? stored) : stored);
  return (
    <form action={action} aria-labelledby="profile-heading" className="space-y-4">
      <h2 id="profile-heading" className="text-base font-semibold">
        Profile
      </h2>
      <FormMessage state={state} besideFields={['name', 'timeZone']} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={value('name', name)}
        errors={state?.fieldErrors?.name}
      />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={value('timeZone', timeZone ?? '')}
        placeholder="Not set: pages use this device’s zone, e-mails UTC"
        options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        hint="Every time in Quorum and in its e-mails is shown in this zone, and names it."
        errors={state?.fieldErrors?.timeZone}
      />
      <SubmitButton pendingText="Saving…">Update profile</SubmitButton>
    </form>
  );
}
