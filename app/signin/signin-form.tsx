'use client';
import { useActionState, useSyncExternalStore } from 'react';
import { withFragment } from '@/lib/auth/next-path';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { signInAction } from './actions';

const subscribeHash = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function SignInForm({ next, email = '' }: { next: string; email?: string }) {
  const [state, action] = useActionState(signInAction, undefined);
  // A link into a page (`…/preread#item-52`) reaches sign-in with its fragment still in the address
  // bar (the browser keeps it across the redirect) but never on the server: send it along with the
  // return path, which the server checks (lib/auth/next-path.ts) before following it.
  const hash = useSyncExternalStore(
    subscribeHash,
    () => window.location.hash,
    () => '',
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={withFragment(next, hash)} />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={String(state?.values?.email ?? email)}
        errors={state?.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fieldErrors?.password}
      />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
