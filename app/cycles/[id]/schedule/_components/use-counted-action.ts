'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions.server';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;
export type CountedState = FormState & { n: number };

/**
 * A server action's state plus a result counter. React resets a form after its action; keying the
 * form's fields on the counter remounts them after every result, so they show the echoed values
 * after an error (nothing typed is lost) and are empty, or fresh from the server, after success.
 */
export function useCountedAction(action: Action) {
  return useActionState(
    async (prev: CountedState | undefined, form: FormData): Promise<CountedState> => ({
      ...(await action(prev, form)),
      n: (prev?.n ?? 0) + 1,
    }),
    undefined,
  );
}

/** What a field shows: the typed value after an error, else `fallback`. */
export function typed(state: CountedState | undefined, name: string, fallback: string): string {
  const value = state && !state.ok ? state.values?.[name] : undefined;
  return typeof value === 'string' ? value : fallback;
}
