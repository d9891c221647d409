'use client';
import { useActionState } from 'react';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { askForInformationAction, declineRequestAction } from '@/app/triage/curation-actions';

type Props = { itemId: number; version: number };

/** Triage's other answers: decline (asked twice, it is final) or send the request back with a question. */
export function TriageAnswers(props: Props) {
  return (
    <div className="grid max-w-3xl gap-4 grid-cols-1 md:grid-cols-2">
      <AskForInformation {...props} />
      <Decline {...props} />
    </div>
  );
}

function Hidden({ itemId, version }: Props) {
  return (
    <>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

const box = 'space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800';

function AskForInformation(props: Props) {
  const [state, action] = useActionState(askForInformationAction, undefined);
  const typed = state?.values?.question;
  return (
    <form action={action} className={box} aria-labelledby="ask-heading" noValidate>
      <h2 id="ask-heading" className="font-semibold">
        Ask for more information
      </h2>
      <FormMessage state={state} besideFields={['question']} />
      <Hidden {...props} />
      <TextArea
        label="Question for the requestor"
        name="question"
        maxLength={2000}
        required
        defaultValue={typeof typed === 'string' ? typed : ''}
        errors={state?.fieldErrors?.question}
        hint="They edit the request and resubmit it; it comes back here marked Resubmitted."
      />
      <SubmitButton pendingText="Sending…">Send the question</SubmitButton>
    </form>
  );
}

function Decline(props: Props) {
  const [state, action] = useActionState(declineRequestAction, undefined);
  const typed = state?.values?.reason;
  return (
    <form action={action} className={box} aria-labelledby="decline-heading" noValidate>
      <h2 id="decline-heading" className="font-semibold">
        Decline the request
      </h2>
      <FormMessage state={state} besideFields={['reason']} />
      <Hidden {...props} />
      <TextArea
        label="Reason for declining"
        name="reason"
        maxLength={2000}
        required
        defaultValue={typeof typed === 'string' ? typed : ''}
        errors={state?.fieldErrors?.reason}
        hint="The requestor reads it on their request at once."
      />
      <ConfirmStep
        open="Decline…"
        question="Decline this request? This cannot be taken back."
        confirm="Yes, decline"
        pendingText="Declining…"
      />
    </form>
  );
}

/** The mark on a request that came back after its requestor answered a question. */
export function ResubmittedMark() {
  return (
    <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
      Resubmitted
    </span>
  );
}
