'use client';
import { useActionState } from 'react';
import type { FormActionFn, FormState } from '@/lib/actions.server';
import { FormMessage } from '@/components/ui/form-message';

/**
 * A small admin form around one server action: the action's message above, the typed values kept
 * on an error (the children get them and the field errors).
 */
export function ActionForm({
  action,
  label,
  hidden,
  children,
  className = 'space-y-3',
}: {
  action: FormActionFn;
  label: string;
  hidden?: Record<string, string | number>;
  children: (state: { errors: Record<string, string[] | undefined>; typed?: FormState['values'] }) => React.ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} aria-label={label} className={className} noValidate key={JSON.stringify(typed ?? null)}>
      <FormMessage state={state} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children({ errors: state?.fieldErrors ?? {}, typed })}
    </form>
  );
}

export const typedText = (typed: FormState['values'], name: string, fallback = ''): string => {
  const v = typed?.[name];
  return typeof v === 'string' ? v : fallback;
};
