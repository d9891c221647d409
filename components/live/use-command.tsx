'use client';
import { useCallback, useState } from 'react';
import type { Send } from './use-live-meeting';

const NO_FIELDS: readonly string[] = [];

/**
 * One control's round trip: pending while sent, then its refusal (message and field errors) if any.
 * `besideFields` names the fields whose errors the control shows beside them: a refusal about one of
 * those is said there only, so `error` (the box under the control) stays empty rather than repeat it.
 */
export function useCommand(send: Send, besideFields: readonly string[] = NO_FIELDS) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const run = useCallback(
    async (command: Record<string, unknown>) => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      const result = await send(command);
      setPending(false);
      if (!result.ok) {
        const fields = result.fieldErrors ?? {};
        setError(besideFields.some((f) => fields[f]?.length) ? null : result.error);
        setFieldErrors(fields);
      }
      return result.ok;
    },
    [send, besideFields],
  );
  return { run, pending, error, fieldErrors };
}

/** A refusal, announced to screen readers. */
export function CommandError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {error}
    </p>
  );
}
