'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth.server';
import { SignInSchema, signInMessage } from '@/lib/auth/credentials.server';
import type { FormState } from '@/lib/actions.server';
import { fieldErrorsOf } from '@/lib/validation';
import { safeNextPath } from '@/lib/auth/next-path';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ssoRouteForEmail } from '@/lib/auth/sso-route.server';

export async function signInAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '');
  const parsed = SignInSchema.safeParse({ email, password: form.get('password') ?? '' });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeNextPath(form.get('next')) });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = String(error.code);
      const [reason, seconds] = code.split(':');
      const message =
        reason === 'throttled'
          ? signInMessage({ ok: false, reason: 'throttled', seconds: Number(seconds) || 1 })
          : reason === 'sso_required'
            ? signInMessage({ ok: false, reason, connectionName: code.slice(code.indexOf(':') + 1) })
            : signInMessage({ ok: false, reason: reason === 'inactive' ? 'inactive' : 'invalid' });
      return { ok: false, message, values: { email } };
    }
    if (error instanceof AuthError) return { ok: false, message: 'Sign-in failed. Try again.', values: { email } };
    throw error; // the redirect after a successful sign-in
  }
}

const SsoEmailSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter your work e-mail address.').max(254),
});

/** "Continue with single sign-on": the typed e-mail's domain picks the provider; no password needed. */
export async function continueWithSsoAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '');
  const parsed = SsoEmailSchema.safeParse({ email });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  const route = await ssoRouteForEmail(parsed.data.email);
  if (!route) {
    const domain = parsed.data.email.slice(parsed.data.email.indexOf('@') + 1);
    return {
      ok: false,
      message: `${domain} has no single sign-on here: sign in with your password.`,
      values: { email },
    };
  }
  redirect(`/sso/${route.connectionId}/start?next=${encodeURIComponent(safeNextPath(form.get('next')))}`);
}
