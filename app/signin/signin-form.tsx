'use client';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { withFragment } from '@/lib/auth/next-path';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { Button } from '@/components/ui/button';
import { continueWithSsoAction, signInAction } from './actions';

const subscribeHash = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * E-mail and password, or the e-mail alone: "Continue with single sign-on" sends it to the provider
 * of its domain. Both buttons post the same form to different actions, so nothing typed is lost.
 */
export function SignInForm({
  next,
  ssoAvailable,
  email = '',
}: {
  next: string;
  ssoAvailable: boolean;
  /** Prefilled, e.g. after accepting an invitation. */
  email?: string;
}) {
  const [passwordState, passwordAction] = useActionState(signInAction, undefined);
  const [ssoState, ssoAction, ssoPending] = useActionState(continueWithSsoAction, undefined);
  // The answer shown is the one to the button pressed last.
  const [last, setLast] = useState<'password' | 'sso'>('password');
  const state = last === 'sso' ? (ssoPending ? undefined : ssoState) : passwordState;
  // A link into a page (`…/preread#item-52`) reaches sign-in with its fragment still in the address
  // bar (the browser keeps it across the redirect) but never on the server: send it along with the
  // return path, which the server checks (lib/auth/next-path.ts) before following it.
  const hash = useSyncExternalStore(
    subscribeHash,
    () => window.location.hash,
    () => '',
  );
  return (
    <form
      action={passwordAction}
      className="space-y-4"
      noValidate
      onSubmit={(e) => setLast((e.nativeEvent as SubmitEvent).submitter?.dataset.kind === 'sso' ? 'sso' : 'password')}
    >
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
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
        {ssoAvailable && (
          <Button type="submit" variant="secondary" formAction={ssoAction} disabled={ssoPending} data-kind="sso">
            {ssoPending ? 'Finding your provider…' : 'Continue with single sign-on'}
          </Button>
        )}
      </div>
    </form>
  );
}
