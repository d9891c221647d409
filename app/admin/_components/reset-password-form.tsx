'use client';
import { useActionState, useId } from 'react';
import { controlClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { resetPasswordAction } from '@/app/admin/actions';

/** A new password for someone who lost theirs, behind a disclosure so the table stays calm. */
export function ResetPasswordForm({ userId, name }: { userId: number; name: string }) {
  const [state, action] = useActionState(resetPasswordAction, undefined);
  const id = useId();
  const error = state?.ok === false ? (state.fieldErrors?.password?.[0] ?? state.message) : undefined;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">Reset password</summary>
      <form action={action} aria-label={`Reset ${name}'s password`} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <div className="space-y-1">
          <label htmlFor={id} className="block text-xs font-medium">
            New password for {name}
          </label>
          <input
            id={id}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            className={controlClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
          />
          {error ? (
            <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
              At least 12 characters. Their open sessions end.
            </p>
          )}
        </div>
        <SubmitButton variant="secondary" pendingText="Resetting…">
          Set password
        </SubmitButton>
        {state?.ok && (
          <span role="status" className="text-xs">
            {state.message}
          </span>
        )}
      </form>
    </details>
  );
}
