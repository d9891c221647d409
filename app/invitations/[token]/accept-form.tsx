'use client';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { acceptInvitationAction } from './actions';

export function AcceptForm({
  token,
  name,
  minPasswordLength,
}: {
  token: string;
  name: string;
  minPasswordLength: number;
}) {
  const [state, action] = useActionState(acceptInvitationAction, undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} besideFields={['name', 'password']} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state?.ok === false ? String(state.values?.name ?? name) : name}
        errors={state?.fieldErrors?.name}
      />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters.`}
        errors={state?.fieldErrors?.password}
      />
      <SubmitButton pendingText="Creating your account…">Accept and create my account</SubmitButton>
    </form>
  );
}
