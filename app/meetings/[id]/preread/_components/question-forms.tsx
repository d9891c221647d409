'use client';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { answerQuestionAction, askQuestionAction, resolveQuestionAction } from '@/app/meetings/[id]/preread/actions';
import { BodyForm } from './body-form';

export function AskQuestionForm({
  meetingId,
  itemId,
  title,
  autoFocus,
}: {
  meetingId: number;
  itemId: number;
  title: string;
  autoFocus?: boolean;
}) {
  return (
    <BodyForm
      action={askQuestionAction}
      formLabel={`Ask a question about ${title}`}
      fieldLabel="Your question"
      submitLabel="Ask question"
      pendingText="Sending…"
      hidden={{ meetingId, itemId }}
      autoFocus={autoFocus}
    />
  );
}

/**
 * A button that opens the ask form: a pre-read has a form per item, and rendering 200 closed
 * buttons instead of 200 forms keeps the page light to load and to read.
 */
export function AskQuestion(props: { meetingId: number; itemId: number; title: string }) {
  const [open, setOpen] = useState(false);
  if (open) return <AskQuestionForm {...props} autoFocus />;
  return (
    // Styled by the pre-read's stylesheet (.pr-ask): 200 of these would otherwise carry long class lists.
    <button type="button" className="pr-ask" aria-expanded={false} onClick={() => setOpen(true)}>
      Ask a question
    </button>
  );
}

export function AnswerForm({
  meetingId,
  questionId,
  askedBy,
}: {
  meetingId: number;
  questionId: number;
  askedBy: string;
}) {
  return (
    <BodyForm
      action={answerQuestionAction}
      formLabel={`Answer the question from ${askedBy}`}
      fieldLabel="Your answer"
      submitLabel="Answer"
      pendingText="Sending…"
      hidden={{ meetingId, questionId }}
    />
  );
}

export function ResolveForm({
  meetingId,
  questionId,
  askedBy,
}: {
  meetingId: number;
  questionId: number;
  askedBy: string;
}) {
  const [state, action] = useActionState(resolveQuestionAction, undefined);
  return (
    <form action={action} aria-label={`Resolve the question from ${askedBy}`} className="space-y-2 print:hidden">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="questionId" value={questionId} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="Resolving…">
        Mark resolved
      </SubmitButton>
    </form>
  );
}
