import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/session.server';
import { safeNextPath } from '@/lib/auth/next-path';
import { enabledConnections } from '@/lib/auth/sso-route.server';
import { SSO_REFUSALS, type SsoRefusalReason } from '@/lib/sso/claims';
import { buttonClass } from '@/components/ui/button';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in · Quorum' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  // After accepting an invitation: their address, prefilled (only a plausible one; it is only a default).
  const email =
    typeof params.email === 'string' && /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(params.email) ? params.email : '';
  const invited = params.invited === '1';
  if (await currentUser()) redirect(next);
  const connections = await enabledConnections();
  const refusal =
    typeof params.sso_error === 'string' && params.sso_error in SSO_REFUSALS
      ? (params.sso_error as SsoRefusalReason)
      : null;
  return (
    <div className="mx-auto mt-18 max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Quorum</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">Decide together what gets built next.</p>
      {invited && (
        <p
          role="status"
          className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Your account is ready: sign in with the password you chose.
        </p>
      )}
      {refusal && (
        <p
          role="alert"
          className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          Single sign-on did not work: {SSO_REFUSALS[refusal]}
        </p>
      )}
      <SignInForm next={next} ssoAvailable={connections.length > 0} email={email} />
      {connections.length > 0 && (
        <div className="mt-6 space-y-2">
          <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">or</p>
          {connections.map((c) => (
            <a
              key={c.id}
              href={`/sso/${c.id}/start?next=${encodeURIComponent(next)}`}
              // The connection's name is an admin's text: a long one breaks rather than widen a phone's page.
              className={`${buttonClass('secondary')} w-full justify-center text-center wrap-anywhere`}
            >
              Continue with {c.name}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
