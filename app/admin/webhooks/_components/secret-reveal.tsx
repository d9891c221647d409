'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** A secret shown once, with a button that copies it. */
export function SecretReveal({ secret, label }: { secret: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
      <label htmlFor="webhook-secret" className="block font-medium">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="webhook-secret"
          readOnly
          value={secret}
          className="min-w-0 flex-1 rounded border px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          Copy secret
        </Button>
        <span role="status" className="text-xs">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </div>
  );
}

/** The secret a create or rotate action put at the end of its message. */
export const secretOf = (state: { ok: boolean; message?: string } | undefined) =>
  state?.ok && state.message ? state.message.slice(state.message.lastIndexOf(' ') + 1) : undefined;
