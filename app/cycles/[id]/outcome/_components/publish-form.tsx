'use client';
import { useActionState, useState } from 'react';
import { previewOutcomeEmailAction, publishOutcomeAction } from '@/app/cycles/[id]/outcome/actions';
import { MailPreview, type MailPreviewData } from '@/components/messages/mail-preview';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

const NOTE_MAX = 2000;

/**
 * Publish, after a confirmation that says how many people it notifies (counted by the function that
 * sends), with an optional personal note and a preview of the e-mail. Stays mounted once published
 * (the page passes `published`), so the confirmation message survives the re-render.
 */
export function PublishForm({
  cycleId,
  decisions,
  published,
  audience,
}: {
  cycleId: number;
  decisions: number;
  published: boolean;
  /** "Publishing notifies 14 people: 9 requestors, 5 sponsors." */
  audience: string;
}) {
  const [state, action] = useActionState(publishOutcomeAction, undefined);
  const [previewState, preview] = useActionState(previewOutcomeEmailAction, undefined);
  const [confirming, setConfirming] = useState(false);
  // Controlled, so the note survives a preview (a finished form action resets uncontrolled fields).
  const [note, setNote] = useState('');
  if (published) return <FormMessage state={state} />;
  const shown = previewState?.ok ? (previewState.data as { preview: MailPreviewData | null }).preview : null;
  const errors = (state?.fieldErrors?.note ?? previewState?.fieldErrors?.note) as string[] | undefined;
  return (
    <form action={action} className="space-y-2 print:hidden">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} besideFields={['note']} />
      {confirming ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p id="publish-confirm">
            Publishing makes this outcome readable by everyone and sends each requestor and sponsor one e-mail about all
            their items ({decisions} decided item{decisions === 1 ? '' : 's'}, and any not decided). It cannot be
            undone.
          </p>
          <p className="font-medium">{audience}</p>
          <TextArea
            label="Personal note (optional)"
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={NOTE_MAX}
            hint={`Shown at the top of every e-mail; at most ${NOTE_MAX.toLocaleString('en')} characters.`}
            errors={errors}
          />
          {!previewState?.ok && <FormMessage state={previewState} besideFields={['note']} />}
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingText="Publishing…">Yes, publish the outcome</SubmitButton>
            <Button variant="secondary" type="submit" formAction={preview}>
              Preview the e-mail
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
          {previewState?.ok && !shown && <p>Nobody would be sent an e-mail.</p>}
          {shown && <MailPreview preview={shown} />}
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>Publish the outcome…</Button>
      )}
    </form>
  );
}
