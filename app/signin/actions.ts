'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth.server';
import { SignInSchema, signInMessage } from '@/lib/auth/credentials.server';
import type { FormState } from '@/lib/actions.server';
import { fieldErrorsOf } from '@/lib/validation';
import { safeNextPath } from '@/lib/auth/next-path';

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
