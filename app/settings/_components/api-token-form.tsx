'use client';
import { useActionState, useState } from 'react';
import { createApiTokenAction } from '@/app/settings/actions';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { NEW_TOKEN_MESSAGE } from '@/lib/api-tokens/scopes';

const EXPIRY_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'date', label: 'On a date…' },
];

/** A new personal access token: name, scopes (only those the role can use), expiry. The secret is shown once. */
export function ApiTokenForm({ scopes }: { scopes: { scope: string; label: string }[] }) {
  const [state, action] = useActionState(createApiTokenAction, undefined);
  const [expiresIn, setExpiresIn] = useState('30');
  const [copied, setCopied] = useState(false);
  const secret = state?.ok && state.message?.startsWith(NEW_TOKEN_MESSAGE) ? state.message.split(' ').pop() : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const chosen = values ? [values.scopes ?? []].flat() : null;
  const errors = state?.fieldErrors;
  return (
    <form action={action} aria-label="New API token" className="space-y-4">
      {state && !state.ok && <FormMessage state={state} besideFields={['name', 'scopes', 'expiresOn']} />}
      {secret && (
        <div className="space-y-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          <label htmlFor="new-api-token" className="block font-medium">
            {NEW_TOKEN_MESSAGE}
          </label>
          <input
            id="new-api-token"
            readOnly
            value={secret}
            className="w-full min-w-0 rounded border px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
          >
            {copied ? 'Copied' : 'Copy token'}
          </button>
        </div>
      )}
      <TextField
        label="Token name"
        name="name"
        id="token-name"
        required
        maxLength={100}
        defaultValue={values?.name}
        errors={errors?.name}
        hint="What the token is for, e.g. “Reporting script”."
      />
      <fieldset aria-describedby={errors?.scopes?.length ? 'scopes-error' : undefined} className="space-y-2">
        <legend className="text-sm font-medium">Scopes</legend>
        {scopes.map((s) => (
          <div key={s.scope} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`scope-${s.scope}`}
              name="scopes"
              value={s.scope}
              defaultChecked={chosen ? chosen.includes(s.scope) : false}
              className="size-4 rounded border-zinc-300 accent-indigo-600"
            />
            <label htmlFor={`scope-${s.scope}`} className="text-sm">
              {s.label} <code className="text-xs text-zinc-600 dark:text-zinc-400">{s.scope}</code>
            </label>
          </div>
        ))}
        {errors?.scopes?.length ? (
          <ul id="scopes-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.scopes.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <SelectField
        label="Expires"
        name="expiresIn"
        id="token-expires-in"
        options={EXPIRY_OPTIONS}
        value={expiresIn}
        onChange={(e) => setExpiresIn(e.currentTarget.value)}
        errors={errors?.expiresIn}
      />
      {expiresIn === 'date' && (
        <TextField
          label="Expiry date"
          name="expiresOn"
          id="token-expires-on"
          type="date"
          defaultValue={values?.expiresOn as string | undefined}
          errors={errors?.expiresOn}
          hint="At most one year from today."
        />
      )}
      <SubmitButton pendingText="Creating…">Create token</SubmitButton>
    </form>
  );
}
