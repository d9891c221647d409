'use client';
import { useActionState } from 'react';
import { approveAction, closeSessionAction, declineAction, withdrawAction } from '@/app/changes/[id]/actions';
import type { FormState } from '@/lib/actions.server';
import type { ApprovalGate } from '@/lib/changes/rule';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * The pm's controls on a change request and the raiser's withdraw: each a small form
 * of its own, so a refusal (a missing reason, a decision someone else made first) shows beside the
 * control it concerns. What is allowed comes from the page (ChangeRequestDetail.viewer/gate); the
 * server checks it again.
 */

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

function useForm(action: Action) {
  const [state, formAction] = useActionState(action, undefined);
  const text = (key: string) => (state?.values ? String(state.values[key] ?? '') : '');
  return { state, formAction, errors: state?.fieldErrors ?? {}, text, key: JSON.stringify(state?.values ?? null) };
}

const box = 'space-y-2 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

export function CloseSessionForm({ changeRequestId, sessionId }: { changeRequestId: number; sessionId: number }) {
  const { state, formAction } = useForm(closeSessionAction);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="changeRequestId" value={changeRequestId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormMessage state={state} />
      <p className="text-sm">
        Close the live session when everyone has spoken: no more responses are taken, and you then approve or decline.
      </p>
      <SubmitButton variant="secondary" pendingText="Closing…">
        Close the session
      </SubmitButton>
    </form>
  );
}

/** Approve, with the gate's word on the rule; against the rule a written justification is required. */
export function ApproveForm({ changeRequestId, gate }: { changeRequestId: number; gate: ApprovalGate }) {
  const { state, formAction, errors, text, key } = useForm(approveAction);
  return (
    <form key={key} action={formAction} noValidate className={box}>
      <input type="hidden" name="changeRequestId" value={changeRequestId} />
      <h3 className="font-semibold">Approve this change request</h3>
      <FormMessage state={state} besideFields={gate.againstRule ? ['justification'] : []} />
      <p
        className={`text-sm ${gate.againstRule ? 'font-medium text-amber-900 dark:text-amber-200' : 'text-emerald-800 dark:text-emerald-200'}`}
      >
        {gate.message}
      </p>
      {gate.againstRule && (
        <TextArea
          label="Justification"
          name="justification"
          rows={3}
          required
          defaultValue={text('justification')}
          errors={errors.justification}
          hint="Why approve although the rule is not met. It is shown everywhere the outcome is shown."
        />
      )}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Approving applies the change to the schedule at once and tells everyone affected.
      </p>
      <SubmitButton pendingText="Approving…">Approve</SubmitButton>
    </form>
  );
}

export function DeclineForm({ changeRequestId }: { changeRequestId: number }) {
  const { state, formAction, errors, text, key } = useForm(declineAction);
  return (
    <form key={key} action={formAction} noValidate className={box}>
      <input type="hidden" name="changeRequestId" value={changeRequestId} />
      <h3 className="font-semibold">Decline this change request</h3>
      <FormMessage state={state} besideFields={['reason']} />
      <TextArea
        label="Reason"
        name="reason"
        rows={3}
        required
        defaultValue={text('reason')}
        errors={errors.reason}
        hint="Told to the raiser and the invited leaders."
      />
      <SubmitButton variant="danger" pendingText="Declining…">
        Decline
      </SubmitButton>
    </form>
  );
}

/** The raiser (or a pm) takes the request back while no session is deciding it. */
export function WithdrawForm({ changeRequestId }: { changeRequestId: number }) {
  const { state, formAction, errors, text, key } = useForm(withdrawAction);
  return (
    <form key={key} action={formAction} noValidate className={box}>
      <input type="hidden" name="changeRequestId" value={changeRequestId} />
      <h3 className="font-semibold">Withdraw this change request</h3>
      <FormMessage state={state} />
      <TextArea
        label="Note (optional)"
        name="withdrawNote"
        rows={2}
        defaultValue={text('withdrawNote')}
        errors={errors.reason}
        hint="Why it is no longer needed; shown in its history."
      />
      <SubmitButton variant="secondary" pendingText="Withdrawing…">
        Withdraw
      </SubmitButton>
    </form>
  );
}
