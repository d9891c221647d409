'use client';
import { useActionState } from 'react';
import { respondAction } from '@/app/changes/[id]/actions';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { RESPONSE_LABEL } from '@/components/changes/labels';

/**
 * An invited leader's assent or dissent. A dissent needs a comment: lib/ says so and
 * the message shows beside the field. Responding again replaces the earlier response (every one
 * stays in the history), which the form says before it is sent.
 */
export function RespondForm({
  changeRequestId,
  sessionId,
  mine,
}: {
  changeRequestId: number;
  sessionId: number;
  mine: { response: 'assent' | 'dissent'; comment: string } | null;
}) {
  const [state, action] = useActionState(respondAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const echoed = state?.values;
  const response = echoed ? String(echoed.response ?? '') : (mine?.response ?? '');
  const comment = echoed ? String(echoed.comment ?? '') : (mine?.comment ?? '');
  return (
    <section
      aria-labelledby="respond-heading"
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-900 dark:bg-indigo-950/30"
    >
      <h2 id="respond-heading" className="text-lg font-semibold">
        Your response
      </h2>
      <p className="text-sm">
        {mine ? (
          <>
            You have responded: <strong>{RESPONSE_LABEL[mine.response]}</strong>. Sending a new response replaces it.
          </>
        ) : (
          'You are invited to this session: assent or dissent. A dissent needs a comment saying why.'
        )}
      </p>
      {/* Re-mounted after each answer, so the fields show what was sent (or what was refused). */}
      <form key={JSON.stringify(state ?? null)} action={action} noValidate className="space-y-3">
        <input type="hidden" name="changeRequestId" value={changeRequestId} />
        <input type="hidden" name="sessionId" value={sessionId} />
        <FormMessage state={state} besideFields={['response', 'comment']} />
        <fieldset
          role="radiogroup"
          aria-labelledby="response-legend"
          aria-invalid={errors.response ? true : undefined}
          aria-describedby={errors.response ? 'response-error' : undefined}
        >
          <legend id="response-legend" className="text-sm font-medium">
            Response
          </legend>
          <div className="mt-1 flex gap-4 text-sm">
            {(['assent', 'dissent'] as const).map((value) => (
              <label key={value} className="flex items-center gap-1.5">
                <input type="radio" name="response" value={value} defaultChecked={response === value} />{' '}
                {RESPONSE_LABEL[value]}
              </label>
            ))}
          </div>
          {errors.response && (
            <p id="response-error" className="text-sm text-red-700 dark:text-red-400">
              {errors.response.join(' ')}
            </p>
          )}
        </fieldset>
        <TextArea
          label="Comment"
          name="comment"
          rows={3}
          maxLength={2000}
          defaultValue={comment}
          errors={errors.comment}
          hint="Required when you dissent; optional when you assent."
        />
        <SubmitButton pendingText="Sending…">Send response</SubmitButton>
      </form>
    </section>
  );
}
