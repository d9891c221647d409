'use client';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/actions.server';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;
type Counted = FormState & { n: number };

/**
 * A one-textarea form (a question or an answer). React resets a form after its action; the
 * textarea is remounted after every result — empty after success, with the typed text after an
 * error — by keying it on a result counter (echoed values alone may repeat and skip the remount).
 */
export function BodyForm(props: {
  action: Action;
  formLabel: string;
  fieldLabel: string;
  submitLabel: string;
  pendingText: string;
  hidden: Record<string, number>;
  /** Focus the textarea when the form appears (it was opened on request). */
  autoFocus?: boolean;
}) {
  const [state, run] = useActionState(
    async (prev: Counted | undefined, form: FormData): Promise<Counted> => ({
      ...(await props.action(prev, form)),
      n: (prev?.n ?? 0) + 1,
    }),
    undefined,
  );
  const id = useId();
  const errors = state?.fieldErrors?.body;
  const typed = state && !state.ok ? String(state.values?.body ?? '') : '';
  return (
    <form action={run} aria-label={props.formLabel} className="space-y-2 print:hidden" noValidate>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div key={state?.n ?? 0}>
        <TextArea
          label={props.fieldLabel}
          name="body"
          id={id}
          rows={3}
          defaultValue={typed}
          errors={errors}
          autoFocus={Boolean(errors?.length) || (props.autoFocus && !state)}
        />
      </div>
      {/* The field shows its own errors; the summary line is for success and errors without a field. */}
      <FormMessage state={errors?.length ? undefined : state} />
      <SubmitButton variant="secondary" pendingText={props.pendingText}>
        {props.submitLabel}
      </SubmitButton>
    </form>
  );
}
