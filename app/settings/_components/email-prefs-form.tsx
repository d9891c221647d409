'use client';
import { useActionState } from 'react';
import { saveEmailPrefsAction } from '@/app/settings/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export type EmailPrefOption = { kind: string; label: string; email: boolean };

/** One checkbox per kind of notification; in-app notifications are always on. */
export function EmailPrefsForm({ prefs }: { prefs: EmailPrefOption[] }) {
  const [state, action] = useActionState(saveEmailPrefsAction, undefined);
  // After a refused save, show what was submitted rather than what is stored.
  const submitted = state && !state.ok ? [state.values?.kinds ?? []].flat() : null;
  const errors = state?.fieldErrors?.kinds;
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <fieldset aria-describedby={errors?.length ? 'kinds-error' : 'kinds-hint'} className="space-y-2">
        <legend className="text-base font-semibold">E-mail notifications</legend>
        <p id="kinds-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
          Every notification appears in Quorum. Choose which ones are also sent to you by e-mail.
        </p>
        {prefs.map((p) => (
          <div key={p.kind} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`kind-${p.kind}`}
              name="kinds"
              value={p.kind}
              defaultChecked={submitted ? submitted.includes(p.kind) : p.email}
              className="size-4 rounded border-zinc-300 accent-indigo-600"
            />
            <label htmlFor={`kind-${p.kind}`} className="text-sm">
              {p.label}
            </label>
          </div>
        ))}
        {errors?.length ? (
          <ul id="kinds-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
