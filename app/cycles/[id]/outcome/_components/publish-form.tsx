'use client';
import { useActionState, useState } from 'react';
import { publishOutcomeAction } from '@/app/cycles/[id]/outcome/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * Publish, after a confirmation: it notifies people and cannot be undone. Stays mounted once
 * published (the page passes `published`), so the confirmation message survives the re-render.
 */
export function PublishForm({
  cycleId,
  decisions,
  published,
}: {
  cycleId: number;
  decisions: number;
  published: boolean;
}) {
  const [state, action] = useActionState(publishOutcomeAction, undefined);
  const [confirming, setConfirming] = useState(false);
  if (published) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-2 print:hidden">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      {confirming ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p id="publish-confirm">
            Publishing makes this outcome readable by everyone and tells the requestor and sponsor of each of the{' '}
            {decisions} decided item{decisions === 1 ? '' : 's'} its fate, in-app and by e-mail. It cannot be undone.
          </p>
          <div className="flex gap-2">
            <SubmitButton pendingText="Publishing…">Yes, publish the outcome</SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>Publish the outcome…</Button>
      )}
    </form>
  );
}
